import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import {
  gradeMayOwn,
  HANDOVER_PERMISSIONS,
  maxLoad,
  type ManagerCandidate,
  type ManagerPolicy,
  type Tier,
} from '@gap/managers/domain';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { AccountManagerRepository, type ScorecardRow } from './account-manager.repository.js';
import type { ScorecardType } from './account-manager.types.js';

/**
 * Scorecards: load against capacity, portfolio by tier, grade fit, handovers, and the
 * coordination requests and complaints of their accounts closed lately. A field of
 * AccountManager, read by whoever may read the manager (checked by the manager's resolver).
 */
@Injectable()
export class ManagerScorecardService {
  constructor(
    private readonly managers: AccountManagerRepository,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
  ) {}

  /** Scorecards of many managers at once, by id, read in one snapshot. */
  async scorecards(caller: Caller, ids: readonly string[]): Promise<Map<string, ScorecardType>> {
    authorize(HANDOVER_PERMISSIONS, 'accountManager', caller);
    return this.managers.transaction(async (tx) => {
      const policy = await this.policies.current(tx);
      const loads = new Map((await this.store.managers(tx, policy, { ids })).map((m) => [m.id, m]));
      return this.cards(await this.managers.scorecardRows(tx, ids), loads, policy);
    });
  }

  private cards(
    rows: readonly ScorecardRow[],
    loads: ReadonlyMap<string, ManagerCandidate>,
    policy: ManagerPolicy,
  ): Map<string, ScorecardType> {
    const cards = new Map<string, ScorecardType>();
    for (const row of rows) {
      const withLoad = loads.get(row.id);
      const load = withLoad?.load ?? 0;
      const most = withLoad ? maxLoad(withLoad, policy) : 0;
      const total = row.a + row.b + row.c;
      const counts: Record<Tier, number> = { A: row.a, B: row.b, C: row.c };
      const fitting = (['A', 'B', 'C'] as const)
        .filter((tier) => gradeMayOwn(row.grade, tier, policy))
        .reduce((sum, tier) => sum + counts[tier], 0);
      cards.set(row.id, {
        load,
        maxLoad: most,
        loadShare: most > 0 ? load / most : 0,
        accountsA: row.a,
        accountsB: row.b,
        accountsC: row.c,
        gradeFit: total > 0 ? fitting / total : null,
        openHandoversIn: row.openIn,
        openHandoversOut: row.openOut,
        overdueHandovers: row.overdue,
        handoverLeadTimeDays: row.leadTime === null ? null : Math.round(row.leadTime * 10) / 10,
        requestsClosed: row.requestsClosed,
        complaintsClosed: row.complaintsClosed,
        complaintSatisfaction:
          row.satisfaction === null ? null : Math.round(row.satisfaction * 100) / 100,
      });
    }
    return cards;
  }
}
