import { Injectable, Logger } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import {
  databaseFailureOf,
  readImportFile,
  rolledBackReport,
  rowError,
  RowProgress,
  withoutDuplicates,
  type ImportFormat,
  type ImportReport,
  type RowError,
} from '@gap/bulk-import';
import {
  TIERING_PERMISSIONS,
  checkValueInputRow,
  VALUE_INPUT_FIELDS,
  type ValueInputField,
  type ValueInputRow,
} from '@gap/tiering/domain';
import { ValueInputRepository } from './value-input.repository.js';

export const VALUE_INPUT_COLUMNS = VALUE_INPUT_FIELDS;

/** Account-months per statement: bounds the parameters, and lets the progress bar move. */
const CHUNK = 2000;

type CheckedRow = ValueInputRow & { readonly row: number };

/** This month in China Standard Time, 'YYYY-MM'. */
function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/**
 * Monthly value inputs (revenue by service line, cost to serve, lines, complaints) loaded from
 * billing exports: one row per account and month, upserted, so a re-run changes nothing and a
 * corrected file replaces only the months it names.
 *
 * A real run is one transaction: every valid row is written and no invalid one (each listed
 * with its field and code); if the database refuses anything no check foresaw, the whole file
 * is rolled back and the report says so. Never half a file.
 */
@Injectable()
export class ValueInputImportService {
  private readonly logger = new Logger(ValueInputImportService.name);
  constructor(private readonly inputs: ValueInputRepository) {}

  read(format: ImportFormat, content: string) {
    return readImportFile(format, content, VALUE_INPUT_COLUMNS, 'inputs');
  }

  async import(
    caller: Caller,
    format: ImportFormat,
    content: string,
    options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ImportReport> {
    authorize(TIERING_PERMISSIONS, 'importValueInputs', caller);
    const records = this.read(format, content);
    const progress = new RowProgress(records.length, options.onProgress);
    const errors: RowError[] = [];
    const valid = this.validate(records, errors);
    progress.settle(errors.map((e) => e.row));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    if (options.dryRun) {
      const known = await this.inputs.accountIds(valid.map((r) => r.accountCode));
      for (const row of valid.filter((r) => !known.has(r.accountCode)))
        errors.push(unknownAccount(row));
    } else {
      try {
        Object.assign(counts, await this.write(caller, valid, errors, progress));
      } catch (error) {
        const cause = databaseFailureOf(error);
        if (cause === null) throw error;
        this.logger.error(`value input import rolled back: ${String(error)}`);
        return rolledBackReport(records.length, errors, cause);
      }
    }
    progress.finish();
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
    records: readonly { row: number; cells: Readonly<Record<ValueInputField, string | null>> }[],
    errors: RowError[],
  ): CheckedRow[] {
    const thisMonth = currentMonth();
    const valid: CheckedRow[] = [];
    for (const { row, cells } of records) {
      const checked = checkValueInputRow(cells, thisMonth);
      if (checked.ok) valid.push({ ...checked.row, row });
      else
        for (const v of checked.violations)
          errors.push(rowError(row, v.field, v.reason, v.message, v.params));
    }
    return withoutDuplicates(valid, (row) => `${row.accountCode} ${row.month}`, 'month', errors);
  }

  /** Every valid row of the file in one transaction, in statements of CHUNK rows. */
  private write(
    caller: Caller,
    valid: readonly CheckedRow[],
    errors: RowError[],
    progress: RowProgress,
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    return this.inputs.transaction(async (manager) => {
      const ids = await this.inputs.accountIds(
        valid.map((r) => r.accountCode),
        manager,
      );
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const known = valid.filter((row) => {
        if (ids.has(row.accountCode)) return true;
        errors.push(unknownAccount(row));
        return false;
      });
      progress.settle(errors.map((e) => e.row));
      for (let i = 0; i < known.length; i += CHUNK) {
        const chunk = known.slice(i, i + CHUNK);
        const written = await this.inputs.upsert(
          manager,
          chunk.map((row) => ({ ...row, groupAccountId: ids.get(row.accountCode) ?? '' })),
          caller.subject,
        );
        counts.created += written.created;
        counts.updated += written.updated;
        counts.unchanged += written.unchanged;
        progress.settle(chunk.map((r) => r.row));
      }
      return counts;
    });
  }
}

function unknownAccount(row: CheckedRow): RowError {
  return rowError(
    row.row,
    'accountCode',
    'ACCOUNT_UNKNOWN',
    `No group account ${row.accountCode} is known to tiering.`,
    { accountCode: row.accountCode },
  );
}
