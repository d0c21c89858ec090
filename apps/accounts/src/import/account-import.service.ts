import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountFields } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { changedFields } from '../group-account/group-account-changes.service.js';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import { accessFor, type AccountScope } from '../visibility/visibility.js';
import {
  databaseFailureOf,
  rolledBackReport,
  rowError,
  RowProgress,
  type ImportReport,
  type RowError,
} from '@gap/bulk-import';
import { AccountImportWrites, type Outcome } from './account-import-writes.service.js';
import { AccountImportRepository, type ImportParent } from './account-import.repository.js';
import type { ImportRow } from './import-file.js';
import {
  asNewAccount,
  isRowRefusal,
  levelsOf,
  refusalOf,
  RowFailure,
  validateRows,
  type ValidRow,
} from './import-rows.js';

export interface ImportOptions {
  /** Check every row and report, write nothing. */
  readonly dryRun?: boolean;
  /** Rows per statement inside the one transaction (bounds memory, moves the progress bar). */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

type Counts = Record<Outcome, number>;
/** What became of a row: written, or why not (a row may fail on several fields). */
type RowResult = Outcome | RowError | RowError[];

/**
 * Bulk import of accounts with their group links. Rows are upserted by credit code, parents
 * before children, and a re-run of the same file changes nothing (no writes, no versions, no
 * events).
 *
 * A real run is ONE transaction, for the accounts and their outbox events alike: every valid
 * row is written and no invalid one (each reported with its field and code; a row refused
 * half-way is undone to its savepoint). If the database fails on anything no rule foresaw, the
 * whole file rolls back, nothing is written, and the report says so; upserting makes the
 * re-run safe. New accounts go in one multi-row statement per batch.
 */
@Injectable()
export class AccountImportService {
  private readonly logger = new Logger(AccountImportService.name);
  private readonly statements = new AccountImportRepository();

  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly writes: AccountImportWrites,
  ) {}

  async import(
    caller: Caller,
    rows: readonly ImportRow[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    const scope = accessFor('importGroupAccounts', caller);
    const progress = new RowProgress(rows.length, options.onProgress);
    const errors: RowError[] = [];
    const levels = levelsOf(validateRows(rows, errors), errors);
    progress.settle(errors.map((e) => e.row));
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    if (!options.dryRun) {
      try {
        Object.assign(
          counts,
          await this.accounts.transaction((manager) =>
            this.writeFile(manager, scope, levels, errors, options.batchSize ?? 1000, progress),
          ),
        );
      } catch (error) {
        const cause = databaseFailureOf(error);
        if (cause === null) throw error;
        this.logger.error(`account import rolled back: ${String(error)}`);
        return rolledBackReport(rows.length, errors, cause);
      }
    }
    progress.finish();
    errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    return {
      total: rows.length,
      ...counts,
      failed: new Set(errors.map((e) => e.row)).size,
      errors,
      dryRun: options.dryRun ?? false,
    };
  }

  /** Every level of the file, parents first, in batches, all inside the one transaction. */
  private async writeFile(
    manager: EntityManager,
    scope: AccountScope,
    levels: readonly ValidRow[][],
    errors: RowError[],
    batchSize: number,
    progress: RowProgress,
  ): Promise<Counts> {
    // Adding under parents holds the hierarchy lock shared; the first move of the file takes
    // it exclusively (see lockHierarchyShared), so that paths never go stale under the import.
    await this.accounts.lockHierarchyShared(manager);
    const lock = { exclusive: false };
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const failedCodes = new Set<string>();
    for (const level of levels) {
      for (let i = 0; i < level.length; i += batchSize) {
        const chunk = level.slice(i, i + batchSize);
        const batch = chunk.filter((r) => {
          if (r.parentCreditCode === null || !failedCodes.has(r.parentCreditCode)) return true;
          errors.push(
            rowError(
              r.row,
              'parentCreditCode',
              'PARENT_NOT_IMPORTED',
              `The parent ${r.parentCreditCode} was not imported (see its row).`,
              { parent: r.parentCreditCode },
            ),
          );
          failedCodes.add(r.creditCode);
          return false;
        });
        const results = await this.writeRows(manager, scope, batch, lock);
        for (const [k, r] of batch.entries()) {
          const result = results[k];
          if (result === undefined) continue;
          if (typeof result === 'string') counts[result] += 1;
          else {
            errors.push(...(Array.isArray(result) ? result : [result]));
            failedCodes.add(r.creditCode);
          }
        }
        progress.settle(chunk.map((r) => r.row));
      }
    }
    return counts;
  }

  private async writeRows(
    manager: EntityManager,
    scope: AccountScope,
    rows: readonly ValidRow[],
    lock: { exclusive: boolean },
  ): Promise<RowResult[]> {
    if (rows.length === 0) return [];
    const existing = await this.statements.findByCreditCodes(
      manager,
      scope,
      rows.map((r) => r.creditCode),
    );
    const parents = await this.statements.findVisibleParents(manager, scope, [
      ...new Set(rows.flatMap((r) => (r.parentCreditCode ? [r.parentCreditCode] : []))),
    ]);

    const results: RowResult[] = [];
    const fresh: { index: number; fields: AccountFields; parent: ImportParent | null }[] = [];
    const moves: { index: number; parentId: string | null }[] = [];
    for (const [index, row] of rows.entries()) {
      const parent = row.parentCreditCode ? parents.get(row.parentCreditCode) : undefined;
      if (row.parentCreditCode && !parent) {
        results[index] = rowError(
          row.row,
          'parentCreditCode',
          'PARENT_NOT_FOUND',
          `No account with credit code ${row.parentCreditCode} that you may see.`,
          { parent: row.parentCreditCode },
        );
        continue;
      }
      const current = existing.get(row.creditCode);
      if (!current) {
        const fields = asNewAccount(row);
        if (Array.isArray(fields)) results[index] = fields;
        else fresh.push({ index, fields, parent: parent ?? null });
        continue;
      }
      if (!current.visible) {
        results[index] = rowError(
          row.row,
          'creditCode',
          'CREDIT_CODE_TAKEN',
          `Credit code ${row.creditCode} belongs to an account outside your portfolio.`,
        );
        continue;
      }
      // A blank parent keeps the account where it is in its group.
      const parentId = row.parentCreditCode === null ? current.parentId : (parent?.id ?? null);
      if (parentId !== current.parentId) {
        moves.push({ index, parentId });
        continue;
      }
      // Most rows of a re-run are unchanged: they are recognised without locking or writing.
      const status = row.given.status ?? current.status;
      if (current.status === status && changedFields(current, row.given).length === 0) {
        results[index] = 'unchanged';
        continue;
      }
      results[index] = await this.inSavepoint(manager, row, async () => {
        const locked = (await this.accounts.lock(manager, current.id)) ?? current;
        return this.writes.updateRow(manager, scope.subject, locked, row);
      });
    }

    const inserted = await this.writes.insertRows(manager, scope.subject, fresh);
    for (const { index, fields } of fresh) {
      results[index] = inserted.has(fields.creditCode)
        ? 'created'
        : rowError(
            rows[index]?.row ?? 0,
            'creditCode',
            'CREDIT_CODE_TAKEN',
            `Credit code ${fields.creditCode} was registered at the same time.`,
          );
    }

    for (const { index, parentId } of moves) {
      if (!lock.exclusive) {
        await this.accounts.lockHierarchyExclusive(manager);
        lock.exclusive = true;
      }
      const row = rows[index];
      results[index] = await this.inSavepoint(manager, row, () =>
        this.writes.moveRow(manager, scope, row, parentId),
      );
    }
    return results;
  }

  /** One row's writes, undone on their own if a rule refuses the row part-way. */
  private async inSavepoint(
    manager: EntityManager,
    row: ValidRow,
    work: () => Promise<Outcome | RowError>,
  ): Promise<RowResult> {
    const result = await this.statements.savepoint(
      manager,
      async () => {
        const outcome = await work();
        // A refusal found before writing still undoes nothing, but is reported the same way.
        if (typeof outcome !== 'string') throw new RowFailure(outcome);
        return outcome;
      },
      isRowRefusal,
    );
    return 'done' in result ? result.done : refusalOf(row, result.undone);
  }
}
