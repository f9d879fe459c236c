import { describe, expect, it } from 'vitest';
import { calendarDay, hourOfDay, nextDay } from './calendarDay';

describe('calendar days in a time zone', () => {
  it('take the date of the zone, not of UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    const at = Date.UTC(2026, 11, 31, 23, 30);
    expect(calendarDay(at, 'Europe/Amsterdam')).toBe('2027-01-01');
    expect(calendarDay(at, 'UTC')).toBe('2026-12-31');
    expect(hourOfDay(at, 'Europe/Amsterdam')).toBe(0);
    // Summer time: UTC+2; on the night the clocks go forward, 01:30 UTC is already 03:30 there.
    expect(hourOfDay(Date.UTC(2026, 6, 1, 6, 0), 'Europe/Amsterdam')).toBe(8);
    expect(hourOfDay(Date.UTC(2027, 2, 28, 1, 30), 'Europe/Amsterdam')).toBe(3);
    expect(calendarDay(Date.UTC(2027, 2, 27, 22, 59), 'Europe/Amsterdam')).toBe('2027-03-27');
  });

  it('count on across months, years and leap days', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
  });
});
