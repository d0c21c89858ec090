import {
  planRebalance,
  totalCostOf,
  type RebalancePlan,
  type RebalanceProblem,
} from '@gap/managers/domain';
import { generateRebalanceProblem } from './rebalance-problem.js';

/** The plan as each account's manager (null: unassigned). */
function decisions(plan: RebalancePlan): Map<string, string | null> {
  return new Map(plan.assignments.map((a) => [a.accountId, a.toManagerId]));
}

describe('planRebalance on generated problems', () => {
  const problem = generateRebalanceProblem({ accounts: 3_000, managers: 120, seed: 11 });
  const plan = planRebalance(problem);

  it('keeps every limit and rule, and its total is what the assignments cost', () => {
    expect(plan.assignments).toHaveLength(problem.accounts.length);
    for (const load of plan.loads) expect(load.after).toBeLessThanOrEqual(load.maxLoad);
    expect(totalCostOf(problem, decisions(plan))).toBe(plan.totalCost);
    const inactive = new Set(
      problem.managers.filter((m) => m.status !== 'ACTIVE').map((m) => m.id),
    );
    expect(plan.assignments.filter((a) => a.toManagerId && inactive.has(a.toManagerId))).toEqual(
      [],
    );
  });

  it('lies within 1 % of its own lower bound when there is room to spare', () => {
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.totalCost);
    expect(plan.totalCost).toBeLessThanOrEqual(plan.lowerBound * 1.01);
  });

  it('gives the same plan for the same problem, whatever the order of its lists', () => {
    const shuffled: RebalanceProblem = {
      ...problem,
      accounts: [...problem.accounts].reverse(),
      managers: [...problem.managers].reverse(),
    };
    const again = planRebalance(shuffled);
    const { stats, ...rest } = plan;
    const { stats: againStats, ...againRest } = again;
    expect(againRest).toEqual(rest);
    expect({ ...againStats, ms: null }).toEqual({ ...stats, ms: null });
  });
});
