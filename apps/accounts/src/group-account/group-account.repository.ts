import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupAccountEntity } from './group-account.entity.js';
import type { AccountScope } from '../visibility/visibility.js';
import { scopeCondition } from '../visibility/visibility.js';

/** One key for the whole hierarchy: moves are rare, and they must not interleave. */
const HIERARCHY_LOCK_KEY = 0x6761_0001;

/** The account's columns under their entity names, for hand-written reads. */
export const ACCOUNT_COLUMNS = `
  a.id, a.account_code AS "accountCode", a.name, a.legal_name AS "legalName",
  a.credit_code AS "creditCode", a.credit_code_override_reason AS "creditCodeOverrideReason",
  a.credit_code_override_by AS "creditCodeOverrideBy", a.type,
  a.industry_code AS "industryCode", a.region_code AS "regionCode", a.employees,
  a.lines_count AS "linesCount", a.founded_on AS "foundedOn", a.tags, a.status,
  a.status_reason AS "statusReason", a.parent_id AS "parentId", a.path, a.depth,
  a.created_by AS "createdBy", a.updated_by AS "updatedBy", a.created_at AS "createdAt",
  a.updated_at AS "updatedAt", a.version`;

export function toAccount(row: unknown): GroupAccountEntity {
  return Object.assign(new GroupAccountEntity(), row);
}

/** Builds parameterised SQL: each value becomes `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

@Injectable()
export class GroupAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Moving a subtree rewrites the paths of everything below it; an account added under a node
   * of that subtree at the same moment would keep a stale path. So adding under a parent holds
   * the hierarchy lock shared (many at once) and a move holds it exclusively, until the
   * transaction ends.
   */
  async lockHierarchyShared(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [HIERARCHY_LOCK_KEY]);
  }

  async lockHierarchyExclusive(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [HIERARCHY_LOCK_KEY]);
  }

  async nextAccountCode(manager: EntityManager): Promise<string> {
    const [code] = await this.nextAccountCodes(manager, 1);
    return code;
  }

  /** Account codes `GA00100001…` from the sequence, as many as asked for in one round trip. */
  async nextAccountCodes(manager: EntityManager, count: number): Promise<string[]> {
    const rows = await manager.query<{ n: string }[]>(
      "SELECT nextval('accounts.account_code_seq') AS n FROM generate_series(1, $1)",
      [count],
    );
    return rows.map((row) => `GA${row.n.padStart(8, '0')}`);
  }

  async insert(manager: EntityManager, account: GroupAccountEntity): Promise<GroupAccountEntity> {
    return manager.getRepository(GroupAccountEntity).save(account);
  }

  /** Whether an account already carries the credit code (normalised as stored). */
  async hasCreditCode(manager: EntityManager, creditCode: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM accounts.group_account WHERE credit_code = $1',
      [creditCode],
    );
    return rows.length > 0;
  }

  /** The account if the scope lets the caller see it. */
  async findVisible(
    scope: AccountScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupAccountEntity | null> {
    const [row] = await manager.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.id = $1 AND ${scopeCondition(scope, 'a', '$2')}`,
      [id, scope.subject],
    );
    return row ? toAccount(row) : null;
  }

  async findManyVisible(
    scope: AccountScope,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<GroupAccountEntity[]> {
    const rows = await manager.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.id = ANY($1::uuid[]) AND ${scopeCondition(scope, 'a', '$2')}`,
      [ids, scope.subject],
    );
    return rows.map(toAccount);
  }

  /** Locks the account for a change; `null` if it does not exist. */
  async lock(manager: EntityManager, id: string): Promise<GroupAccountEntity | null> {
    const [row] = await manager.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toAccount(row) : null;
  }

  /** Writes the changed columns and bumps the version; the row must be locked. */
  async update(
    manager: EntityManager,
    id: string,
    changes: Readonly<Record<string, unknown>>,
  ): Promise<GroupAccountEntity> {
    const params = new SqlParams();
    const sets = Object.entries(changes).map(
      ([column, value]) => `${column} = ${params.add(value)}`,
    );
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE accounts.group_account a
          SET ${sets.join(', ')}, version = version + 1, updated_at = now()
        WHERE a.id = ${params.add(id)}
        RETURNING ${ACCOUNT_COLUMNS}`,
      params.values,
    );
    return toAccount(rows[0]);
  }
}
