import type { EntityManager } from 'typeorm';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { ACCOUNT_COLUMNS, toAccount } from '../group-account/group-account.repository.js';
import { scopeCondition, type AccountScope } from '../visibility/visibility.js';

export type ExistingAccount = GroupAccountEntity & { readonly visible: boolean };

export interface ImportParent {
  readonly id: string;
  readonly path: string;
  readonly creditCode: string;
}

/**
 * The statements of an accounts import, all run on the manager of the import's one
 * transaction: set-based reads and one multi-row insert per batch.
 */
export class AccountImportRepository {
  /** The accounts registered under these credit codes, with whether the caller may see them. */
  async findByCreditCodes(
    manager: EntityManager,
    scope: AccountScope,
    codes: readonly string[],
  ): Promise<Map<string, ExistingAccount>> {
    const rows = await manager.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS}, ${scopeCondition(scope, 'a', '$2')} AS visible
         FROM accounts.group_account a WHERE a.credit_code = ANY($1::bpchar[])`,
      [codes, scope.subject],
    );
    return new Map(
      rows.map((row) => {
        const account = toAccount(row) as ExistingAccount;
        return [account.creditCode, account] as const;
      }),
    );
  }

  /** The accounts the caller may see under these credit codes: the parents rows link to. */
  async findVisibleParents(
    manager: EntityManager,
    scope: AccountScope,
    codes: readonly string[],
  ): Promise<Map<string, ImportParent>> {
    if (codes.length === 0) return new Map();
    const rows = await manager.query<ImportParent[]>(
      `SELECT a.id, a.path, a.credit_code AS "creditCode" FROM accounts.group_account a
        WHERE a.credit_code = ANY($1::bpchar[]) AND ${scopeCondition(scope, 'a', '$2')}`,
      [codes, scope.subject],
    );
    return new Map(rows.map((p) => [p.creditCode, p] as const));
  }

  async idOf(manager: EntityManager, creditCode: string): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      'SELECT id FROM accounts.group_account WHERE credit_code = $1',
      [creditCode],
    );
    return row?.id ?? null;
  }

  /**
   * Inserts new accounts in one statement. A credit code registered meanwhile by someone else
   * is skipped rather than failing the file: the credit codes actually inserted are returned.
   */
  async insertNew(
    manager: EntityManager,
    accounts: readonly GroupAccountEntity[],
    createdBy: string,
    createdAt: Date,
  ): Promise<Set<string>> {
    if (accounts.length === 0) return new Set();
    const column = <K extends keyof GroupAccountEntity>(key: K) => accounts.map((a) => a[key]);
    const inserted = await manager.query<{ credit_code: string }[]>(
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
                founded_on, tags, status, status_reason, parent_id, path, depth)
       ON CONFLICT (credit_code) DO NOTHING
       RETURNING credit_code`,
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
        createdBy,
        createdAt,
      ],
    );
    return new Set(inserted.map((row) => row.credit_code));
  }

  /**
   * Runs one row's writes so that they can be undone on their own: a row refused half-way
   * (a move that would make a cycle) leaves no trace, and the rest of the file goes on.
   */
  async savepoint<T>(
    manager: EntityManager,
    work: () => Promise<T>,
    undoWhen: (error: unknown) => boolean,
  ): Promise<{ done: T } | { undone: unknown }> {
    await manager.query('SAVEPOINT import_row');
    try {
      const done = await work();
      await manager.query('RELEASE SAVEPOINT import_row');
      return { done };
    } catch (error) {
      if (!undoWhen(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT import_row');
      await manager.query('RELEASE SAVEPOINT import_row');
      return { undone: error };
    }
  }
}
