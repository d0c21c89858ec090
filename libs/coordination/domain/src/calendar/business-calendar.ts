import { isCalendarDate, type CalendarDate } from '@gap/calendar';
import chineseDays from 'chinese-days';
import { parseClockTime } from './china-time.js';

/**
 * When the coordination team and the departments work: China's official calendar (working
 * days, public holidays and the weekends worked in exchange, 调休) from the maintained
 * `chinese-days` data, corrected by the days an admin adds, with one block of business hours
 * a day on China Standard Time.
 */
export interface BusinessCalendar {
  /** Minutes after midnight (China) the working day opens and closes. */
  readonly opensAtMinute: number;
  readonly closesAtMinute: number;
  /** Days an admin closed (a company holiday, a typhoon day). They win over extra workdays. */
  readonly extraHolidays: ReadonlySet<CalendarDate>;
  /** Days an admin opened (an announced 调休 the holiday data does not know yet). */
  readonly extraWorkdays: ReadonlySet<CalendarDate>;
}

export interface BusinessCalendarInput {
  /** `HH:MM`, China time; policy, 09:00–18:00 by default. */
  readonly hours?: { readonly opens: string; readonly closes: string };
  readonly extraHolidays?: readonly CalendarDate[];
  readonly extraWorkdays?: readonly CalendarDate[];
}

export const DEFAULT_BUSINESS_HOURS = { opens: '09:00', closes: '18:00' } as const;

export function businessCalendar(input: BusinessCalendarInput = {}): BusinessCalendar {
  const hours = input.hours ?? DEFAULT_BUSINESS_HOURS;
  const opensAtMinute = parseClockTime(hours.opens);
  const closesAtMinute = parseClockTime(hours.closes);
  if (opensAtMinute >= closesAtMinute) {
    throw new RangeError(
      `business hours must open before they close: ${hours.opens}–${hours.closes}`,
    );
  }
  const days = [...(input.extraHolidays ?? []), ...(input.extraWorkdays ?? [])];
  const bad = days.find((day) => !isCalendarDate(day));
  if (bad !== undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${bad}`);
  return {
    opensAtMinute,
    closesAtMinute,
    extraHolidays: new Set(input.extraHolidays ?? []),
    extraWorkdays: new Set(input.extraWorkdays ?? []),
  };
}

/** Business minutes in one full working day of the calendar (540 for 09:00–18:00). */
export function businessDayMinutes(calendar: BusinessCalendar): number {
  return calendar.closesAtMinute - calendar.opensAtMinute;
}

// The official answer for a date never changes within one version of the data, so it is kept.
const official = new Map<CalendarDate, boolean>();

/** Whether China's official calendar has the date as a working day (调休 weekends included). */
export function isOfficialWorkday(date: CalendarDate): boolean {
  let working = official.get(date);
  if (working === undefined) {
    working = chineseDays.isWorkday(date);
    official.set(date, working);
  }
  return working;
}

export function isBusinessDay(date: CalendarDate, calendar: BusinessCalendar): boolean {
  if (calendar.extraHolidays.has(date)) return false;
  if (calendar.extraWorkdays.has(date)) return true;
  return isOfficialWorkday(date);
}

/**
 * Whether the holiday data knows the State Council's calendar for a year. The holidays of a
 * year are announced late in the year before; until the data has them, every weekday of that
 * year counts as a working day, and an admin should add the announced days (or update the
 * package). Every announced year has New Year's Day, so an empty list means "not known".
 */
export function hasOfficialHolidayData(year: number): boolean {
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}
