import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { authorize, type Caller, type Scope } from '@gap/authz';
import { HANDOVER_PERMISSIONS } from '@gap/managers/domain';
import { AssignmentStore, type AccountFacts } from '../assignment/assignment.store.js';
import { HandoverAccess } from './handover-access.js';
import { HandoverErrors } from './handover.errors.js';
import { HandoverRepository, type HandoverRow } from './handover.repository.js';

export type HandoverWork =
  'startHandover' | 'resolveChecklistItem' | 'completeHandover' | 'cancelHandover';

/** What a change to a handover is decided on, under the account's and the handover's locks. */
export interface TransitionContext {
  readonly tx: EntityManager;
  readonly handover: HandoverRow;
  readonly account: AccountFacts;
  readonly scope: Scope;
  /** Everyone the caller supervises transitively (OWN_TEAM only). */
  readonly team: ReadonlySet<string>;
}

/**
 * Runs a change on one handover for a caller who may act on it: authorized first, then the
 * account locked (account first, then the handover, as every path locks), then kept to the
 * caller's scope: its two managers, their supervisors, admins.
 */
@Injectable()
export class HandoverTransition {
  constructor(
    private readonly handovers: HandoverRepository,
    private readonly store: AssignmentStore,
    private readonly access: HandoverAccess,
  ) {}

  async run<T>(
    caller: Caller,
    operation: HandoverWork,
    id: string,
    change: (context: TransitionContext) => Promise<T>,
  ): Promise<T> {
    const scope = authorize(HANDOVER_PERMISSIONS, operation, caller);
    const accountId = await this.handovers.accountOf(id);
    if (!accountId) throw HandoverErrors.notFound(id);
    return this.handovers.transaction(async (tx) => {
      const account = await this.store.lockAccount(tx, accountId, 'id');
      const handover = await this.handovers.lock(tx, id);
      if (!handover) throw HandoverErrors.notFound(id);
      const team = await this.access.team(caller, scope, tx);
      this.access.assertReaches(
        caller,
        scope,
        [handover.fromManagerId, handover.toManagerId],
        team,
        () => HandoverErrors.notFound(id),
      );
      return change({ tx, handover, account, scope, team });
    });
  }
}
