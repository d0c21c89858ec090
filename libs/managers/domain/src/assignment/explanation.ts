import { reason, type Reason } from '@gap/i18n';
import type { AccountToPlace } from '../manager.js';
import type { MatchResult } from '../matching.js';

/** The sentences an assignment explanation is made of, as data. */
export type AssignmentReasonCode =
  | 'ACCOUNT_FACTS'
  | 'NO_MANAGER_FITS'
  | 'CURRENT_STAYS_ACCOUNTABLE'
  | 'LISTED_UNASSIGNABLE'
  | 'OWNER_IS_BEST_FIT'
  | 'BEST_FIT_NOW'
  | 'OWNED_BY';

/**
 * Why the account has the manager it has, and whom the matching function would choose now:
 * the account's facts, then either why nobody fits (and who stays accountable) or the best
 * fit's costs and load, and who owns it now when that is someone else.
 */
export function explainAssignment(
  account: Pick<AccountToPlace, 'tier' | 'regionCode' | 'industryCode'>,
  match: MatchResult,
  currentManagerId: string | null,
): Reason<AssignmentReasonCode>[] {
  const reasons: Reason<AssignmentReasonCode>[] = [
    reason('ACCOUNT_FACTS', {
      tier: account.tier,
      region: account.regionCode,
      industry: account.industryCode,
    }),
  ];
  const [top] = match.candidates;
  if (!match.managerId || !top) {
    reasons.push(reason('NO_MANAGER_FITS', { why: match.unassignableReason ?? 'NO_CAPACITY' }));
    reasons.push(
      currentManagerId
        ? reason('CURRENT_STAYS_ACCOUNTABLE', { managerId: currentManagerId })
        : reason('LISTED_UNASSIGNABLE'),
    );
    return reasons;
  }
  const figures = {
    managerId: match.managerId,
    mismatch: top.cost.mismatch,
    region: top.cost.region,
    industry: top.cost.industry,
    grade: top.cost.grade,
    loadPercent: Math.round(top.loadShareAfter * 100),
  };
  if (currentManagerId === match.managerId) {
    reasons.push(reason('OWNER_IS_BEST_FIT', figures));
  } else {
    reasons.push(reason('BEST_FIT_NOW', figures));
    if (currentManagerId) reasons.push(reason('OWNED_BY', { managerId: currentManagerId }));
  }
  return reasons;
}
