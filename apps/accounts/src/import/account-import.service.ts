import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  canChangeStatus,
  checkAccountFields,
  checkCreditCode,
  childPath,
  depthOf,
  STATUS_TRANSITIONS,
  type AccountFields,
} from '@gap/accounts/domain';
import { todayInChina } from '@gap/calendar';
import type { Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountEntity } from '../group-account/group-account.entity.js';
import {
  ACCOUNT_COLUMNS,
  GroupAccountRepository,
  toAccount,
} from '../group-account/group-account.repository.js';
import { changedFields, GroupAccountService } from '../group-account/group-account.service.js';
import { HierarchyLock } from '../group-account/hierarchy-lock.js';
import { HierarchyService } from '../hierarchy/hierarchy.service.js';
import { accountScopeOf, assertMayEditAccounts, scopeCondition } from '../visibility/visibility.js';
import { rowError, withoutDuplicates, type ImportReport, type RowError } from '@gap/bulk-import';
import type { ImportRow } from './import-file.js';

export interface ImportOptions {
  /** Check every row and report, write nothing. */
  readonly dryRun?: boolean;
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

interface ValidRow {
  readonly row: number;
  readonly creditCode: string;
  /** What the row says: only the cells that are filled in, checked and normalised. */
  readonly given: Partial<AccountFields>;
  readonly parentCreditCode: string | null;
}

const REQUIRED_FOR_NEW = ['name', 'type', 'industryCode', 'regionCode'] as const;

/** A row that registers a new account must name it fully; blanks get the defaults. */
function asNewAccount(row: ValidRow): AccountFields | RowError[] {
  const missing = REQUIRED_FOR_NEW.filter((field) => row.given[field] === undefined);
  if (missing.length > 0) {
    return missing.map((field) =>
      rowError(
        row.row,
        field,
        'REQUIRED',
        `${field} is required for an account not registered yet.`,
      ),
    );
  }
  return {
    legalName: null,
    employees: null,
    linesCount: null,
    foundedOn: null,
    tags: [],
    status: 'PROSPECT',
    ...row.given,
    creditCode: row.creditCode,
  } as AccountFields;
}

/**
 * The filled-in cells of a row. A blank cell never erases what an existing account has
 * (a file of names and sizes does not wipe tags or detach accounts from their groups);
 * clearing a value is done with updateGroupAccount.
 */
function givenFields(row: ImportRow, fields: Partial<AccountFields>): Partial<AccountFields> {
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => {
      const cell = row[key as keyof ImportRow];
      return cell !== null && cell !== undefined && !(Array.isArray(cell) && cell.length === 0);
    }),
  );
}

type Outcome = 'created' | 'updated' | 'unchanged';
/** What became of a row: written, or why not (a row may fail on several fields). */
type RowResult = Outcome | RowError | RowError[];
/** An existing account that changes parent: written after its batch, on its own. */
type Move = { readonly move: string | null };

const IMPORT_STATUS_REASON = 'Set by bulk import';

class RowFailure extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

/**
 * Bulk import of accounts with their group links. Rows are upserted by credit code, parents
 * before children; each row is applied completely or not at all, and a re-run of the same file
 * changes nothing (no writes, no versions, no events). Valid rows go in batches, one
 * transaction each; if a batch fails on something a row-by-row check could not foresee (a
 * concurrent registration of the same code), it is replayed one row per transaction, so only
 * the offending row fails.
 */
@Injectable()
export class AccountImportService {
  private readonly logger = new Logger(AccountImportService.name);

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
    const errors: RowError[] = [];
    const valid = this.validate(rows, errors);
    const levels = this.levels(valid, errors);
    const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 };
    const batchSize = options.batchSize ?? 1000;
    const failed = new Set(errors.map((e) => e.row));
    let done = errors.length;
    options.onProgress?.(done, rows.length);

    if (!options.dryRun) {
      const failedCodes = new Set<string>();
      for (const level of levels) {
        for (let i = 0; i < level.length; i += batchSize) {
          const batch = level.slice(i, i + batchSize).filter((r) => {
            if (r.parentCreditCode === null || !failedCodes.has(r.parentCreditCode)) return true;
            errors.push(
              rowError(
                r.row,
                'parentCreditCode',
                'PARENT_NOT_IMPORTED',
                `The parent ${r.parentCreditCode} was not imported (see its row).`,
              ),
            );
            failedCodes.add(r.creditCode);
            return false;
          });
          const results = await this.writeBatch(caller, batch);
          for (const [r, result] of batch.map((r, k) => [r, results[k]] as const)) {
            if (result === undefined) continue;
            if (typeof result === 'string') counts[result] += 1;
            else {
              errors.push(...(Array.isArray(result) ? result : [result]));
              failedCodes.add(r.creditCode);
            }
          }
          done += level.slice(i, i + batchSize).length;
          options.onProgress?.(done, rows.length);
        }
      }
    }
    for (const error of errors) failed.add(error.row);
    errors.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    options.onProgress?.(rows.length, rows.length);
    return {
      total: rows.length,
      ...counts,
      failed: failed.size,
      errors,
      dryRun: options.dryRun ?? false,
    };
  }

  /** Field rules, parent codes and duplicates within the file. */
  private validate(rows: readonly ImportRow[], errors: RowError[]): ValidRow[] {
    const today = todayInChina();
    const valid: ValidRow[] = [];
    for (const row of rows) {
      const checked = checkAccountFields(row, { prefix: '', today, mode: 'update' });
      let parentCreditCode: string | null = null;
      const problems: RowError[] = checked.ok
        ? []
        : checked.violations.map((v) => rowError(row.row, v.field, v.reason, v.message));
      if (!row.creditCode) {
        problems.push(
          rowError(
            row.row,
            'creditCode',
            'REQUIRED',
            'Every row names its account by credit code.',
          ),
        );
      }
      if (row.parentCreditCode !== null) {
        const parent = checkCreditCode(row.parentCreditCode);
        if (!parent.valid)
          problems.push(rowError(row.row, 'parentCreditCode', parent.problem, parent.message));
        else parentCreditCode = parent.code;
      }
      if (
        checked.ok &&
        parentCreditCode !== null &&
        parentCreditCode === checked.fields.creditCode
      ) {
        problems.push(
          rowError(
            row.row,
            'parentCreditCode',
            'HIERARCHY_CYCLE',
            'An account cannot be its own parent.',
          ),
        );
      }
      if (problems.length > 0 || !checked.ok || checked.fields.creditCode === undefined) {
        errors.push(...problems);
      } else {
        valid.push({
          row: row.row,
          creditCode: checked.fields.creditCode,
          given: givenFields(row, checked.fields),
          parentCreditCode,
        });
      }
    }
    return withoutDuplicates(valid, (row) => `Credit code ${row.creditCode}`, 'creditCode', errors);
  }

  /**
   * Groups rows so that a parent in the file is written before its children; rows whose
   * parent row failed, or that form a cycle within the file, fail.
   */
  private levels(rows: readonly ValidRow[], errors: RowError[]): ValidRow[][] {
    const inFile = new Map(rows.map((r) => [r.creditCode, r]));
    const level = new Map<string, number>();
    const levelOf = (row: ValidRow, trail: Set<string>): number => {
      const code = row.creditCode;
      const known = level.get(code);
      if (known !== undefined) return known;
      if (trail.has(code)) return -1;
      const parent = row.parentCreditCode === null ? undefined : inFile.get(row.parentCreditCode);
      if (!parent) {
        level.set(code, 0);
        return 0;
      }
      trail.add(code);
      const above = levelOf(parent, trail);
      const mine = above < 0 ? -1 : above + 1;
      level.set(code, mine);
      return mine;
    };
    const result: ValidRow[][] = [];
    for (const row of rows) {
      const n = levelOf(row, new Set());
      if (n < 0) {
        errors.push(
          rowError(
            row.row,
            'parentCreditCode',
            'HIERARCHY_CYCLE',
            'The parent links in the file form a cycle.',
          ),
        );
        continue;
      }
      (result[n] ??= []).push(row);
    }
    return result.filter(Boolean);
  }

  /** One batch in one transaction; on an unforeseen failure, one row per transaction. */
  private async writeBatch(caller: Caller, batch: readonly ValidRow[]): Promise<RowResult[]> {
    if (batch.length === 0) return [];
    try {
      const written = await this.accounts.transaction((manager) =>
        this.writeRows(manager, caller, batch),
      );
      const results: RowResult[] = [];
      for (const [index, result] of written.entries()) {
        const row = batch[index];
        results.push(
          typeof result === 'object' && 'move' in result
            ? await this.moveRow(caller, row, result.move).catch((error: unknown) =>
                this.failureOf(row, error),
              )
            : result,
        );
      }
      return results;
    } catch (error) {
      if (batch.length === 1) return [this.failureOf(batch[0], error)];
      this.logger.warn(
        `import batch of ${batch.length} failed (${String(error)}); retrying row by row`,
      );
      const results: RowResult[] = [];
      for (const row of batch) results.push(...(await this.writeBatch(caller, [row])));
      return results;
    }
  }

  private failureOf(row: ValidRow, error: unknown): RowError {
    if (error instanceof RowFailure) return error.error;
    if (error instanceof DomainError) {
      return rowError(
        row.row,
        error.field?.replace(/^input\./, '') ?? '',
        error.code,
        error.message,
      );
    }
    if (isUniqueViolation(error, 'group_account_credit_code_key')) {
      return rowError(
        row.row,
        'creditCode',
        'CREDIT_CODE_TAKEN',
        `Credit code ${row.creditCode} was registered at the same time.`,
      );
    }
    throw error;
  }

  /** Updates an account and moves it, with its subtree, under its new parent; all or nothing. */
  private moveRow(caller: Caller, row: ValidRow, parentId: string | null): Promise<Outcome> {
    return this.accounts.transaction(async (manager) => {
      await HierarchyLock.exclusive(manager);
      const id = await this.idOf(manager, row.creditCode);
      const current = await this.accountService.lockVisible(manager, caller, id);
      const outcome = await this.updateRow(manager, caller, current, row);
      if (typeof outcome !== 'string') throw new RowFailure(outcome);
      const locked = (await this.accounts.lock(manager, current.id)) as GroupAccountEntity;
      await this.hierarchy.moveLocked(manager, caller, locked, parentId, 'parentCreditCode');
      return 'updated' as const;
    });
  }

  private async idOf(manager: EntityManager, creditCode: string): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      'SELECT id FROM accounts.group_account WHERE credit_code = $1',
      [creditCode],
    );
    if (!row) throw new Error(`account ${creditCode} vanished during its import`);
    return row.id;
  }

  private async writeRows(
    manager: EntityManager,
    caller: Caller,
    rows: readonly ValidRow[],
  ): Promise<(RowResult | Move)[]> {
    const scope = accountScopeOf(caller);
    await HierarchyLock.share(manager);
    const codes = rows.map((r) => r.creditCode);
    const existing = new Map(
      (
        await manager.query<unknown[]>(
          `SELECT ${ACCOUNT_COLUMNS}, ${scopeCondition(scope, 'a', '$2')} AS visible
             FROM accounts.group_account a WHERE a.credit_code = ANY($1::bpchar[])`,
          [codes, scope.subject],
        )
      ).map((row) => {
        const account = toAccount(row) as GroupAccountEntity & { visible: boolean };
        return [account.creditCode, account] as const;
      }),
    );
    const parentCodes = [
      ...new Set(rows.flatMap((r) => (r.parentCreditCode ? [r.parentCreditCode] : []))),
    ];
    const parents = new Map(
      (
        await manager.query<{ id: string; path: string; creditCode: string }[]>(
          `SELECT a.id, a.path, a.credit_code AS "creditCode" FROM accounts.group_account a
            WHERE a.credit_code = ANY($1::bpchar[]) AND ${scopeCondition(scope, 'a', '$2')}`,
          [parentCodes, scope.subject],
        )
      ).map((p) => [p.creditCode, p] as const),
    );

    const results: (RowResult | Move)[] = [];
    const fresh: {
      index: number;
      fields: AccountFields;
      parent: { id: string; path: string } | null;
    }[] = [];
    for (const [index, row] of rows.entries()) {
      const parent = row.parentCreditCode ? parents.get(row.parentCreditCode) : undefined;
      if (row.parentCreditCode && !parent) {
        results[index] = rowError(
          row.row,
          'parentCreditCode',
          'PARENT_NOT_FOUND',
          `No account with credit code ${row.parentCreditCode} that you may see.`,
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
        results[index] = { move: parentId };
        continue;
      }
      // Most rows of a re-run are unchanged: they are recognised without locking or writing.
      const status = row.given.status ?? current.status;
      if (current.status === status && changedFields(current, row.given).length === 0) {
        results[index] = 'unchanged';
        continue;
      }
      const locked = (await this.accounts.lock(manager, current.id)) ?? current;
      results[index] = await this.updateRow(manager, caller, locked, row);
    }
    await this.insertRows(manager, caller, fresh);
    for (const { index } of fresh) results[index] = 'created';
    return results;
  }

  private async updateRow(
    manager: EntityManager,
    caller: Caller,
    current: GroupAccountEntity,
    row: ValidRow,
  ): Promise<Outcome | RowError> {
    const { status = current.status, ...fields } = row.given;
    if (status !== current.status && !canChangeStatus(current.status, status)) {
      return rowError(
        row.row,
        'status',
        'STATUS_TRANSITION_REFUSED',
        `A ${current.status} account cannot become ${status}; it can become ${STATUS_TRANSITIONS[current.status].join(' or ')}.`,
      );
    }
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

  private async insertRows(
    manager: EntityManager,
    caller: Caller,
    rows: readonly { fields: AccountFields; parent: { id: string; path: string } | null }[],
  ): Promise<void> {
    if (rows.length === 0) return;
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
    const column = <K extends keyof GroupAccountEntity>(key: K) => accounts.map((a) => a[key]);
    await manager.query(
      `INSERT INTO accounts.group_account
         (id, account_code, name, legal_name, credit_code, type, industry_code, region_code,
          employees, lines_count, founded_on, tags, status, status_reason, parent_id, path, depth,
          created_by, created_at)
       SELECT u.id, u.code, u.name, u.legal_name, u.credit_code, u.type, u.industry, u.region,
              u.employees, u.lines, u.founded_on,
              ARRAY(SELECT jsonb_array_elements_text(u.tags)), u.status, u.status_reason,
              u.parent_id, u.path, u.depth, $18, $19
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::int[], $10::int[], $11::date[], $12::jsonb[],
                     $13::text[], $14::text[], $15::uuid[], $16::text[], $17::int[])
           AS u(id, code, name, legal_name, credit_code, type, industry, region, employees, lines,
                founded_on, tags, status, status_reason, parent_id, path, depth)`,
      [
        column('id'),
        column('accountCode'),
        column('name'),
        column('legalName'),
        column('creditCode'),
        column('type'),
        column('industryCode'),
        column('regionCode'),
        column('employees'),
        column('linesCount'),
        column('foundedOn'),
        accounts.map((a) => JSON.stringify(a.tags)),
        column('status'),
        column('statusReason'),
        column('parentId'),
        column('path'),
        column('depth'),
        caller.subject,
        now,
      ],
    );
    await this.events.recordAll(
      manager,
      accounts.map((account) => this.accountService.createdEvent(account)),
    );
  }
}
