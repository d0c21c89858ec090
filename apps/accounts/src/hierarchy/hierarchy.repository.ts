import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { descendantsUpperBound } from '@gap/accounts/domain';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { ACCOUNT_COLUMNS, toAccount } from '../group-account/group-account.repository.js';
import { scopeCondition, type AccountScope } from '../visibility/visibility.js';

export interface HierarchyRollup {
  readonly children: number;
  readonly descendants: number;
  readonly levelsBelow: number;
  readonly employees: number;
  readonly lines: number;
  readonly active: number;
}

/** SQL for "this node and everything below it" on the path index, with `$n` for the path. */
function subtree(alias: string, pathParam: string, upperParam: string): string {
  return `(${alias}.path = ${pathParam}
          OR (${alias}.path > (${pathParam} || '/') AND ${alias}.path < ${upperParam}))`;
}

/**
 * The group hierarchy on materialised paths (ADR 5): moves rewrite one index range, reads are
 * index range scans in tree order.
 */
@Injectable()
export class HierarchyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** How many levels lie below the node (0 for a leaf). */
  async levelsBelow(manager: EntityManager, node: GroupAccountEntity): Promise<number> {
    const [extent] = await manager.query<{ levels: number | null }[]>(
      `SELECT max(a.depth)::int - $3::int AS levels FROM accounts.group_account a
        WHERE ${subtree('a', '$1', '$2')}`,
      [node.path, descendantsUpperBound(node.path), node.depth],
    );
    return extent?.levels ?? 0;
  }

  /** Rewrites the paths and depths of the node and its subtree; returns how many rows moved. */
  async movePaths(
    manager: EntityManager,
    node: GroupAccountEntity,
    newPath: string,
    newDepth: number,
  ): Promise<number> {
    const [, moved] = await manager.query<[unknown[], number]>(
      `UPDATE accounts.group_account a
          SET path = $3 || substr(a.path, char_length($1) + 1),
              depth = a.depth + $4::int
        WHERE ${subtree('a', '$1', '$2')}`,
      [node.path, descendantsUpperBound(node.path), newPath, newDepth - node.depth],
    );
    return moved;
  }

  /** The ids of the accounts with these codes, by code. */
  async idsByCode(manager: EntityManager, codes: readonly string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ code: string; id: string }[]>(
      'SELECT account_code AS code, id FROM accounts.group_account WHERE account_code = ANY($1)',
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  /** The accounts with these codes that the scope reaches, from the top of the group down. */
  async findByCodesTopDown(
    scope: AccountScope,
    codes: readonly string[],
  ): Promise<GroupAccountEntity[]> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.account_code = ANY($1::text[]) AND ${scopeCondition(scope, 'a', '$2')}
        ORDER BY a.depth`,
      [codes, scope.subject],
    );
    return rows.map(toAccount);
  }

  /**
   * A page of the accounts below `path` that the scope reaches, in tree order, after the path
   * `from`, at most `maxDepth` deep when given; one more row than `limit` asks.
   */
  async findDescendants(
    scope: AccountScope,
    path: string,
    from: string,
    limit: number,
    maxDepth?: number,
  ): Promise<GroupAccountEntity[]> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.path > $1 AND a.path < $2 AND ($5::int IS NULL OR a.depth <= $5::int)
          AND ${scopeCondition(scope, 'a', '$3')}
        ORDER BY a.path LIMIT $4`,
      [from, descendantsUpperBound(path), scope.subject, limit, maxDepth ?? null],
    );
    return rows.map(toAccount);
  }

  /** Counts and totals over the account and everything below it. */
  async rollup(account: GroupAccountEntity): Promise<HierarchyRollup | null> {
    const [row] = await this.dataSource.query<HierarchyRollup[]>(
      `SELECT count(*) FILTER (WHERE a.depth = $3::int + 1)::int AS children,
              (count(*) - 1)::int AS descendants,
              (max(a.depth) - $3::int)::int AS "levelsBelow",
              coalesce(sum(a.employees), 0)::bigint::float8 AS employees,
              coalesce(sum(a.lines_count), 0)::bigint::float8 AS lines,
              count(*) FILTER (WHERE a.status = 'ACTIVE')::int AS active
         FROM accounts.group_account a
        WHERE ${subtree('a', '$1', '$2')}`,
      [account.path, descendantsUpperBound(account.path), account.depth],
    );
    return row ?? null;
  }

  /** The account with this code if the scope reaches it. */
  async findByCode(scope: AccountScope, code: string): Promise<GroupAccountEntity | null> {
    const [row] = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.account_code = $1 AND ${scopeCondition(scope, 'a', '$2')}`,
      [code, scope.subject],
    );
    return row ? toAccount(row) : null;
  }
}
