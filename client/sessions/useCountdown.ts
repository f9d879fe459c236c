/** Milliseconds left on a session clock by the server's time; ticks while it runs. */
import { useEffect, useState } from 'react';
import type { SessionTimer } from '../../shared/api/sessions';

export function remainingMs(timer: SessionTimer | null, clockOffset: number, now = Date.now()): number | null {
  if (!timer) return null;
  if (timer.endsAt === null) return timer.pausedRemainingMs;
  return Math.max(0, timer.endsAt - (now + clockOffset));
}

export function useCountdown(timer: SessionTimer | null, clockOffset: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timer || timer.endsAt === null) return;
    const interval = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(interval);
  }, [timer]);
  return remainingMs(timer, clockOffset, now);
}

/** 4:05, 12:00, 0:09 — minutes and seconds, rounded up so 0:00 means time is up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
