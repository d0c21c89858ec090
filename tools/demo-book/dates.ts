/** Calendar dates as whole days since 1950-01-01, the earliest founding in the book. */
import type { SeededRandom } from '@gap/random';

const EPOCH = Date.UTC(1950, 0, 1);
const DAY = 86_400_000;

/** The book is as of the end of 2025: nothing is founded after this day. */
export const LAST_DAY = dayOfYear(2025) + 364;

/** The first day of `year`. */
export function dayOfYear(year: number): number {
  return (Date.UTC(year, 0, 1) - EPOCH) / DAY;
}

export function dayOf(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY;
}

/** YYYY-MM-DD */
export function dateOf(day: number): string {
  return new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
}

/** A day in [from, to]. */
export function dayBetween(random: SeededRandom, from: number, to: number): number {
  return random.int(from, Math.max(from, to));
}

/** A day in the given year, e.g. for an anniversary; 29 February falls on the 28th. */
export function sameDayIn(date: string, year: number): string {
  const monthDay = date.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}
