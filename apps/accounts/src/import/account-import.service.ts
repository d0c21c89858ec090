import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { childPath, depthOf, type AccountFields } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import { changedFields, GroupAccountService } from '../group-account/group-account.service.js';
import { HierarchyLock } from '../group-account/hierarchy-lock.js';
import { HierarchyService } from '../hierarchy/hierarchy.service.js';
import { accountScopeOf, assertMayEditAccounts } from '../visibility/visibility.js';
import {
  databaseFailureOf,
  rolledBackReport,
  rowError,
  RowProgress,
  type ImportReport,
  type RowError,
} from '@gap/bulk-import';
import { AccountImportRepository, type ImportParent } from './account-import.repository.js';
import type { ImportRow } from './import-file.js';
import {
  asNewAccount,
  isRowRefusal,
  levelsOf,
  refusalOf,
  RowFailure,
  statusRefusal,
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

type Outcome = 'created' | 'updated' | 'unchanged';
type Counts = Record<Outcome, number>;
/** What became of a row: written, or why not (a row may fail on several fields). */
type RowResult = Outcome | RowError | RowError[];

const IMPORT_STATUS_REASON = 'Set by bulk import';

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
    private readonly accountService: GroupAccountService,
    private readonly hierarchy: HierarchyService,
    private readonly events: OutboxPublisher,
  ) {}

  async import(
    caller: Caller,
    rows: readonly ImportRow[],
    options: ImportOptions = {},
  ): Promise<ImportReport> {
    assertMayEditAccounts(caller);
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
            this.writeFile(manager, caller, levels, errors, options.batchSize ?? 1000, progress),
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
    caller: Caller,
    levels: readonly ValidRow[][],
    errors: RowError[],
    batchSize: number,
    progress: RowProgress,
  ): Promise<Counts> {
    // Adding under parents holds the hierarchy lock shared; the first move of the file takes
    // it exclusively (see HierarchyLock), so that paths never go stale under the import.
    await HierarchyLock.share(manager);
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
        const results = await this.writeRows(manager, caller, batch, lock);
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
    caller: Caller,
    rows: readonly ValidRow[],
    lock: { exclusive: boolean },
  ): Promise<RowResult[]> {
    if (rows.length === 0) return [];
    const scope = accountScopeOf(caller);
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
        return this.updateRow(manager, caller, locked, row);
      });
    }

    const inserted = await this.insertRows(manager, caller, fresh);
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
        await HierarchyLock.exclusive(manager);
        lock.exclusive = true;
      }
      const row = rows[index];
      results[index] = await this.inSavepoint(manager, row, () =>
        this.moveRow(manager, caller, row, parentId),
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

  /** Updates an account and moves it, with its subtree, under its new parent. */
  private async moveRow(
    manager: EntityManager,
    caller: Caller,
    row: ValidRow,
    parentId: string | null,
  ): Promise<Outcome | RowError> {
    const id = await this.statements.idOf(manager, row.creditCode);
    if (id === null) throw new Error(`account ${row.creditCode} vanished during its import`);
    const current = await this.accountService.lockVisible(manager, caller, id);
    const outcome = await this.updateRow(manager, caller, current, row);
    if (typeof outcome !== 'string') return outcome;
    const locked = (await this.accounts.lock(manager, current.id)) as GroupAccountEntity;
    await this.hierarchy.moveLocked(manager, caller, locked, parentId, 'parentCreditCode');
    return 'updated';
  }

  private async updateRow(
    manager: EntityManager,
    caller: Caller,
    current: GroupAccountEntity,
    row: ValidRow,
  ): Promise<Outcome | RowError> {
    const { status = current.status, ...fields } = row.given;
    const refused = statusRefusal(row, current.status, status);
    if (refused) return refused;
    let account = await this.accountService.applyUpdate(manager, caller, current, fields);
    if (status !== current.status) {
      account = await this.accountService.applyStatus(
        manager,
        caller,
        account,
        status,
        IMPORT_STATUS_REASON,
      );
    }
    return account.version === current.version ? 'unchanged' : 'updated';
  }

  /** New accounts of a batch in one statement, with their AccountCreated events. */
  private async insertRows(
    manager: EntityManager,
    caller: Caller,
    rows: readonly { fields: AccountFields; parent: { id: string; path: string } | null }[],
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const codes = await this.accounts.nextAccountCodes(manager, rows.length);
    const now = new Date();
    const accounts = rows.map(({ fields, parent }, i) => {
      const accountCode = codes[i];
      const path = childPath(parent?.path ?? null, accountCode);
      return Object.assign(new GroupAccountEntity(), {
        ...fields,
        id: randomUUID(),
        accountCode,
        creditCodeOverrideReason: null,
        creditCodeOverrideBy: null,
        statusReason: fields.status === 'PROSPECT' ? null : IMPORT_STATUS_REASON,
        parentId: parent?.id ?? null,
        path,
        depth: depthOf(path),
        createdBy: caller.subject,
        updatedBy: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
    });
    const inserted = await this.statements.insertNew(manager, accounts, caller.subject, now);
    const created = accounts.filter((account) => inserted.has(account.creditCode));
    if (created.length > 0) {
      await this.events.recordAll(
        manager,
        created.map((account) => this.accountService.createdEvent(account)),
      );
    }
    return inserted;
  }
}
