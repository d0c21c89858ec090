import { isBusinessDay, type BusinessCalendar } from './business-calendar.js';
import {
  chinaDayNumber,
  chinaWallMs,
  DAY_MS,
  dayNumberToDate,
  fromChinaWallMs,
  MINUTE_MS,
} from './china-time.js';

/** No calendar goes ten years without a working day; past that the calendar is broken. */
const MAX_DAYS_WITHOUT_WORK = 3660;

function openAndClose(day: number, calendar: BusinessCalendar): [number, number] {
  const midnight = day * DAY_MS;
  return [
    midnight + calendar.opensAtMinute * MINUTE_MS,
    midnight + calendar.closesAtMinute * MINUTE_MS,
  ];
}

/**
 * The instant `minutes` business minutes after `start`. Time outside business hours and on
 * non-working days does not count; a start outside hours begins at the next opening. The
 * result falls inside business hours and may be the closing time itself (a target that ends
 * exactly at 18:00 is due at 18:00, not at 09:00 the next working day). Zero minutes is
 * `start` itself. Fractions of minutes are kept to the millisecond.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return start;
  let cursor = chinaWallMs(start);
  let idleDays = 0;
  for (;;) {
    const day = chinaDayNumber(cursor);
    if (isBusinessDay(dayNumberToDate(day), calendar)) {
      idleDays = 0;
      const [open, close] = openAndClose(day, calendar);
      const from = Math.max(cursor, open);
      if (from < close) {
        const available = close - from;
        if (remaining <= available) return fromChinaWallMs(from + remaining);
        remaining -= available;
      }
    } else if (++idleDays > MAX_DAYS_WITHOUT_WORK) {
      throw new RangeError('the business calendar has no working day for ten years');
    }
    cursor = (day + 1) * DAY_MS;
  }
}

/** Business milliseconds between two instants; negative when `b` is before `a`. */
export function businessMsBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  if (b.getTime() < a.getTime()) return -businessMsBetween(b, a, calendar);
  const from = chinaWallMs(a);
  const to = chinaWallMs(b);
  let total = 0;
  for (let day = chinaDayNumber(from); day <= chinaDayNumber(to); day++) {
    if (!isBusinessDay(dayNumberToDate(day), calendar)) continue;
    const [open, close] = openAndClose(day, calendar);
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}

/** Business minutes between two instants (fractional when they are not on whole minutes). */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  return businessMsBetween(a, b, calendar) / MINUTE_MS;
}
