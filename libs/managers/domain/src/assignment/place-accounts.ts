import { reason, type Reason } from '@gap/i18n';
import type { AccountToPlace, ManagerCandidate } from '../manager.js';
import type { CandidateAssessment, UnassignableReason } from '../matching.js';
import type { ManagerPolicy } from '../policy.js';
import { ManagerBook } from './manager-book.js';

type Account = Pick<AccountToPlace, 'id' | 'tier' | 'regionCode' | 'industryCode'>;

/** Why an account was placed where it was, or why nobody could take it. */
export type PlacementReasonCode =
  | 'PLACED_BEST_FIT'
  | 'UNASSIGNABLE_NO_FITTING_GRADE'
  | 'UNASSIGNABLE_NO_ACTIVE_MANAGER'
  | 'UNASSIGNABLE_NO_CAPACITY';

/** One account of a batch: its manager, or why it has none, explained. */
export interface Placement {
  readonly accountId: string;
  readonly managerId: string | null;
  readonly unassignableReason: UnassignableReason | null;
  readonly reason: Reason<PlacementReasonCode>;
}

/** The reason a placement gives: the winner's costs and load, or why nobody fits. */
export function placementReason(
  best: CandidateAssessment | null,
  unassignable: UnassignableReason | null,
  policy: Pick<ManagerPolicy, 'version'>,
): Reason<PlacementReasonCode> {
  if (!best) {
    return reason(`UNASSIGNABLE_${unassignable ?? 'NO_CAPACITY'}`, { policy: policy.version });
  }
  return reason('PLACED_BEST_FIT', {
    managerId: best.managerId,
    mismatch: best.cost.mismatch,
    region: best.cost.region,
    industry: best.cost.industry,
    grade: best.cost.grade,
    loadPercent: Math.round(best.loadShareAfter * 100),
    policy: policy.version,
  });
}

/**
 * Places accounts that arrive together, with the loads held in the book: heaviest tier first
 * (an A account has the fewest managers who may own it), then by id, so that the same batch
 * over the same book always gives the same placements. Each account takes the load the ones
 * before it added; the book keeps the loads for the next batch.
 */
export function placeAccounts(
  book: ManagerBook,
  accounts: readonly Account[],
  excluded: ReadonlySet<string> = new Set(),
): Placement[] {
  const points = book.policy.points;
  const ordered = [...accounts].sort(
    (a, b) => points[b.tier] - points[a.tier] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ordered.map((account) => {
    const match = book.place(account, excluded);
    return {
      accountId: account.id,
      managerId: match.managerId,
      unassignableReason: match.unassignableReason,
      reason: placementReason(match.best, match.unassignableReason, book.policy),
    };
  });
}

/**
 * Places many accounts one after another with the matching function, each taking the load the
 * ones before it added (used when a manager leaves: their accounts, heaviest first). Returns the
 * chosen manager per account, or why none could take it.
 */
export function matchInTurn(
  accounts: readonly Account[],
  managers: readonly ManagerCandidate[],
  policy: ManagerPolicy,
  excluded: ReadonlySet<string> = new Set(),
): Map<string, { managerId: string } | { unassignableReason: UnassignableReason }> {
  const placed = new Map<
    string,
    { managerId: string } | { unassignableReason: UnassignableReason }
  >();
  for (const placement of placeAccounts(new ManagerBook(managers, policy), accounts, excluded)) {
    placed.set(
      placement.accountId,
      placement.managerId
        ? { managerId: placement.managerId }
        : { unassignableReason: placement.unassignableReason ?? 'NO_CAPACITY' },
    );
  }
  return placed;
}
