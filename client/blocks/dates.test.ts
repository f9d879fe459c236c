import { describe, expect, it } from 'vitest';
import { isIsoDate, isOverdue, todayIso } from './dates';

describe('dates', () => {
  it('knows real dates from look-alikes', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2024-13-45')).toBe(false);
    expect(isIsoDate('1-2-2026')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('calls an action overdue only with a real past date and not done', () => {
    expect(isOverdue('2026-01-01', 'open', '2026-01-02')).toBe(true);
    expect(isOverdue('2026-01-02', 'open', '2026-01-02')).toBe(false);
    expect(isOverdue('2026-01-01', 'done', '2026-01-02')).toBe(false);
    expect(isOverdue('2024-13-45', 'open', '2026-01-02')).toBe(false);
    expect(isOverdue(null, 'open', '2026-01-02')).toBe(false);
  });

  it('writes today in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
