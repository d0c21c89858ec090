import {
  DEFAULT_MANAGER_POLICY as POLICY,
  EXACT_LIMITS,
  planRebalance,
  solveExactly,
  totalCostOf,
  type RebalanceProblem,
} from '@gap/managers/domain';
import { SeededRandom } from '@gap/random';
import { generateRebalanceProblem } from './rebalance-problem.js';

/** Tiny, tight problems: one province, four districts, many A and B accounts, little room. */
function tinyProblems(count: number, seed: number): RebalanceProblem[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () =>
    generateRebalanceProblem({
      accounts: random.int(2, 10),
      managers: random.int(1, 4),
      seed: random.int(1, 1_000_000_000),
      provinces: ['35'],
      citiesPerProvince: 2,
      districtsPerCity: 2,
      tierShares: { A: 0.25, B: 0.3, C: 0.45 },
      slack: random.pick([0, 0.1, 0.2]),
      overloadedShare: 0.3,
      inactiveShare: 0.1,
    }),
  );
}

describe('solveExactly', () => {
  it('finds the best plan by trying them all, and says what it is', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        {
          id: 'K1',
          grade: 'KEY_ACCOUNT',
          status: 'ACTIVE',
          regions: ['350100'],
          industries: [],
          capacity: 14,
          load: 0,
          fixedLoad: 0,
        },
      ],
      accounts: [
        { id: 'a1', tier: 'A', regionCode: '350102', industryCode: 'C', currentManagerId: 'K1' },
        { id: 'b1', tier: 'B', regionCode: '350102', industryCode: 'C', currentManagerId: null },
        { id: 'b2', tier: 'B', regionCode: '350102', industryCode: 'C', currentManagerId: null },
      ],
    };
    const exact = solveExactly(problem);
    // 14 points: a1 and one B (10 + 4), never all three. a1 costs 5 (a generalist), a B 9
    // (a generalist, one grade step), the one left out 1,970.
    expect(exact.totalCost).toBe(5 + 9 + 1970);
    expect(exact.assignment).toEqual(
      new Map([
        ['a1', 'K1'],
        ['b1', 'K1'],
        ['b2', null],
      ]),
    );
    expect(totalCostOf(problem, exact.assignment)).toBe(exact.totalCost);
  });

  it('refuses problems too large to search', () => {
    const problem = generateRebalanceProblem({
      accounts: EXACT_LIMITS.accounts + 1,
      managers: 2,
      seed: 1,
    });
    expect(() => solveExactly(problem)).toThrow(RangeError);
  });
});

/**
 * The acceptance test of the optimiser: on 200 generated problems small enough to solve
 * exactly (up to 10 accounts and 4 managers, tight room), the plan costs within 1 % of the
 * optimum, never less, and the lower bound never exceeds it. Measured on these 200: every plan
 * optimal. Over 20,000 more such problems (up to 12 accounts and 5 managers, other seeds) one
 * plan was 1.3 % above the optimum, the next worst 0.95 %, the mean under 0.001 %: the bar
 * holds on generated problems, not on every conceivable one (see ADR 7).
 */
describe('planRebalance against the exact optimum', () => {
  const problems = tinyProblems(200, 2024);
  const results = problems.map((problem) => {
    const plan = planRebalance(problem);
    const exact = solveExactly(problem);
    return {
      problem,
      plan,
      exact,
      gap: (plan.totalCost - exact.totalCost) / Math.max(1, exact.totalCost),
    };
  });

  it('costs within 1 % of the optimum on every problem', () => {
    const worst = Math.max(...results.map((r) => r.gap));
    expect(worst).toBeLessThanOrEqual(0.01);
  });

  it('never costs less than the optimum, and adds up as the checker does', () => {
    for (const { problem, plan, exact } of results) {
      expect(plan.totalCost).toBeGreaterThanOrEqual(exact.totalCost);
      expect(
        totalCostOf(problem, new Map(plan.assignments.map((a) => [a.accountId, a.toManagerId]))),
      ).toBe(plan.totalCost);
      expect(totalCostOf(problem, exact.assignment)).toBe(exact.totalCost);
    }
  });

  it('reports a lower bound at most the optimum', () => {
    for (const { plan, exact } of results)
      expect(plan.lowerBound).toBeLessThanOrEqual(exact.totalCost + 1e-9);
  });

  it('covers problems with accounts left out, tiers traded and moves', () => {
    expect(results.filter((r) => r.exact.totalCost >= 1970).length).toBeGreaterThan(20);
    expect(results.filter((r) => r.exact.totalCost < 1970).length).toBeGreaterThan(20);
  });
});
