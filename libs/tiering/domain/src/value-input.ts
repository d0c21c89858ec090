/**
 * The rules on one month of one account's value inputs, as read from a billing export: every
 * number is bounded, so that a row is refused with a coded error naming its field rather than
 * reaching the database (numeric(16,2), integer) and failing the whole file there.
 */

/** Revenue per service line and cost per kind: the amount columns of a file, in yuan. */
export const VALUE_INPUT_AMOUNTS = [
  'voice',
  'data',
  'leasedLine',
  'fixedLine',
  'broadband',
  'groupShortNumber',
  'cloud',
  'iot',
  'other',
  'commission',
  'marketing',
  'operating',
] as const;
export type ValueInputAmount = (typeof VALUE_INPUT_AMOUNTS)[number];

export const VALUE_INPUT_FIELDS = [
  'accountCode',
  'month',
  ...VALUE_INPUT_AMOUNTS,
  'lines',
  'complaints',
] as const;
export type ValueInputField = (typeof VALUE_INPUT_FIELDS)[number];

/**
 * One amount a month: 10^12 yuan (10^14 fen) leaves two orders of magnitude below what
 * numeric(16,2) holds, and keeps a year of every line summed in fen an exact JS integer.
 */
export const MAX_MONTHLY_AMOUNT_YUAN = 1_000_000_000_000;
/** Lines in service for one account: the accounts service's own upper bound. */
export const MAX_MONTHLY_LINES = 10_000_000;
/** Complaints in one month: far above any real account, far below integer overflow. */
export const MAX_MONTHLY_COMPLAINTS = 1_000_000;
export const EARLIEST_INPUT_MONTH = '2000-01';

export interface ValueInputViolation {
  readonly field: ValueInputField;
  readonly reason: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A checked row: amounts in fen (whole numbers, so no rounding on the way in). */
export interface ValueInputRow {
  readonly accountCode: string;
  readonly month: string;
  readonly amountsFen: Readonly<Record<ValueInputAmount, number>>;
  readonly lines: number;
  readonly complaints: number;
}

export type ValueInputCheck =
  | { readonly ok: true; readonly row: ValueInputRow }
  | { readonly ok: false; readonly violations: readonly ValueInputViolation[] };

/** A plain decimal, as billing exports write it: no thousands separators, hex or exponents. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Checks one row's cells (trimmed text, null when blank; blank numbers are 0). All problems
 * are reported at once, each naming its field. `thisMonth` is 'YYYY-MM' in China time.
 */
export function checkValueInputRow(
  cells: Readonly<Record<ValueInputField, string | null>>,
  thisMonth: string,
): ValueInputCheck {
  const violations: ValueInputViolation[] = [];
  const fail = (
    field: ValueInputField,
    reason: string,
    message: string,
    params?: Readonly<Record<string, string | number>>,
  ) => violations.push(params ? { field, reason, message, params } : { field, reason, message });

  const accountCode = cells.accountCode?.toUpperCase() ?? null;
  if (!accountCode) fail('accountCode', 'REQUIRED', 'Every row names its account by code.');

  const month = cells.month;
  if (!month) fail('month', 'REQUIRED', 'Every row names its month, YYYY-MM.');
  else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    fail('month', 'MONTH_INVALID', `'${month}' is not a month of the form YYYY-MM.`);
  } else if (month > thisMonth) {
    fail(
      'month',
      'MONTH_IN_FUTURE',
      `${month} has not happened yet (this month is ${thisMonth}).`,
      {
        thisMonth,
      },
    );
  } else if (month < EARLIEST_INPUT_MONTH) {
    fail('month', 'MONTH_TOO_EARLY', `Inputs start in ${EARLIEST_INPUT_MONTH}.`, {
      earliest: EARLIEST_INPUT_MONTH,
    });
  }

  const amountsFen = {} as Record<ValueInputAmount, number>;
  for (const field of VALUE_INPUT_AMOUNTS) {
    const cell = cells[field];
    amountsFen[field] = 0;
    if (cell === null) continue;
    const value = DECIMAL.test(cell) ? Number(cell) : Number.NaN;
    if (!Number.isFinite(value)) fail(field, 'NOT_A_NUMBER', `${field} is an amount in yuan.`);
    else if (value < 0) fail(field, 'NEGATIVE', `${field} cannot be negative.`);
    else if (value > MAX_MONTHLY_AMOUNT_YUAN) {
      fail(field, 'TOO_LARGE', `${field} cannot exceed ${MAX_MONTHLY_AMOUNT_YUAN} yuan a month.`, {
        max: MAX_MONTHLY_AMOUNT_YUAN,
      });
    } else if ((cell.split('.')[1] ?? '').replace(/0+$/, '').length > 2) {
      fail(field, 'TOO_MANY_DECIMALS', `${field} is in yuan with at most two decimals (fen).`);
    } else amountsFen[field] = Math.round(value * 100);
  }

  const count = (field: 'lines' | 'complaints', max: number): number => {
    const cell = cells[field];
    if (cell === null) return 0;
    const value = DECIMAL.test(cell) ? Number(cell) : Number.NaN;
    if (!Number.isInteger(value)) fail(field, 'NOT_AN_INTEGER', `${field} is a whole number.`);
    else if (value < 0) fail(field, 'NEGATIVE', `${field} cannot be negative.`);
    else if (value > max)
      fail(field, 'TOO_LARGE', `${field} cannot exceed ${max} a month.`, { max });
    else return value;
    return 0;
  };
  const lines = count('lines', MAX_MONTHLY_LINES);
  const complaints = count('complaints', MAX_MONTHLY_COMPLAINTS);

  if (violations.length > 0 || !accountCode || !month) return { ok: false, violations };
  return { ok: true, row: { accountCode, month, amountsFen, lines, complaints } };
}

/** Fen as the exact decimal text of yuan, for a numeric(16,2) column. */
export function fenAsYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
