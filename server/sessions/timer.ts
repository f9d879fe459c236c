/**
 * The session clock as the chair works it. Pure: the time comes in as `now`, so the rules are
 * tested without waiting. A running clock is when it ends; a paused one is what was left.
 */
export interface TimerState {
  timer_ends_at: number | null;
  timer_paused_ms: number | null;
}

export type TimerChange = { seconds: number } | { action: 'pause' | 'resume' | 'extend' } | null;

const EXTEND_MS = 60_000;

export function changeTimer(timer: TimerState, change: TimerChange, now: number): TimerState {
  if (change === null) return { timer_ends_at: null, timer_paused_ms: null };
  if ('seconds' in change) return { timer_ends_at: now + change.seconds * 1000, timer_paused_ms: null };
  const { timer_ends_at: endsAt, timer_paused_ms: pausedMs } = timer;
  switch (change.action) {
    case 'pause':
      return endsAt === null ? timer : { timer_ends_at: null, timer_paused_ms: Math.max(0, endsAt - now) };
    case 'resume':
      return pausedMs === null ? timer : { timer_ends_at: now + pausedMs, timer_paused_ms: null };
    case 'extend':
      // A clock that already ran out gets a minute from now, not a minute after it ended.
      if (endsAt !== null) return { timer_ends_at: Math.max(endsAt, now) + EXTEND_MS, timer_paused_ms: null };
      if (pausedMs !== null) return { timer_ends_at: null, timer_paused_ms: pausedMs + EXTEND_MS };
      return timer;
  }
}
