import { describe, expect, test } from 'vitest';
import { SignInThrottle, Throttle } from './signInThrottle';

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

describe('SignInThrottle', () => {
  const throttle = () =>
    new SignInThrottle({
      accountAtAddress: { freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 3_600_000 },
      address: { freeAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 60_000, windowMs: 3_600_000 },
    });
  const t0 = 9_000_000;

  test("failures against an account from one address never hold up the same account at another", () => {
    const t = throttle();
    for (let i = 0; i < 50; i++) t.recordFailure('eigenaar@example.nl', '203.0.113.66', t0);
    expect(t.retryAfterMs('eigenaar@example.nl', '203.0.113.66', t0)).toBeGreaterThan(0);
    expect(t.retryAfterMs('eigenaar@example.nl', '198.51.100.7', t0)).toBe(0);
  });

  test('a flood from one address slows every account tried from it; a success there does not forgive the address', () => {
    const t = throttle();
    for (let i = 0; i < 21; i++) t.recordFailure(`gok-${i}@example.nl`, '203.0.113.66', t0);
    expect(t.retryAfterMs('iemand@example.nl', '203.0.113.66', t0)).toBeGreaterThan(0);
    t.recordSuccess('eigen@example.nl', '203.0.113.66');
    expect(t.retryAfterMs('iemand@example.nl', '203.0.113.66', t0)).toBeGreaterThan(0);
    expect(t.retryAfterMs('iemand@example.nl', '198.51.100.7', t0)).toBe(0);
  });

  test('six wrong passwords from one address hold that account there until it waits', () => {
    const t = throttle();
    for (let i = 0; i < 6; i++) t.recordFailure('a@example.nl', '192.0.2.1', t0);
    expect(t.retryAfterMs('a@example.nl', '192.0.2.1', t0)).toBe(1_000);
    t.recordSuccess('a@example.nl', '192.0.2.1');
    expect(t.retryAfterMs('a@example.nl', '192.0.2.1', t0)).toBe(0);
  });
});
