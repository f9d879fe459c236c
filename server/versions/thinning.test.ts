import { expect, test } from 'vitest';
import { versionsToThin, type ThinnableVersion } from './thinning';

const HOUR = 60 * 60 * 1000;
// 2026-03-10 12:00 in Amsterdam (11:00 UTC).
const now = Date.UTC(2026, 2, 10, 11, 0, 0);
const auto = (id: string, hoursAgo: number, extra: Partial<ThinnableVersion> = {}): ThinnableVersion => ({
  id,
  kind: 'auto',
  created_at: now - hoursAgo * HOUR,
  adopted: false,
  ...extra,
});

test('every automatic version of the last 24 hours stays', () => {
  expect(versionsToThin([auto('a', 0.1), auto('b', 0.2), auto('c', 23.9)], now)).toEqual([]);
});

test('from a day to a week old, the newest of each clock hour stays', () => {
  // Now is 11:00 UTC: 30.2 h and 30.6 h ago are 04:48 and 04:24, one clock hour; 31.2 h ago is 03:48.
  const versions = [auto('h1-new', 30.2), auto('h1-old', 30.6), auto('h2', 31.2), auto('h3-a', 50.1), auto('h3-b', 50.4), auto('h3-c', 50.6)];
  expect(versionsToThin(versions, now).sort()).toEqual(['h1-old', 'h3-b', 'h3-c']);
});

test('older than a week, the newest of each Dutch calendar day stays', () => {
  // 8 days ago at 12:00 Amsterdam; 8 days ago at 00:30 Amsterdam is the same day, 23:30 the day before.
  const noon = auto('noon', 8 * 24);
  const justAfterMidnight = auto('after-midnight', 8 * 24 + 11.5);
  const dayBefore = auto('day-before', 8 * 24 + 12.5);
  expect(versionsToThin([noon, justAfterMidnight, dayBefore], now)).toEqual(['after-midnight']);
});

test('named, before-restore and adopted versions are never thinned, and do not take a bucket', () => {
  const versions = [
    auto('named', 200, { kind: 'manual' }),
    auto('backup', 200.1, { kind: 'before_restore' }),
    auto('adopted', 200.2, { adopted: true }),
    auto('auto-same-day', 200.3),
    auto('auto-same-day-older', 200.4),
  ];
  expect(versionsToThin(versions, now)).toEqual(['auto-same-day-older']);
});
