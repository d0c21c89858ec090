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
import { BUNDLES_PERMISSIONS } from '@gap/bundles/domain';
import { UsageRepository, type Tx, type UsageWrite } from './usage.repository.js';
import { checkUsageRecord, monthInChina, USAGE_COLUMNS, type UsageRow } from './usage-rows.js';

/** Rows per statement: bounds the parameters, and lets the progress bar move. */
const CHUNK = 2000;

/** The code of a file refused because some of its rows are wrong: nothing of it was written. */
export const USAGE_FILE_REJECTED = 'USAGE_FILE_REJECTED';

type Counts = { created: number; updated: number; unchanged: number };

/** Ends the transaction of a file that cannot go in, or of a dry run: nothing is kept. */
class Discard extends Error {
  constructor(readonly counts: Counts | null) {
    super('discarded');
  }
}

/**
 * Monthly usage per subscription, from the billing and network exports: one row per
 * subscription and month, in the product's unit (lines in service, active members, cards,
 * packages of messages). The entitlement it is measured against is the subscription's quantity
 * in force on the month's last day, fixed when the row is imported.
 *
 * A usage file is a month's statement and goes in whole or not at all: one transaction, and if
 * any row is wrong (each listed with its row, field and code) or the database refuses
 * anything, nothing is written. A dry run does all of it and keeps nothing. Re-importing a
 * month replaces it (updated) or, when equal, leaves it (unchanged): a re-run changes nothing.
 */
@Injectable()
export class UsageImportService {
  private readonly logger = new Logger(UsageImportService.name);
  constructor(private readonly usage: UsageRepository) {}

  read(format: ImportFormat, content: string) {
    return readImportFile(format, content, USAGE_COLUMNS, 'usage');
  }

  async import(
    caller: Caller,
    format: ImportFormat,
    content: string,
    options: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
    now: Date = new Date(),
  ): Promise<ImportReport> {
    authorize(BUNDLES_PERMISSIONS, 'importBundleUsage', caller);
    const dryRun = options.dryRun ?? false;
    const records = this.read(format, content);
    const progress = new RowProgress(records.length, options.onProgress);
    const errors: RowError[] = [];
    const thisMonth = monthInChina(now);
    const checked = records
      .map((record) => checkUsageRecord(record, thisMonth, errors))
      .filter((row): row is UsageRow => row !== null);
    const valid = withoutDuplicates(
      checked,
      (r) => `${r.subscriptionId} ${r.month}`,
      'month',
      errors,
    );
    progress.settle(errors.map((e) => e.row));
    let counts: Counts;
    try {
      counts = await this.usage.transaction((tx) =>
        this.write(tx, caller, valid, errors, progress, dryRun),
      );
    } catch (error) {
      if (error instanceof Discard) {
        progress.finish();
        return error.counts
          ? report(records.length, error.counts, [], true)
          : rejected(records.length, errors, dryRun);
      }
      const cause = databaseFailureOf(error);
      if (cause === null) throw error;
      this.logger.error(`usage import rolled back: ${String(error)}`);
      return rolledBackReport(records.length, errors, cause);
    }
    progress.finish();
    return report(records.length, counts, [], false);
  }

  /** Every row of the file in one transaction; thrown away when a row is wrong or on a dry run. */
  private async write(
    tx: Tx,
    caller: Caller,
    valid: readonly UsageRow[],
    errors: RowError[],
    progress: RowProgress,
    dryRun: boolean,
  ): Promise<Counts> {
    const writes: UsageWrite[] = [];
    for (let i = 0; i < valid.length; i += CHUNK) {
      const chunk = valid.slice(i, i + CHUNK);
      const targets = await this.usage.targets(tx, chunk);
      chunk.forEach((row, index) => {
        const target = targets[index];
        if (!target?.known) {
          errors.push(
            rowError(
              row.row,
              'subscriptionId',
              'SUBSCRIPTION_UNKNOWN',
              `No subscription ${row.subscriptionId}.`,
              { subscriptionId: row.subscriptionId },
            ),
          );
        } else if (!target.within || target.entitlement === null) {
          const runs = `${target.startsOn ?? ''} – ${target.endsOn ?? ''}`;
          errors.push(
            rowError(
              row.row,
              'month',
              'MONTH_OUTSIDE_SUBSCRIPTION',
              `Subscription ${row.subscriptionId} did not run in ${row.month} (it runs ${runs}).`,
              { runs },
            ),
          );
        } else {
          writes.push({ ...row, entitlement: target.entitlement });
        }
      });
    }
    if (errors.length > 0) throw new Discard(null);
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < writes.length; i += CHUNK) {
      const chunk = writes.slice(i, i + CHUNK);
      const written = await this.usage.upsert(tx, chunk, caller.subject);
      counts.created += written.created;
      counts.updated += written.updated;
      counts.unchanged += written.unchanged;
      progress.settle(valid.slice(i, i + CHUNK).map((r) => r.row));
    }
    if (dryRun) throw new Discard(counts);
    return counts;
  }
}

function report(total: number, counts: Counts, errors: RowError[], dryRun: boolean): ImportReport {
  return { total, ...counts, failed: 0, errors, dryRun };
}

/** Rows with errors: the file is refused whole, every row counted as not imported. */
function rejected(total: number, errors: readonly RowError[], dryRun: boolean): ImportReport {
  const wrong = new Set(errors.map((e) => e.row)).size;
  return {
    total,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: total,
    errors: [
      rowError(
        0,
        'file',
        USAGE_FILE_REJECTED,
        `Nothing was written: ${wrong} of ${total} rows have errors. A usage file goes in whole; correct them and run it again.`,
        { wrong, total },
      ),
      ...[...errors].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field)),
    ],
    dryRun,
  };
}
