import { expect, test } from 'vitest';
import { changeTimer } from './timer';

const none = { timer_ends_at: null, timer_paused_ms: null };

test('a clock that ran out gets its extra minute from now', () => {
  expect(changeTimer({ timer_ends_at: 1_000, timer_paused_ms: null }, { action: 'extend' }, 5_000)).toEqual({ timer_ends_at: 65_000, timer_paused_ms: null });
  expect(changeTimer({ timer_ends_at: 90_000, timer_paused_ms: null }, { action: 'extend' }, 5_000)).toEqual({ timer_ends_at: 150_000, timer_paused_ms: null });
});

test('pausing keeps what was left, never less than nothing; without a clock nothing happens', () => {
  expect(changeTimer({ timer_ends_at: 4_000, timer_paused_ms: null }, { action: 'pause' }, 5_000)).toEqual({ timer_ends_at: null, timer_paused_ms: 0 });
  for (const action of ['pause', 'resume', 'extend'] as const) expect(changeTimer(none, { action }, 5_000)).toEqual(none);
  expect(changeTimer({ timer_ends_at: 9_000, timer_paused_ms: null }, { action: 'resume' }, 5_000)).toEqual({ timer_ends_at: 9_000, timer_paused_ms: null });
});
