import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import {
  readImportFile,
  rowError,
  withoutDuplicates,
  type ImportFormat,
  type ImportReport,
  type RowError,
} from '@gap/bulk-import';
import { DomainError } from '@gap/errors';

/** Revenue per service line and cost per kind, in yuan, as the columns of a file and a row. */
export const MONEY_COLUMNS = {
  voice: 'revenue_voice',
  data: 'revenue_data',
  leasedLine: 'revenue_leased_line',
  fixedLine: 'revenue_fixed_line',
  broadband: 'revenue_broadband',
  groupShortNumber: 'revenue_group_short_number',
  cloud: 'revenue_cloud',
  iot: 'revenue_iot',
  other: 'revenue_other',
  commission: 'cost_commission',
  marketing: 'cost_marketing',
  operating: 'cost_operating',
} as const;
type MoneyColumn = keyof typeof MONEY_COLUMNS;
const MONEY = Object.keys(MONEY_COLUMNS) as MoneyColumn[];

export const VALUE_INPUT_COLUMNS = [
  'accountCode',
  'month',
  ...MONEY,
  'lines',
  'complaints',
] as const;
type Column = (typeof VALUE_INPUT_COLUMNS)[number];

const MAX_AMOUNT = 1e12;
const EARLIEST_MONTH = '2000-01';

interface ValidRow {
  readonly row: number;
  readonly accountCode: string;
  readonly month: string;
  readonly amounts: Record<MoneyColumn, number>;
  readonly lines: number;
  readonly complaints: number;
}

/** This month in China Standard Time, 'YYYY-MM'. */
function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/**
 * Monthly value inputs (revenue by service line, cost to serve, lines, complaints) loaded from
 * billing exports: one row per account and month, upserted, so a re-run changes nothing and a
 * corrected file replaces only the months it names. Every row is checked before anything is
 * written; a row is applied completely or not at all.
 */
@Injectable()
export class ValueInputImportService {
  constructor(private readonly dataSource: DataSource) {}

  read(format: ImportFormat, content: string) {
    return readImportFile(format, content, VALUE_INPUT_COLUMNS, 'inputs');
  }

  async import(
    caller: Caller,
    format: ImportFormat,
    content: string,
    options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ImportReport> {
    if (!hasRole(caller, 'ADMIN')) throw DomainError.forbidden('Only admins load value inputs.');
    const records = this.read(format, content);
    const errors: RowError[] = [];
    const valid = this.validate(records, errors);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    if (!options.dryRun) {
      for (let i = 0; i < valid.length; i += 1000) {
        const batch = valid.slice(i, i + 1000);
        const outcome = await this.writeBatch(caller, batch, errors);
        counts.created += outcome.created;
        counts.updated += outcome.updated;
        counts.unchanged += outcome.unchanged;
        options.onProgress?.(Math.min(i + 1000, valid.length), valid.length);
      }
    } else {
      const known = await this.accountIds(
        this.dataSource.manager,
        valid.map((r) => r.accountCode),
      );
      for (const row of valid.filter((r) => !known.has(r.accountCode)))
        errors.push(unknownAccount(row));
    }
    errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    return {
      total: records.length,
      ...counts,
      failed: new Set(errors.map((e) => e.row)).size,
      errors,
      dryRun: options.dryRun ?? false,
    };
  }

  private validate(
    records: readonly { row: number; cells: Readonly<Record<Column, string | null>> }[],
    errors: RowError[],
  ): ValidRow[] {
    const thisMonth = currentMonth();
    const valid: ValidRow[] = [];
    for (const { row, cells } of records) {
      const problems: RowError[] = [];
      const accountCode = cells.accountCode;
      if (!accountCode)
        problems.push(
          rowError(row, 'accountCode', 'REQUIRED', 'Every row names its account by code.'),
        );
      const month = cells.month;
      if (!month)
        problems.push(rowError(row, 'month', 'REQUIRED', 'Every row names its month, YYYY-MM.'));
      else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
        problems.push(
          rowError(row, 'month', 'MONTH_INVALID', `'${month}' is not a month of the form YYYY-MM.`),
        );
      } else if (month > thisMonth) {
        problems.push(
          rowError(
            row,
            'month',
            'MONTH_IN_FUTURE',
            `${month} has not happened yet (this month is ${thisMonth}).`,
          ),
        );
      } else if (month < EARLIEST_MONTH) {
        problems.push(
          rowError(row, 'month', 'MONTH_TOO_EARLY', `Inputs start in ${EARLIEST_MONTH}.`),
        );
      }
      const amounts = {} as Record<MoneyColumn, number>;
      for (const column of MONEY) {
        const value = cells[column] === null ? 0 : Number(cells[column]);
        if (!Number.isFinite(value))
          problems.push(rowError(row, column, 'NOT_A_NUMBER', `${column} is an amount in yuan.`));
        else if (value < 0)
          problems.push(rowError(row, column, 'NEGATIVE', `${column} cannot be negative.`));
        else if (value > MAX_AMOUNT)
          problems.push(
            rowError(
              row,
              column,
              'TOO_LARGE',
              `${column} cannot exceed ${MAX_AMOUNT} yuan a month.`,
            ),
          );
        amounts[column] = Math.round(value * 100) / 100;
      }
      const count = (column: 'lines' | 'complaints'): number => {
        const value = cells[column] === null ? 0 : Number(cells[column]);
        if (!Number.isInteger(value))
          problems.push(rowError(row, column, 'NOT_AN_INTEGER', `${column} is a whole number.`));
        else if (value < 0)
          problems.push(rowError(row, column, 'NEGATIVE', `${column} cannot be negative.`));
        return value;
      };
      const lines = count('lines');
      const complaints = count('complaints');
      if (problems.length > 0 || !accountCode || !month) errors.push(...problems);
      else
        valid.push({
          row,
          accountCode: accountCode.toUpperCase(),
          month,
          amounts,
          lines,
          complaints,
        });
    }
    return withoutDuplicates(valid, (row) => `${row.accountCode} ${row.month}`, 'month', errors);
  }

  private async accountIds(
    manager: EntityManager,
    codes: readonly string[],
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; code: string }[]>(
      `SELECT group_account_id AS id, account_code AS code FROM tiering.account_profile
        WHERE account_code = ANY($1::text[])`,
      [[...new Set(codes)]],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** One batch, one statement: an upsert that leaves identical months untouched. */
  private async writeBatch(
    caller: Caller,
    batch: readonly ValidRow[],
    errors: RowError[],
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.accountIds(
        manager,
        batch.map((r) => r.accountCode),
      );
      const rows = batch.filter((row) => {
        if (ids.has(row.accountCode)) return true;
        errors.push(unknownAccount(row));
        return false;
      });
      if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
      const columns = MONEY.map((c) => MONEY_COLUMNS[c]);
      const written = await manager.query<{ inserted: boolean }[]>(
        `INSERT INTO tiering.value_input AS v
             (group_account_id, month, ${columns.join(', ')}, lines, complaints, loaded_by)
           SELECT u.id, (u.month || '-01')::date, ${columns.map((c) => `u.${c}`).join(', ')},
                  u.lines, u.complaints, $${columns.length + 5}
             FROM unnest($1::uuid[], $2::text[], ${columns.map((_, i) => `$${i + 3}::numeric[]`).join(', ')},
                         $${columns.length + 3}::int[], $${columns.length + 4}::int[])
               AS u(id, month, ${columns.join(', ')}, lines, complaints)
           ON CONFLICT (group_account_id, month) DO UPDATE
              SET ${[...columns, 'lines', 'complaints'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
                  loaded_by = EXCLUDED.loaded_by, loaded_at = now()
            WHERE (${[...columns, 'lines', 'complaints'].map((c) => `v.${c}`).join(', ')})
                  IS DISTINCT FROM
                  (${[...columns, 'lines', 'complaints'].map((c) => `EXCLUDED.${c}`).join(', ')})
           RETURNING (xmax = 0) AS inserted`,
        [
          rows.map((r) => ids.get(r.accountCode)),
          rows.map((r) => r.month),
          ...MONEY.map((c) => rows.map((r) => r.amounts[c])),
          rows.map((r) => r.lines),
          rows.map((r) => r.complaints),
          caller.subject,
        ],
      );
      const created = written.filter((w) => w.inserted).length;
      return {
        created,
        updated: written.length - created,
        unchanged: rows.length - written.length,
      };
    });
  }
}

function unknownAccount(row: ValidRow): RowError {
  return rowError(
    row.row,
    'accountCode',
    'ACCOUNT_UNKNOWN',
    `No group account ${row.accountCode} is known to tiering.`,
  );
}
