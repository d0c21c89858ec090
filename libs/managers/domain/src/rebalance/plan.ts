import { balancePlacement, type RebalanceBalance } from './balance.js';
import { improvePlacement } from './improve.js';
import { accountCost, buildModel, type RebalanceModel } from './model.js';
import { solveRelaxation } from './network.js';
import { Placement } from './placement.js';
import {
  reasonUnplaced,
  type LoadShareSummary,
  type ManagerLoad,
  type PlannedAssignment,
  type RebalancePlan,
  type RebalanceProblem,
  type UnassignedAccount,
} from './problem.js';
import { roundPlan } from './round.js';

export interface RebalanceOptions {
  /** Managers each (tier, region, industry) may reach besides its current managers. Default 24. */
  readonly candidatesPerProfile?: number;
  /**
   * The candidates of a profile must have room for this many times its points together, or more
   * are added. Default 3.
   */
  readonly capacityCover?: number;
  /** Rounds of pricing the left-out arcs and solving again. Default 2. */
  readonly pricingRounds?: number;
  /**
   * A pricing round only runs while the lower bound is further than this share below the
   * reduced LP's optimum. Default 0.001 (0.1 %).
   */
  readonly boundTolerance?: number;
  /** Whether to run the improvement pass after rounding. Default true. */
  readonly improve?: boolean;
  /**
   * The load-share band the improvement moves managers into, where fit allows (see
   * {@link RebalanceBalance}). Default none: the plan is the cheapest, however uneven.
   */
  readonly balance?: RebalanceBalance | null;
}

const DEFAULTS = {
  candidatesPerProfile: 24,
  capacityCover: 3,
  pricingRounds: 2,
  boundTolerance: 0.001,
  improve: true,
  balance: null,
};

/**
 * The bulk rebalance: gives every account a manager (or none) so that the total of mismatch,
 * move costs and unassigned penalties is as low as we can make it, within every manager's
 * limit, giving nothing to an inactive manager or to a grade that may not own the tier.
 *
 * The exact problem is a generalized assignment problem (accounts weigh different points), so
 * the plan solves its LP relaxation as a min-cost flow in points, rounds it to whole accounts,
 * and improves the result locally; the LP optimum bounds every plan from below and is reported
 * with it (ADR 7). The same problem gives the same plan, whatever the order of its lists.
 */
export function planRebalance(
  problem: RebalanceProblem,
  options: RebalanceOptions = {},
): RebalancePlan {
  const settings = { ...DEFAULTS, ...options };
  const started = performance.now();
  const model = buildModel(problem);
  const prepared = performance.now();
  const fractional = solveRelaxation(model, settings);
  const solved = performance.now();
  const placement = new Placement(model);
  const rounded = roundPlan(placement, fractional);
  const roundedAt = performance.now();
  const improvements = settings.improve ? improvePlacement(placement, fractional, rounded) : 0;
  const balanced = settings.balance ? balancePlacement(placement, settings.balance) : 0;
  const finished = performance.now();

  const assignments = model.accounts.map((account, a): PlannedAssignment => {
    const m = placement.managerOf[a];
    return {
      accountId: account.id,
      tier: account.tier,
      fromManagerId: account.currentManagerId,
      toManagerId: m >= 0 ? model.managers[m].id : null,
      cost: accountCost(model, a, m),
    };
  });
  const reasons = new Map<string, UnassignedAccount['reason']>();
  const unassigned = assignments
    .filter((assignment) => assignment.toManagerId === null)
    .map((assignment): UnassignedAccount => {
      let reason = reasons.get(assignment.tier);
      if (!reason) {
        reasons.set(
          assignment.tier,
          (reason = reasonUnplaced(assignment.tier, model.managers, model.policy)),
        );
      }
      return { accountId: assignment.accountId, reason };
    });
  const loads = managerLoads(model, placement);
  const ms = (from: number, to: number) => Math.round((to - from) * 10) / 10;
  return {
    policyVersion: model.policy.version,
    assignments,
    moves: assignments.filter(
      (assignment) =>
        assignment.toManagerId !== null && assignment.toManagerId !== assignment.fromManagerId,
    ),
    unassigned,
    totalCost: assignments.reduce((total, assignment) => total + assignment.cost, 0),
    lowerBound: fractional.lowerBound,
    loads,
    ...spread(model, loads),
    stats: {
      accounts: model.accounts.length,
      managers: model.managerCount,
      classes: fractional.classes.length,
      profiles: model.profiles.length,
      arcs: fractional.stats.arcs,
      pricedArcs: fractional.stats.pricedArcs,
      searches: fractional.stats.searches,
      augmentations: fractional.stats.augmentations,
      settledNodes: fractional.stats.settledNodes,
      solves: fractional.stats.solves,
      reducedLpCost: fractional.reducedLpCost,
      roundedAccounts: rounded.length,
      improvements,
      balancingMoves: balanced,
      ms: {
        prepare: ms(started, prepared),
        solve: ms(prepared, solved),
        round: ms(solved, roundedAt),
        improve: ms(roundedAt, finished),
        total: ms(started, finished),
      },
    },
  };
}

function managerLoads(model: RebalanceModel, placement: Placement): ManagerLoad[] {
  const before = new Float64Array(model.managerCount);
  const after = new Float64Array(model.managerCount);
  model.managers.forEach((manager, m) => {
    before[m] = manager.fixedLoad;
    after[m] = manager.fixedLoad;
  });
  for (let a = 0; a < model.accounts.length; a++) {
    if (model.currentOf[a] >= 0) before[model.currentOf[a]] += model.points[a];
    if (placement.managerOf[a] >= 0) after[placement.managerOf[a]] += model.points[a];
  }
  return model.managers.map((manager, m) => ({
    managerId: manager.id,
    before: before[m],
    after: after[m],
    maxLoad: model.maxLoad[m],
  }));
}

/**
 * Load spread in points over the active managers carrying anything after, and load shares over
 * every active manager who may carry anything (an idle one counts at 0: that is the imbalance).
 */
function spread(
  model: RebalanceModel,
  loads: readonly ManagerLoad[],
): { loadSpread: number | null; loadShare: LoadShareSummary | null } {
  const able = loads.filter((load, m) => model.managers[m].status === 'ACTIVE' && load.maxLoad > 0);
  const carrying = able.filter((load) => load.after > 0);
  if (carrying.length === 0) return { loadSpread: null, loadShare: null };
  const points = carrying.map((load) => load.after);
  const shares = able.map((load) => load.after / load.maxLoad);
  return {
    loadSpread: Math.max(...points) / Math.min(...points),
    loadShare: {
      min: Math.min(...shares),
      mean: shares.reduce((sum, share) => sum + share, 0) / shares.length,
      max: Math.max(...shares),
    },
  };
}
