import { fitCost, gradeMayOwn, maxLoad } from '../fit.js';
import type { AccountToPlace, ManagerCandidate, Tier } from '../manager.js';
import type { UnassignableReason } from '../matching.js';
import type { ManagerPolicy } from '../policy.js';

/**
 * A manager as the rebalance sees them. `fixedLoad` is the points they carry from accounts
 * outside the rebalance: those stay where they are and only take room. `load` (from
 * {@link ManagerCandidate}) is not read: the load before the rebalance is `fixedLoad` plus the
 * points of the problem's accounts whose current manager they are.
 */
export interface ManagerToBalance extends ManagerCandidate {
  readonly fixedLoad: number;
}

/** Accounts to place (each with its current manager, if any) among managers, under a policy. */
export interface RebalanceProblem {
  readonly accounts: readonly AccountToPlace[];
  readonly managers: readonly ManagerToBalance[];
  readonly policy: ManagerPolicy;
}

/** Where one account goes, and what that costs in policy units. */
export interface PlannedAssignment {
  readonly accountId: string;
  readonly tier: Tier;
  readonly fromManagerId: string | null;
  /** Null: the account is left without a manager (see the plan's `unassigned`). */
  readonly toManagerId: string | null;
  /** Mismatch plus the move cost, or the unassigned penalty. */
  readonly cost: number;
}

export interface UnassignedAccount {
  readonly accountId: string;
  readonly reason: UnassignableReason;
}

/** A manager's load in points before and after the plan. */
export interface ManagerLoad {
  readonly managerId: string;
  /** fixedLoad + the points of the problem's accounts they own now. */
  readonly before: number;
  /** fixedLoad + the points of the accounts the plan gives them. */
  readonly after: number;
  readonly maxLoad: number;
}

/** How evenly the plan loads the active managers who carry anything afterwards. */
export interface LoadShareSummary {
  /** Lowest, mean and highest `after / maxLoad`. */
  readonly min: number;
  readonly mean: number;
  readonly max: number;
}

export interface RebalanceStats {
  readonly accounts: number;
  readonly managers: number;
  /** Accounts with the same tier, region, industry and current manager: one supply node each. */
  readonly classes: number;
  /** Tier, region and industry: the nodes through which a class reaches other managers. */
  readonly profiles: number;
  /** Arcs of the flow network (forward arcs; the residual graph has twice as many). */
  readonly arcs: number;
  /** Arcs added after the first solve because the full graph priced them below zero. */
  readonly pricedArcs: number;
  /** Shortest-path searches of the min-cost flow, over every solve. */
  readonly searches: number;
  /** Augmenting paths, over every solve. */
  readonly augmentations: number;
  /** Nodes settled by all shortest-path searches together (the solver's work). */
  readonly settledNodes: number;
  readonly solves: number;
  /** Optimum of the flow problem actually solved (reduced graph, fractional accounts). */
  readonly reducedLpCost: number;
  /** Accounts whose LP share was fractional and that were placed one by one. */
  readonly roundedAccounts: number;
  /** Moves and swaps made by the improvement pass. */
  readonly improvements: number;
  /** Moves made by the balance step to bring managers into the load-share band. */
  readonly balancingMoves: number;
  readonly ms: {
    readonly prepare: number;
    readonly solve: number;
    readonly round: number;
    readonly improve: number;
    readonly total: number;
  };
}

export interface RebalancePlan {
  readonly policyVersion: string;
  /** Every account of the problem, by account id. */
  readonly assignments: readonly PlannedAssignment[];
  /** Accounts given to a manager other than their current one (first owners included). */
  readonly moves: readonly PlannedAssignment[];
  /** Accounts left without a manager, and why. */
  readonly unassigned: readonly UnassignedAccount[];
  /** The objective of this plan: Σ cost over all assignments. A whole number. */
  readonly totalCost: number;
  /**
   * A proven lower bound on the best possible total (the LP relaxation, priced over every
   * manager). May be fractional. No plan, however found, costs less.
   */
  readonly lowerBound: number;
  /** Every manager of the problem, by manager id. */
  readonly loads: readonly ManagerLoad[];
  /**
   * Highest `after` over lowest `after` in points, among the active managers who carry
   * anything after the plan (null when none does). Grades carry different capacities, so
   * read it with `loadShare`.
   */
  readonly loadSpread: number | null;
  /** `after / maxLoad` among the same managers (null when none). */
  readonly loadShare: LoadShareSummary | null;
  readonly stats: RebalanceStats;
}

/**
 * The cost of leaving an account without a manager: ten times the worst a placement can cost
 * (the region outside every province, the worse industry term, three grade steps and a move),
 * plus 1,000. Any placement, however poor, is cheaper than no placement, so the plan leaves an
 * account unassigned only when no manager may take it or none has room. The same for every
 * tier: the plan first places as many accounts as it can.
 */
export function unassignedPenalty(policy: ManagerPolicy): number {
  const { costs } = policy;
  const worstIndustry = Math.max(costs.industryOutside, costs.industryGeneralist);
  return 10 * (costs.regionOutside + worstIndustry + 3 * costs.gradeStep + costs.move) + 1000;
}

/** Whether `manager` may receive an account of `tier`: active, and of a grade that may own it. */
export function mayReceive(manager: ManagerCandidate, tier: Tier, policy: ManagerPolicy): boolean {
  return manager.status === 'ACTIVE' && gradeMayOwn(manager.grade, tier, policy);
}

/** The points a manager may take in this rebalance: their limit less their fixed load. */
export function roomFor(manager: ManagerToBalance, policy: ManagerPolicy): number {
  return Math.max(0, maxLoad(manager, policy) - manager.fixedLoad);
}

/**
 * What giving `account` to `manager` costs: the mismatch, plus the move cost when the account
 * has a manager now and this is another one. An account without a manager pays no move: giving
 * it its first manager is no handover.
 */
export function placementCost(
  account: AccountToPlace,
  manager: ManagerCandidate,
  policy: ManagerPolicy,
): number {
  const moved = account.currentManagerId !== null && account.currentManagerId !== manager.id;
  return fitCost(account, manager, policy).mismatch + (moved ? policy.costs.move : 0);
}

/**
 * Why an account of `tier` found no manager, read the same way as the matching function's:
 * nobody of a grade that may own it; or all of those are inactive; or the active ones are full.
 */
export function reasonUnplaced(
  tier: Tier,
  managers: readonly ManagerCandidate[],
  policy: ManagerPolicy,
): UnassignableReason {
  const fitting = managers.filter((manager) => gradeMayOwn(manager.grade, tier, policy));
  if (fitting.length === 0) return 'NO_FITTING_GRADE';
  if (fitting.every((manager) => manager.status !== 'ACTIVE')) return 'NO_ACTIVE_MANAGER';
  return 'NO_CAPACITY';
}

/**
 * The total of a complete assignment (account id → manager id or null), checked: every
 * placement must be allowed and fit. Used by the tests and the exact solver's callers to read
 * any plan with the same objective.
 */
export function totalCostOf(
  problem: RebalanceProblem,
  assignment: ReadonlyMap<string, string | null>,
): number {
  const { policy } = problem;
  const managers = new Map(problem.managers.map((manager) => [manager.id, manager]));
  const used = new Map<string, number>();
  const penalty = unassignedPenalty(policy);
  let total = 0;
  for (const account of problem.accounts) {
    const managerId = assignment.get(account.id);
    if (managerId === undefined) throw new RangeError(`account ${account.id} has no decision`);
    if (managerId === null) {
      total += penalty;
      continue;
    }
    const manager = managers.get(managerId);
    if (!manager || !mayReceive(manager, account.tier, policy)) {
      throw new RangeError(`manager ${managerId} may not receive account ${account.id}`);
    }
    used.set(managerId, (used.get(managerId) ?? 0) + policy.points[account.tier]);
    total += placementCost(account, manager, policy);
  }
  for (const [managerId, points] of used) {
    const manager = managers.get(managerId);
    if (manager && points > roomFor(manager, policy)) {
      throw new RangeError(`manager ${managerId} would carry more than their limit`);
    }
  }
  return total;
}

/** Ids must be unique: the plan is keyed by them. */
export function checkProblemIds(problem: RebalanceProblem): void {
  const seen = new Set<string>();
  for (const account of problem.accounts) {
    if (seen.has(account.id)) throw new RangeError(`account ${account.id} appears twice`);
    seen.add(account.id);
  }
  seen.clear();
  for (const manager of problem.managers) {
    if (seen.has(manager.id)) throw new RangeError(`manager ${manager.id} appears twice`);
    seen.add(manager.id);
  }
}
