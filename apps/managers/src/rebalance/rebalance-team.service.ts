import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { ASSIGNMENT_PERMISSIONS, type AssignmentOperation } from '@gap/managers/domain';
import type { Tx } from '../assignment/assignment.repository.js';
import { AccountManagerRepository } from '../managers/account-manager.repository.js';
import { RebalanceErrors } from './rebalance.errors.js';

/** Whom a caller may rebalance: everyone (ALL) or their team, transitively (OWN_TEAM). */
export type RebalanceReach =
  { readonly all: true } | { readonly all: false; readonly team: ReadonlySet<string> };

/**
 * The access check of every rebalance use case: the caller's scope from the permissions, and
 * for a supervisor the managers under them, directly or through the supervisors they supervise.
 */
@Injectable()
export class RebalanceTeamService {
  constructor(private readonly managers: AccountManagerRepository) {}

  async reachOf(caller: Caller, operation: AssignmentOperation, tx?: Tx): Promise<RebalanceReach> {
    const scope = authorize(ASSIGNMENT_PERMISSIONS, operation, caller);
    if (scope === 'ALL') return { all: true };
    // The team scope is the directory's one query (the same as handovers'), plus the caller.
    const team = await this.managers.supervisedBy(caller.subject, tx);
    return { all: false, team: team.add(caller.subject) };
  }

  /** Refuses managers outside the caller's reach with a coded FORBIDDEN naming them. */
  assertWithin(reach: RebalanceReach, managerIds: Iterable<string | null>): void {
    if (reach.all) return;
    const outside = [...new Set([...managerIds].filter((id): id is string => id !== null))]
      .filter((id) => !reach.team.has(id))
      .sort();
    if (outside.length > 0) throw RebalanceErrors.outsideTeam(outside);
  }
}
