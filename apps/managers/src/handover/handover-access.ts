import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller, Scope } from '@gap/authz';
import { reachesAnyManager } from '@gap/managers/domain';
import { AccountManagerRepository } from '../managers/account-manager.repository.js';
import { HandoverErrors } from './handover.errors.js';

/**
 * Keeps a caller to their scope when they act on managers' work: OWN_TEAM reaches the caller
 * and everyone they supervise, directly or through the supervisors under them.
 */
@Injectable()
export class HandoverAccess {
  constructor(private readonly managers: AccountManagerRepository) {}

  /** Everyone the caller supervises transitively; empty unless the scope is OWN_TEAM. */
  team(caller: Caller, scope: Scope, manager?: EntityManager): Promise<Set<string>> {
    return scope === 'OWN_TEAM'
      ? this.managers.supervisedBy(caller.subject, manager)
      : Promise.resolve(new Set());
  }

  /**
   * Refuses a caller whose scope reaches none of `managerIds`: a supervisor outside their team
   * with FORBIDDEN; a manager acting on someone else's work with `notFound` (it is not theirs
   * to know of).
   */
  assertReaches(
    caller: Caller,
    scope: Scope,
    managerIds: readonly string[],
    team: ReadonlySet<string>,
    notFound: () => Error = () => HandoverErrors.outsideTeam(),
  ): void {
    if (reachesAnyManager(scope, caller.subject, managerIds, team)) return;
    throw scope === 'OWN_PORTFOLIO' ? notFound() : HandoverErrors.outsideTeam();
  }
}
