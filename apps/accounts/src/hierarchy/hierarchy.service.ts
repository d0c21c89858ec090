import { Injectable } from '@nestjs/common';
import { pathCodes } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { accessFor } from '../visibility/visibility.js';
import { HierarchyRepository, type HierarchyRollup } from './hierarchy.repository.js';

export type { HierarchyRollup } from './hierarchy.repository.js';

/**
 * Reading an account's group: its ancestors, head, children and descendants (as far as the
 * caller may see them), and totals over its subtree. These are parts of an account the
 * caller already read, so they take the `groupAccount` permission.
 */
@Injectable()
export class HierarchyService {
  constructor(private readonly hierarchy: HierarchyRepository) {}

  /** From the group's head down to the account's parent, as far as the caller may see. */
  async ancestors(caller: Caller, account: GroupAccountEntity): Promise<GroupAccountEntity[]> {
    const scope = accessFor('groupAccount', caller);
    const codes = pathCodes(account.path).slice(0, -1);
    if (codes.length === 0) return [];
    return this.hierarchy.findByCodesTopDown(scope, codes);
  }

  /** The account directly above, if the caller may see it. */
  async parent(caller: Caller, account: GroupAccountEntity): Promise<GroupAccountEntity | null> {
    if (account.parentId === null) return null;
    const ancestors = await this.ancestors(caller, account);
    return ancestors.find((a) => a.id === account.parentId) ?? null;
  }

  /** Everything below the account, in tree order, one page at a time. */
  async descendants(
    caller: Caller,
    account: GroupAccountEntity,
    first: number,
    after?: string,
    maxDepth?: number,
  ): Promise<Connection<GroupAccountEntity>> {
    const scope = accessFor('groupAccount', caller);
    const from = after === undefined ? `${account.path}/` : String(decodeCursor(after)[0]);
    const rows = await this.hierarchy.findDescendants(
      scope,
      account.path,
      from,
      first + 1,
      maxDepth,
    );
    return toConnection(rows, first, (row) => [row.path]);
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
  async rollup(caller: Caller, account: GroupAccountEntity): Promise<HierarchyRollup> {
    accessFor('groupAccount', caller);
    const row = await this.hierarchy.rollup(account);
    if (!row) throw new Error(`account ${account.id} has no subtree`);
    return row;
  }

  /** The head of the account's group (the account itself for a head or a standalone). */
  async head(caller: Caller, account: GroupAccountEntity): Promise<GroupAccountEntity | null> {
    const scope = accessFor('groupAccount', caller);
    if (account.parentId === null) return account;
    const [code] = pathCodes(account.path);
    return code === undefined ? null : this.hierarchy.findByCode(scope, code);
  }
}
