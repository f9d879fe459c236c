import { expect, test } from 'vitest';
import { SignUpThrottle } from './signUpThrottle';

test('a burst at once, then one per interval; the wait says when the next one is earned', () => {
  const throttle = new SignUpThrottle({ perMinute: 6, burst: 3 });
  const t0 = 1_000_000;
  expect([0, 1, 2].map(() => throttle.take('192.0.2.1', t0))).toEqual([0, 0, 0]);
  expect(throttle.take('192.0.2.1', t0)).toBe(10_000);
  expect(throttle.take('192.0.2.1', t0 + 4_000)).toBe(6_000);
  expect(throttle.take('192.0.2.1', t0 + 10_000)).toBe(0);
  expect(throttle.take('192.0.2.1', t0 + 10_000)).toBe(10_000);
});

test('addresses are independent, and a quiet address earns back no more than the burst', () => {
  const throttle = new SignUpThrottle({ perMinute: 6, burst: 3 });
  const t0 = 2_000_000;
  for (let i = 0; i < 3; i++) throttle.take('192.0.2.1', t0);
  expect(throttle.take('192.0.2.1', t0)).toBeGreaterThan(0);
  expect(throttle.take('192.0.2.2', t0)).toBe(0);
  const dayLater = t0 + 24 * 60 * 60_000;
  expect([0, 1, 2, 3].map(() => throttle.take('192.0.2.1', dayLater))).toEqual([0, 0, 0, 10_000]);
});
