import type { CalendarDate } from '@gap/calendar';

/**
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so local time is a
 * fixed shift of the instant; nothing here reads the machine's time zone.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Milliseconds since 1970-01-01T00:00 on the China wall clock. */
export function chinaWallMs(instant: Date): number {
  return instant.getTime() + CHINA_OFFSET_MS;
}

export function fromChinaWallMs(wallMs: number): Date {
  return new Date(wallMs - CHINA_OFFSET_MS);
}

/** The day number (days since 1970-01-01 in China) a wall-clock time falls on. */
export function chinaDayNumber(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS);
}

export function dayNumberToDate(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date of an instant in China. */
export function chinaDate(instant: Date): CalendarDate {
  return dayNumberToDate(chinaDayNumber(chinaWallMs(instant)));
}

/** The instant of a China wall-clock time, e.g. `chinaInstant('2026-10-08', '09:00')`. */
export function chinaInstant(date: CalendarDate, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return fromChinaWallMs(Date.UTC(y, m - 1, d) + parseClockTime(time) * MINUTE_MS);
}

const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:MM` time (24:00 allowed, for a day that ends at midnight). */
export function parseClockTime(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a clock time (HH:MM): ${time}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60) throw new RangeError(`not a clock time (HH:MM): ${time}`);
  return minutes;
}
