/**
 * Calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`) from clients. A date must exist
 * (no 30 February) and lie in a sane range: years 1900 to 2100 cover every founding date,
 * birthday and deadline the business has, and keep year 0000 and year 275760 away from
 * PostgreSQL, which refuses them with an uncoded error.
 */

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

export type DateProblem = 'NOT_A_DATE' | 'NOT_A_MONTH' | 'DATE_OUT_OF_RANGE';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dateProblem(value: string): DateProblem | null {
  const match = DATE.exec(value);
  if (!match) return 'NOT_A_DATE';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return 'NOT_A_DATE';
  if (value < EARLIEST_DATE || value > LATEST_DATE) return 'DATE_OUT_OF_RANGE';
  return null;
}

export function monthProblem(value: string): DateProblem | null {
  const match = MONTH.exec(value);
  if (!match) return 'NOT_A_MONTH';
  const month = Number(match[2]);
  if (month < 1 || month > 12) return 'NOT_A_MONTH';
  if (value < EARLIEST_DATE.slice(0, 7) || value > LATEST_DATE.slice(0, 7)) {
    return 'DATE_OUT_OF_RANGE';
  }
  return null;
}

export function dateProblemMessage(field: string, problem: DateProblem): string {
  switch (problem) {
    case 'NOT_A_DATE':
      return `${field} is not a calendar date of the form YYYY-MM-DD.`;
    case 'NOT_A_MONTH':
      return `${field} is not a month of the form YYYY-MM.`;
    case 'DATE_OUT_OF_RANGE':
      return `${field} is outside ${EARLIEST_DATE} to ${LATEST_DATE}.`;
  }
}
