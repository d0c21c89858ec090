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
  const points = policy.points[account.tier];
  const candidates = managers
    .filter((manager) => !excluded.has(manager.id))
    .map((manager): CandidateAssessment => {
      const cost = fitCost(account, manager, policy);
      const most = maxLoad(manager, policy);
      const loadShareAfter = most > 0 ? (manager.load + points) / most : Number.POSITIVE_INFINITY;
      return {
        managerId: manager.id,
        grade: manager.grade,
        refusals: refusalsFor(account, manager, policy),
        cost,
        loadShareAfter,
        score: cost.mismatch + policy.costs.load * Math.min(loadShareAfter, 10),
      };
    });
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

function reasonNoneFits(refused: readonly CandidateAssessment[]): UnassignableReason {
  const fitting = refused.filter((c) => !c.refusals.includes('GRADE_CANNOT_OWN_TIER'));
  if (fitting.length === 0) return 'NO_FITTING_GRADE';
  if (fitting.every((c) => c.refusals.includes('NOT_ACTIVE'))) return 'NO_ACTIVE_MANAGER';
  return 'NO_CAPACITY';
}

/**
 * Places many accounts one after another with the matching function, each taking the load the
 * ones before it added (used when a manager leaves: their accounts, heaviest first). Returns the
 * chosen manager per account, or why none could take it.
 */
export function matchInTurn(
  accounts: readonly Pick<AccountToPlace, 'id' | 'tier' | 'regionCode' | 'industryCode'>[],
  managers: readonly ManagerCandidate[],
  policy: ManagerPolicy,
  excluded: ReadonlySet<string> = new Set(),
): Map<string, { managerId: string } | { unassignableReason: UnassignableReason }> {
  // One working copy whose loads grow as accounts are placed.
  const working = managers.map((m) => ({ ...m }));
  const byId = new Map(working.map((m) => [m.id, m]));
  const placed = new Map<
    string,
    { managerId: string } | { unassignableReason: UnassignableReason }
  >();
  const ordered = [...accounts].sort(
    (a, b) => policy.points[b.tier] - policy.points[a.tier] || (a.id < b.id ? -1 : 1),
  );
  for (const account of ordered) {
    const match = matchManager(account, working, policy, excluded);
    const chosen = match.managerId ? byId.get(match.managerId) : undefined;
    if (chosen) {
      chosen.load += policy.points[account.tier];
      placed.set(account.id, { managerId: chosen.id });
    } else {
      placed.set(account.id, { unassignableReason: match.unassignableReason ?? 'NO_CAPACITY' });
    }
  }
  return placed;
}
