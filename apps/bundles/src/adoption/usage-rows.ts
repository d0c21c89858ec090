import { rowError, type ImportRecord, type RowError } from '@gap/bulk-import';

/** The columns of a usage file: one row per subscription and month. */
export const USAGE_COLUMNS = ['subscriptionId', 'month', 'usage'] as const;
export type UsageColumn = (typeof USAGE_COLUMNS)[number];

/** More units than any subscription could use in a month: a typo, not a measurement. */
export const MAX_MONTHLY_USAGE = 1_000_000_000;

/** A row that passed its own checks; the subscription is checked against the database. */
export interface UsageRow {
  readonly row: number;
  readonly subscriptionId: string;
  readonly month: string;
  readonly usage: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month in China Standard Time, 'YYYY-MM'. */
export function monthInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** Checks one record's cells; every problem of the row at once, each naming its column. */
export function checkUsageRecord(
  record: ImportRecord<UsageColumn>,
  thisMonth: string,
  errors: RowError[],
): UsageRow | null {
  const { row, cells } = record;
  const found: RowError[] = [];
  const subscriptionId = cells.subscriptionId;
  if (subscriptionId === null) {
    found.push(rowError(row, 'subscriptionId', 'REQUIRED', 'subscriptionId is required.'));
  } else if (!UUID.test(subscriptionId)) {
    found.push(
      rowError(
        row,
        'subscriptionId',
        'SUBSCRIPTION_ID_INVALID',
        'subscriptionId is not a subscription id (a UUID).',
      ),
    );
  }
  const month = cells.month;
  if (month === null) {
    found.push(rowError(row, 'month', 'REQUIRED', 'month is required.'));
  } else if (!MONTH.test(month)) {
    found.push(rowError(row, 'month', 'MONTH_INVALID', 'month must be YYYY-MM.'));
  } else if (month > thisMonth) {
    found.push(
      rowError(row, 'month', 'MONTH_IN_FUTURE', `month ${month} has not come yet.`, {
        thisMonth,
      }),
    );
  }
  const usage = checkUsage(row, cells.usage, found);
  errors.push(...found);
  if (found.length > 0 || subscriptionId === null || month === null || usage === null) return null;
  return { row, subscriptionId: subscriptionId.toLowerCase(), month, usage };
}

function checkUsage(row: number, text: string | null, found: RowError[]): number | null {
  if (text === null) {
    found.push(rowError(row, 'usage', 'REQUIRED', 'usage is required.'));
    return null;
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    found.push(rowError(row, 'usage', 'NOT_A_NUMBER', 'usage is not a number.'));
    return null;
  }
  if (text.startsWith('-')) {
    found.push(rowError(row, 'usage', 'NEGATIVE', 'usage cannot be negative.'));
    return null;
  }
  if (!/^\d+$/.test(text)) {
    found.push(rowError(row, 'usage', 'NOT_AN_INTEGER', 'usage is a whole number of units.'));
    return null;
  }
  const value = Number(text);
  if (value > MAX_MONTHLY_USAGE) {
    found.push(
      rowError(row, 'usage', 'TOO_LARGE', `usage cannot be above ${MAX_MONTHLY_USAGE}.`, {
        max: MAX_MONTHLY_USAGE,
      }),
    );
    return null;
  }
  return value;
}
