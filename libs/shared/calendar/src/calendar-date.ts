/**
 * Calendar dates (no time, no zone) as `YYYY-MM-DD` strings, the form they have in the
 * database (`date`), in GraphQL and in import files. "Today" is always passed in, so rules
 * about the future are testable and one request sees one today.
 */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today in China Standard Time, where the business runs. */
export function todayInChina(now: Date = new Date()): CalendarDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The next time a yearly date falls on or after `from`. A 29 February is kept on 28 February
 * in common years, which is when people celebrate it.
 */
export function nextYearly(date: CalendarDate, from: CalendarDate): CalendarDate {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  const fromYear = Number(from.slice(0, 4));
  for (const year of [fromYear, fromYear + 1]) {
    const candidate = `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
    if (candidate >= from) return candidate;
  }
  throw new RangeError(`no yearly occurrence of ${date} after ${from}`);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
