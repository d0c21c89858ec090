import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { childPath, isSameOrBelow, MAX_HIERARCHY_DEPTH, pathCodes } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountChanges } from '../group-account/group-account-changes.service.js';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { GroupAccountErrors } from '../group-account/group-account.errors.js';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import { accessFor, type AccountScope } from '../visibility/visibility.js';
import { HierarchyErrors } from './hierarchy.errors.js';
import { HierarchyRepository } from './hierarchy.repository.js';

/** Moves an account, and everything below it, under another parent; cycles are refused. */
@Injectable()
export class MoveGroupAccountService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly hierarchy: HierarchyRepository,
    private readonly changes: GroupAccountChanges,
    private readonly events: OutboxPublisher,
  ) {}

  /** Moves an account and everything below it under `parentId` (null: it heads its own group). */
  async move(caller: Caller, id: string, parentId: string | null): Promise<GroupAccountEntity> {
    const scope = accessFor('moveGroupAccount', caller);
    return this.accounts.transaction(async (manager) => {
      await this.accounts.lockHierarchyExclusive(manager);
      const node = await this.changes.lockVisible(manager, scope, id);
      return this.moveLocked(manager, scope, caller.subject, node, parentId, 'input.parentId');
    });
  }

  /**
   * The move itself, inside a transaction that holds the exclusive hierarchy lock and the
   * node's row, after access was checked. `field` names the parent in errors
   * (`input.parentId`, `parentCreditCode`).
   */
  async moveLocked(
    manager: EntityManager,
    scope: AccountScope,
    subject: string,
    node: GroupAccountEntity,
    parentId: string | null,
    field: string,
  ): Promise<GroupAccountEntity> {
    const parent = parentId ? await this.accounts.findVisible(scope, parentId, manager) : null;
    if (parentId && !parent) throw GroupAccountErrors.notFound(parentId, field);
    if (parent && isSameOrBelow(parent.path, node.path)) {
      throw HierarchyErrors.cycle(field, parent, node);
    }
    if ((parent?.id ?? null) === node.parentId) return node;
    const newPath = childPath(parent?.path ?? null, node.accountCode);
    const newDepth = pathCodes(newPath).length;
    const deepest = newDepth + (await this.hierarchy.levelsBelow(manager, node));
    if (deepest > MAX_HIERARCHY_DEPTH) throw HierarchyErrors.tooDeep(field, deepest);
    const moved = await this.hierarchy.movePaths(manager, node, newPath, newDepth);
    const updated = await this.accounts.update(manager, node.id, {
      parent_id: parent?.id ?? null,
      updated_by: subject,
    });
    const [oldHead, newHead] = [pathCodes(node.path)[0], pathCodes(newPath)[0]];
    const heads = await this.hierarchy.idsByCode(
      manager,
      [oldHead, newHead].filter((code): code is string => code !== undefined),
    );
    const headId = (code: string | undefined) =>
      (code === undefined ? undefined : heads.get(code)) ?? node.id;
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
}
