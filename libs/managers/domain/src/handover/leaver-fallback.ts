import { maxLoad } from '../fit.js';
import type { ManagerCandidate, Tier } from '../manager.js';
import type { ManagerPolicy } from '../policy.js';

/** An account still primary with a manager whose last day has passed. */
export interface LeaverAccount {
  readonly id: string;
  readonly tier: Tier;
  /** In an open handover: its incoming manager will take it on completion. */
  readonly inHandover: boolean;
}

/** Where a leaver's account goes: to the supervisor, or to the unassigned queue (coded). */
export type LeaverOutcome =
  | { readonly accountId: string; readonly kind: 'SUPERVISOR'; readonly managerId: string }
  | {
      readonly accountId: string;
      readonly kind: 'UNASSIGNED';
      readonly reason: 'NO_SUPERVISOR' | 'NO_CAPACITY';
    };

/**
 * What becomes of a leaver's remaining accounts after their last day. A LEFT manager is
 * primary of nothing: their active supervisor takes an account while it fits under their
 * maximum load plus the policy's allowance (accounts with no handover under way first, then
 * by tier, A first, so the relationships with nobody coming are covered first); an account
 * the supervisor cannot take, or when there is no supervisor or the policy says supervisors
 * take none, goes to the unassigned queue with its reason, to be placed by assignment.
 */
export function leaverFallback(
  accounts: readonly LeaverAccount[],
  supervisor: Pick<ManagerCandidate, 'id' | 'status' | 'capacity' | 'load'> | null,
  policy: ManagerPolicy,
): LeaverOutcome[] {
  const { takesAccounts, extraPoints } = policy.handover.supervisorFallback;
  const usable = takesAccounts && supervisor !== null && supervisor.status === 'ACTIVE';
  const limit = usable ? maxLoad(supervisor, policy) + extraPoints : 0;
  let load = supervisor?.load ?? 0;
  const ordered = [...accounts].sort(
    (a, b) =>
      Number(a.inHandover) - Number(b.inHandover) ||
      a.tier.localeCompare(b.tier) ||
      a.id.localeCompare(b.id),
  );
  return ordered.map((account): LeaverOutcome => {
    if (!usable) return { accountId: account.id, kind: 'UNASSIGNED', reason: 'NO_SUPERVISOR' };
    const points = policy.points[account.tier];
    if (load + points > limit) {
      return { accountId: account.id, kind: 'UNASSIGNED', reason: 'NO_CAPACITY' };
    }
    load += points;
    return { accountId: account.id, kind: 'SUPERVISOR', managerId: supervisor.id };
  });
}
