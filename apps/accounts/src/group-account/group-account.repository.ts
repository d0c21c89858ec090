import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupAccountEntity } from './group-account.entity.js';
import type { AccountScope } from '../visibility/visibility.js';
import { scopeCondition } from '../visibility/visibility.js';
import type { AccountSortField, GroupAccountFilter } from './dto/group-account-search.args.js';

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

/** The sort keys, each made total by the id. EMPLOYEES puts unknown sizes first. */
const SORT_KEYS: Record<AccountSortField, { expression: string; cast: string }> = {
  NAME: { expression: 'a.name', cast: 'text' },
  CREATED_AT: { expression: 'a.created_at', cast: 'timestamptz' },
  ACCOUNT_CODE: { expression: 'a.account_code', cast: 'text' },
  EMPLOYEES: { expression: 'coalesce(a.employees, -1)', cast: 'integer' },
};

export function sortValue(account: GroupAccountEntity, field: AccountSortField): string | number {
  switch (field) {
    case 'NAME':
      return account.name;
    case 'CREATED_AT':
      return account.createdAt.toISOString();
    case 'ACCOUNT_CODE':
      return account.accountCode;
    case 'EMPLOYEES':
      return account.employees ?? -1;
  }
}

export interface AccountSearch {
  readonly scope: AccountScope;
  readonly filter: GroupAccountFilter;
  readonly sort: AccountSortField;
  readonly descending: boolean;
  /** One more than the page, to tell whether more follow. */
  readonly limit: number;
  readonly after?: readonly [string | number, string];
  /** The path of `filter.withinGroupOf`, resolved (and scope-checked) by the caller. */
  readonly withinPath?: string;
}

/** Builds parameterised SQL: each value becomes `$n`. */
class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * `column = $n` for one value, `= ANY($n)` for several: with a single value the planner can
 * read a filtered page in order from the filter index instead of sorting it.
 */
function anyOf(
  column: string,
  values: readonly string[],
  params: SqlParams,
  type: 'text' | 'bpchar' = 'text',
): string {
  return values.length === 1
    ? `${column} = ${params.add(values[0])}`
    : `${column} = ANY(${params.add(values)}::${type}[])`;
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

  async search(search: AccountSearch): Promise<GroupAccountEntity[]> {
    const params = new SqlParams();
    const where: string[] = [];
    const subject = params.add(search.scope.subject);
    where.push(scopeCondition(search.scope, 'a', subject));
    const { filter } = search;
    if (filter.industryCodes?.length)
      where.push(anyOf('a.industry_code', filter.industryCodes, params));
    if (filter.regionCode) {
      const region = params.add(filter.regionCode);
      where.push(
        filter.regionCode.length === 6
          ? `a.region_code = ${region}`
          : `left(a.region_code, ${filter.regionCode.length}) = ${region}`,
      );
    }
    if (filter.creditCodes?.length) {
      const codes = filter.creditCodes.map((code) => code.replace(/\s+/g, '').toUpperCase());
      // credit_code is char(18): compared as such, so that its unique index is used.
      where.push(anyOf('a.credit_code', codes, params, 'bpchar'));
    }
    if (filter.types?.length) where.push(anyOf('a.type', filter.types, params));
    if (filter.statuses?.length) where.push(anyOf('a.status', filter.statuses, params));
    if (filter.tag) where.push(`a.tags @> ARRAY[${params.add(filter.tag)}]::text[]`);
    if (search.withinPath !== undefined) {
      const path = params.add(search.withinPath);
      where.push(`(a.path = ${path} OR (a.path > (${path} || '/') AND a.path < (${path} || '0')))`);
    }
    if (filter.clusterId) {
      const cluster = params.add(filter.clusterId);
      where.push(`(EXISTS (SELECT 1 FROM accounts.cluster_supporter cs
                            WHERE cs.account_id = a.id AND cs.cluster_id = ${cluster})
                   OR EXISTS (SELECT 1 FROM accounts.industry_cluster c
                            WHERE c.leader_account_id = a.id AND c.id = ${cluster}))`);
    }
    if (filter.associationId) {
      where.push(`EXISTS (SELECT 1 FROM accounts.association_member am
                  WHERE am.account_id = a.id AND am.association_id = ${params.add(filter.associationId)})`);
    }
    if (filter.nameContains) {
      const escaped = filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`a.name ILIKE ${params.add(`%${escaped}%`)}`);
    }
    const key = SORT_KEYS[search.sort];
    const direction = search.descending ? 'DESC' : 'ASC';
    if (search.after) {
      const [value, id] = search.after;
      where.push(
        `(${key.expression}, a.id) ${search.descending ? '<' : '>'} (${params.add(value)}::${key.cast}, ${params.add(id)}::uuid)`,
      );
    }
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE ${where.join(' AND ')}
        ORDER BY ${key.expression} ${direction}, a.id ${direction}
        LIMIT ${params.add(search.limit)}`,
      params.values,
    );
    return rows.map(toAccount);
  }
}
