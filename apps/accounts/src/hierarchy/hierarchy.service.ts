import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  childPath,
  descendantsUpperBound,
  isSameOrBelow,
  MAX_HIERARCHY_DEPTH,
  pathCodes,
} from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { OutboxPublisher } from '@gap/messaging';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { GroupAccountErrors } from '../group-account/group-account.errors.js';
import {
  ACCOUNT_COLUMNS,
  GroupAccountRepository,
  toAccount,
} from '../group-account/group-account.repository.js';
import { GroupAccountService } from '../group-account/group-account.service.js';
import { HierarchyLock } from '../group-account/hierarchy-lock.js';
import { accountScopeOf, assertMayEditAccounts, scopeCondition } from '../visibility/visibility.js';

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
export class HierarchyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: GroupAccountRepository,
    private readonly accountService: GroupAccountService,
    private readonly events: OutboxPublisher,
  ) {}

  /** Moves an account and everything below it under `parentId` (null: it heads its own group). */
  async move(caller: Caller, id: string, parentId: string | null): Promise<GroupAccountEntity> {
    assertMayEditAccounts(caller);
    return this.accounts.transaction(async (manager) => {
      await HierarchyLock.exclusive(manager);
      const node = await this.accountService.lockVisible(manager, caller, id);
      return this.moveLocked(manager, caller, node, parentId, 'input.parentId');
    });
  }

  /**
   * The move itself, inside a transaction that holds the exclusive hierarchy lock and the
   * node's row. `field` names the parent in errors (`input.parentId`, `parentCreditCode`).
   */
  async moveLocked(
    manager: EntityManager,
    caller: Caller,
    node: GroupAccountEntity,
    parentId: string | null,
    field: string,
  ): Promise<GroupAccountEntity> {
    const parent = parentId
      ? await this.accounts.findVisible(accountScopeOf(caller), parentId, manager)
      : null;
    if (parentId && !parent) throw GroupAccountErrors.notFound(parentId, field);
    if (parent && isSameOrBelow(parent.path, node.path)) {
      throw DomainError.invalidInput(
        [
          {
            field,
            reason: 'HIERARCHY_CYCLE',
            message:
              parent.id === node.id
                ? 'An account cannot be its own parent.'
                : `${parent.accountCode} lies below ${node.accountCode}; moving there would make a cycle.`,
          },
        ],
        'HIERARCHY_CYCLE',
      );
    }
    if ((parent?.id ?? null) === node.parentId) return node;
    const newPath = childPath(parent?.path ?? null, node.accountCode);
    const [extent] = await manager.query<{ levels: number }[]>(
      `SELECT max(a.depth)::int - $3::int AS levels FROM accounts.group_account a
        WHERE ${subtree('a', '$1', '$2')}`,
      [node.path, descendantsUpperBound(node.path), node.depth],
    );
    const deepest = pathCodes(newPath).length + (extent?.levels ?? 0);
    if (deepest > MAX_HIERARCHY_DEPTH) {
      throw DomainError.invalidInput(
        [
          {
            field,
            reason: 'HIERARCHY_TOO_DEEP',
            message: `A group has at most ${MAX_HIERARCHY_DEPTH} levels; this move would make ${deepest}.`,
          },
        ],
        'HIERARCHY_TOO_DEEP',
      );
    }
    const [, moved] = await manager.query<[unknown[], number]>(
      `UPDATE accounts.group_account a
          SET path = $3 || substr(a.path, char_length($1) + 1),
              depth = a.depth + $4::int
        WHERE ${subtree('a', '$1', '$2')}`,
      [
        node.path,
        descendantsUpperBound(node.path),
        newPath,
        pathCodes(newPath).length - node.depth,
      ],
    );
    const updated = await this.accounts.update(manager, node.id, {
      parent_id: parent?.id ?? null,
      updated_by: caller.subject,
    });
    const [oldHead, newHead] = [pathCodes(node.path)[0], pathCodes(newPath)[0]];
    const heads = await manager.query<{ code: string; id: string }[]>(
      'SELECT account_code AS code, id FROM accounts.group_account WHERE account_code = ANY($1)',
      [[oldHead, newHead]],
    );
    const headId = (code: string | undefined) => heads.find((h) => h.code === code)?.id ?? node.id;
    await this.events.record(manager, {
      type: 'AccountHierarchyChanged',
      aggregateId: node.id,
      payload: {
        groupAccountId: node.id,
        previousParentId: node.parentId,
        parentId: parent?.id ?? null,
        previousGroupHeadId: headId(oldHead),
        groupHeadId: headId(newHead),
        descendantsMoved: moved - 1,
      },
    });
    return updated;
  }

  /** From the group's head down to the account's parent, as far as the caller may see. */
  async ancestors(caller: Caller, account: GroupAccountEntity): Promise<GroupAccountEntity[]> {
    const codes = pathCodes(account.path).slice(0, -1);
    if (codes.length === 0) return [];
    const scope = accountScopeOf(caller);
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.account_code = ANY($1::text[]) AND ${scopeCondition(scope, 'a', '$2')}
        ORDER BY a.depth`,
      [codes, scope.subject],
    );
    return rows.map(toAccount);
  }

  /** Everything below the account, in tree order, one page at a time. */
  async descendants(
    caller: Caller,
    account: GroupAccountEntity,
    first: number,
    after?: string,
    maxDepth?: number,
  ): Promise<Connection<GroupAccountEntity>> {
    const scope = accountScopeOf(caller);
    const from = after === undefined ? `${account.path}/` : String(decodeCursor(after)[0]);
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.path > $1 AND a.path < $2 AND ($5::int IS NULL OR a.depth <= $5::int)
          AND ${scopeCondition(scope, 'a', '$3')}
        ORDER BY a.path LIMIT $4`,
      [from, descendantsUpperBound(account.path), scope.subject, first + 1, maxDepth ?? null],
    );
    return toConnection(rows.map(toAccount), first, (row) => [row.path]);
  }

  async children(
    caller: Caller,
    account: GroupAccountEntity,
    first: number,
    after?: string,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.descendants(caller, account, first, after, account.depth + 1);
  }

  /** Counts and totals over the account and everything below it. */
  async rollup(account: GroupAccountEntity): Promise<HierarchyRollup> {
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
    if (!row) throw new Error(`account ${account.id} has no subtree`);
    return row;
  }

  /** The head of the account's group (the account itself for a head or a standalone). */
  async head(caller: Caller, account: GroupAccountEntity): Promise<GroupAccountEntity | null> {
    if (account.parentId === null) return account;
    const scope = accountScopeOf(caller);
    const [row] = await this.dataSource.query<unknown[]>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts.group_account a
        WHERE a.account_code = $1 AND ${scopeCondition(scope, 'a', '$2')}`,
      [pathCodes(account.path)[0], scope.subject],
    );
    return row ? toAccount(row) : null;
  }
}
