/** Calendar dates as the blocks store them: "YYYY-MM-DD", compared in the person's own time zone. */

/** Today as "YYYY-MM-DD" in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written as "YYYY-MM-DD" (so not 2024-13-45 or 2025-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !isoDatePattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An action is overdue when its due date has passed and it is not done. */
export function isOverdue(due: unknown, status: unknown, today: string = todayIso()): boolean {
  return isIsoDate(due) && due < today && status !== 'done';
}

/**
 * A "YYYY-MM-DD" date as a Date at local noon, so formatting it never shifts it a day in
 * time zones west of UTC.
 */
export function localDate(iso: string): Date {
  return new Date(`${iso}T12:00:00`);
}
