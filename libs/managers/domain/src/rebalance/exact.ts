import { accountCost, buildModel } from './model.js';
import type { RebalanceProblem } from './problem.js';

export interface ExactSolution {
  /** The least total any plan can have (mismatch, moves and unassigned penalties). */
  readonly totalCost: number;
  /** One plan with that total: account id → manager id, or null for unassigned. By account id. */
  readonly assignment: ReadonlyMap<string, string | null>;
  /** Partial plans looked at: what the search cost. */
  readonly nodes: number;
}

/** Beyond this the search takes too long to be of use (it is exponential). */
export const EXACT_LIMITS = { accounts: 14, managers: 6 } as const;

/**
 * The true optimum of a tiny rebalance by depth-first search: each account in turn (heaviest
 * first) tries every manager who may take it and has room, cheapest first, then no manager.
 * A branch is cut when its cost so far plus every remaining account's cheapest option (limits
 * ignored) cannot beat the best plan found. For the tests and the benchmark, which check the
 * plan against it: at most {@link EXACT_LIMITS} accounts and managers.
 */
export function solveExactly(problem: RebalanceProblem): ExactSolution {
  if (
    problem.accounts.length > EXACT_LIMITS.accounts ||
    problem.managers.length > EXACT_LIMITS.managers
  ) {
    throw new RangeError(
      `solveExactly takes at most ${EXACT_LIMITS.accounts} accounts and ${EXACT_LIMITS.managers} managers`,
    );
  }
  const model = buildModel(problem);
  const count = model.accounts.length;
  const order = model.accounts
    .map((_, a) => a)
    .sort((a, b) => model.points[b] - model.points[a] || a - b);
  const options = order.map((a) =>
    Array.from(model.receivers[model.profiles[model.profileOf[a]].tierIndex]).sort(
      (x, y) => accountCost(model, a, x) - accountCost(model, a, y) || x - y,
    ),
  );
  const cheapest = order.map((a, i) =>
    Math.min(model.penalty, ...options[i].map((m) => accountCost(model, a, m))),
  );
  const remainingFloor = new Float64Array(count + 1);
  for (let i = count - 1; i >= 0; i--) remainingFloor[i] = remainingFloor[i + 1] + cheapest[i];

  const room = Float64Array.from(model.room);
  const chosen = new Int32Array(count).fill(-1);
  let best = Number.POSITIVE_INFINITY;
  let bestChoice = Int32Array.from(chosen);
  let nodes = 0;

  const search = (i: number, cost: number): void => {
    nodes++;
    if (cost + remainingFloor[i] >= best) return;
    if (i === count) {
      best = cost;
      bestChoice = Int32Array.from(chosen);
      return;
    }
    const a = order[i];
    const points = model.points[a];
    for (const m of options[i]) {
      if (room[m] < points) continue;
      room[m] -= points;
      chosen[i] = m;
      search(i + 1, cost + accountCost(model, a, m));
      room[m] += points;
    }
    chosen[i] = -1;
    search(i + 1, cost + model.penalty);
  };
  search(0, 0);

  const assignment = new Map<string, string | null>();
  const byAccount = new Int32Array(count);
  order.forEach((a, i) => (byAccount[a] = bestChoice[i]));
  model.accounts.forEach((account, a) => {
    const m = byAccount[a];
    assignment.set(account.id, m >= 0 ? model.managers[m].id : null);
  });
  return { totalCost: best, assignment, nodes };
}
