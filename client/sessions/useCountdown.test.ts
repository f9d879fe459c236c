import { expect, test } from 'vitest';
import { formatClock, remainingMs } from './useCountdown';

test('a screen whose clock runs two minutes behind counts down to the same moment', () => {
  const timer = { endsAt: 1_000_000, serverNow: 900_000, pausedRemainingMs: null };
  // This device read 780_000 when the answer came: its clock is 120 s behind the server's.
  const offset = timer.serverNow - 780_000;
  expect(remainingMs(timer, offset, 780_000)).toBe(100_000);
  expect(remainingMs(timer, offset, 880_000)).toBe(0);
  expect(remainingMs({ endsAt: null, serverNow: 0, pausedRemainingMs: 42_000 }, offset)).toBe(42_000);
  expect(remainingMs(null, 0)).toBeNull();
});

test('the clock reads in minutes and seconds', () => {
  expect(formatClock(245_000)).toBe('4:05');
  expect(formatClock(8_100)).toBe('0:09');
  expect(formatClock(0)).toBe('0:00');
});
