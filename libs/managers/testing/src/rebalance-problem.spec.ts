import { DEFAULT_MANAGER_POLICY as POLICY, gradeMayOwn, roomFor } from '@gap/managers/domain';
import { generateRebalanceProblem } from './rebalance-problem.js';

describe('generateRebalanceProblem', () => {
  const problem = generateRebalanceProblem({ accounts: 20_000, managers: 400, seed: 42 });
  const managers = new Map(problem.managers.map((m) => [m.id, m]));
  const share = (predicate: (a: (typeof problem.accounts)[number]) => boolean) =>
    problem.accounts.filter(predicate).length / problem.accounts.length;

  it('gives the same problem for the same seed, another for another', () => {
    expect(generateRebalanceProblem({ accounts: 500, managers: 20, seed: 42 })).toEqual(
      generateRebalanceProblem({ accounts: 500, managers: 20, seed: 42 }),
    );
    expect(generateRebalanceProblem({ accounts: 500, managers: 20, seed: 43 })).not.toEqual(
      generateRebalanceProblem({ accounts: 500, managers: 20, seed: 42 }),
    );
  });

  it('draws mostly C accounts, in districts of five provinces, industries A to T', () => {
    expect(share((a) => a.tier === 'C')).toBeCloseTo(0.8, 1);
    expect(share((a) => a.tier === 'A')).toBeCloseTo(0.05, 1);
    expect(new Set(problem.accounts.map((a) => a.regionCode.slice(0, 2)))).toEqual(
      new Set(['35', '44', '32', '33', '37']),
    );
    expect(problem.accounts.every((a) => /^\d{4}(0[1-9]|[1-9]\d)$/.test(a.regionCode))).toBe(true);
    expect(problem.accounts.every((a) => /^[A-T]$/.test(a.industryCode))).toBe(true);
  });

  it('gives managers of every grade sensible capacities and fixed loads within them', () => {
    const ranges = {
      KEY_ACCOUNT: [150, 300],
      SENIOR: [200, 400],
      STANDARD: [300, 500],
      CHANNEL: [400, 800],
    };
    for (const manager of problem.managers) {
      const [low, high] = ranges[manager.grade];
      expect(manager.capacity).toBeGreaterThanOrEqual(low - 5);
      expect(manager.capacity).toBeLessThanOrEqual(high + 5);
      expect(manager.fixedLoad).toBeGreaterThanOrEqual(0);
      expect(manager.fixedLoad).toBeLessThanOrEqual(manager.capacity);
    }
    expect(new Set(problem.managers.map((m) => m.grade)).size).toBe(4);
  });

  it('leaves the active managers 15 to 25 % more room than the accounts weigh', () => {
    const points = problem.accounts.reduce((sum, a) => sum + POLICY.points[a.tier], 0);
    const room = problem.managers
      .filter((m) => m.status === 'ACTIVE')
      .reduce((sum, m) => sum + roomFor(m, POLICY), 0);
    expect(room / points).toBeGreaterThan(1.15);
    expect(room / points).toBeLessThan(1.25);
  });

  it('leaves a rebalance real work: no manager, outgrown grades, inactive and overloaded managers', () => {
    expect(share((a) => a.currentManagerId === null)).toBeGreaterThan(0.01);
    const misfit = share((a) => {
      const current = a.currentManagerId ? managers.get(a.currentManagerId) : undefined;
      return current !== undefined && !gradeMayOwn(current.grade, a.tier, POLICY);
    });
    expect(misfit).toBeGreaterThan(0.001);
    expect(problem.managers.some((m) => m.status !== 'ACTIVE')).toBe(true);
    const before = new Map<string, number>();
    for (const a of problem.accounts) {
      if (a.currentManagerId)
        before.set(
          a.currentManagerId,
          (before.get(a.currentManagerId) ?? 0) + POLICY.points[a.tier],
        );
    }
    const overloaded = problem.managers.filter(
      (m) => m.fixedLoad + (before.get(m.id) ?? 0) > m.capacity,
    );
    expect(overloaded.length).toBeGreaterThan(problem.managers.length * 0.02);
  });
});
