import { expect, test } from 'vitest';
import { Throttle } from './signInThrottle';

const rule = { freeAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, windowMs: 60_000 };

test('free attempts pass, then every failure doubles the wait up to the cap', () => {
  const throttle = new Throttle(rule);
  const t0 = 1_000_000;
  for (let i = 0; i < 3; i++) throttle.recordFailure('k', t0);
  expect(throttle.retryAfterMs('k', t0)).toBe(0);
  throttle.recordFailure('k', t0);
  expect(throttle.retryAfterMs('k', t0)).toBe(1_000);
  throttle.recordFailure('k', t0);
  expect(throttle.retryAfterMs('k', t0)).toBe(2_000);
  for (let i = 0; i < 5; i++) throttle.recordFailure('k', t0);
  expect(throttle.retryAfterMs('k', t0)).toBe(8_000);
  expect(throttle.retryAfterMs('k', t0 + 8_000)).toBe(0);
});

test('keys are independent, a reset forgives and old failures are forgotten', () => {
  const throttle = new Throttle(rule);
  const t0 = 5_000_000;
  for (let i = 0; i < 4; i++) throttle.recordFailure('a', t0);
  expect(throttle.retryAfterMs('a', t0)).toBeGreaterThan(0);
  expect(throttle.retryAfterMs('b', t0)).toBe(0);
  throttle.reset('a');
  expect(throttle.retryAfterMs('a', t0)).toBe(0);

  for (let i = 0; i < 3; i++) throttle.recordFailure('c', t0);
  // An hour later the earlier failures no longer count towards the free attempts.
  throttle.recordFailure('c', t0 + rule.windowMs + 1);
  expect(throttle.retryAfterMs('c', t0 + rule.windowMs + 1)).toBe(0);
});
