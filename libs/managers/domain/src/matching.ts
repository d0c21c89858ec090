import { fitCost, maxLoad, refusalsFor, type FitCost, type Refusal } from './fit.js';
import type { AccountToPlace, ManagerCandidate } from './manager.js';
import type { ManagerPolicy } from './policy.js';

/** Why nobody could take an account. */
export type UnassignableReason = 'NO_FITTING_GRADE' | 'NO_ACTIVE_MANAGER' | 'NO_CAPACITY';

/** One manager weighed for one account: the explanation of an automatic assignment. */
export interface CandidateAssessment {
  readonly managerId: string;
  readonly grade: ManagerCandidate['grade'];
  /** Empty when the manager may take the account. */
  readonly refusals: readonly Refusal[];
  readonly cost: FitCost;
  /** The manager's load after taking the account, as a share of the most they may carry. */
  readonly loadShareAfter: number;
  /** mismatch + costs.load × loadShareAfter: the lowest wins. */
  readonly score: number;
}

export interface MatchResult {
  readonly managerId: string | null;
  readonly unassignableReason: UnassignableReason | null;
  readonly policyVersion: string;
  /** Eligible managers best first, then the refused ones (best fit first). */
  readonly candidates: readonly CandidateAssessment[];
}

const byScore = (a: CandidateAssessment, b: CandidateAssessment) =>
  a.score - b.score || a.loadShareAfter - b.loadShareAfter || (a.managerId < b.managerId ? -1 : 1);

/**
 * The primary manager for one account: among the managers whose grade may own its tier, who
 * are active and have room for its points, the one with the lowest mismatch (region, industry,
 * grade) plus a load term that spreads accounts; ties go to the lighter load, then the lower
 * employee number. The same inputs always give the same answer, with every candidate's
 * assessment as the explanation. `excluded` managers are not considered (the outgoing one).
 */
export function matchManager(
  account: Pick<AccountToPlace, 'tier' | 'regionCode' | 'industryCode'>,
  managers: readonly ManagerCandidate[],
  policy: ManagerPolicy,
  excluded: ReadonlySet<string> = new Set(),
): MatchResult {
  const candidates = managers
    .filter((manager) => !excluded.has(manager.id))
    .map((manager) => assessCandidate(account, manager, policy));
  const eligible = candidates.filter((c) => c.refusals.length === 0).sort(byScore);
  const refused = candidates.filter((c) => c.refusals.length > 0).sort(byScore);
  const [best] = eligible;
  return {
    managerId: best?.managerId ?? null,
    unassignableReason: best ? null : reasonNoneFits(refused),
    policyVersion: policy.version,
    candidates: [...eligible, ...refused],
  };
}

/** One manager weighed for one account (`load` is what they carry without it). */
export function assessCandidate(
  account: Pick<AccountToPlace, 'tier' | 'regionCode' | 'industryCode'>,
  manager: ManagerCandidate,
  policy: ManagerPolicy,
): CandidateAssessment {
  const cost = fitCost(account, manager, policy);
  const most = maxLoad(manager, policy);
  const loadShareAfter =
    most > 0 ? (manager.load + policy.points[account.tier]) / most : Number.POSITIVE_INFINITY;
  return {
    managerId: manager.id,
    grade: manager.grade,
    refusals: refusalsFor(account, manager, policy),
    cost,
    loadShareAfter,
    score: cost.mismatch + policy.costs.load * Math.min(loadShareAfter, 10),
  };
}

/** The better of two assessments: lower score, then lighter load, then lower employee number. */
export function isBetter(a: CandidateAssessment, b: CandidateAssessment): boolean {
  return byScore(a, b) < 0;
}

export function reasonNoneFits(refused: readonly CandidateAssessment[]): UnassignableReason {
  const fitting = refused.filter((c) => !c.refusals.includes('GRADE_CANNOT_OWN_TIER'));
  if (fitting.length === 0) return 'NO_FITTING_GRADE';
  if (fitting.every((c) => c.refusals.includes('NOT_ACTIVE'))) return 'NO_ACTIVE_MANAGER';
  return 'NO_CAPACITY';
}
