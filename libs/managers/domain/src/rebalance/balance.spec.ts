import type { AccountToPlace } from '../manager.js';
import { DEFAULT_MANAGER_POLICY as POLICY } from '../policy.js';
import { DEFAULT_REBALANCE_BALANCE } from './balance.js';
import { planRebalance } from './plan.js';
import type { ManagerToBalance, RebalanceProblem } from './problem.js';

function manager(id: string, overrides: Partial<ManagerToBalance> = {}): ManagerToBalance {
  return {
    id,
    grade: 'STANDARD',
    status: 'ACTIVE',
    regions: ['350100'],
    industries: ['C'],
    capacity: 10,
    load: 0,
    fixedLoad: 0,
    ...overrides,
  };
}

const accounts = (count: number, managerId: string | null, regionCode = '350102') =>
  Array.from({ length: count }, (_, i): AccountToPlace => ({
    id: `${managerId ?? 'none'}-${regionCode}-${String(i).padStart(3, '0')}`,
    tier: 'C',
    regionCode,
    industryCode: 'C',
    currentManagerId: managerId,
  }));

/**
 * Fuzhou: E1 owns 10 C accounts (full), E2 and E3 own none. They fit the accounts alike, so
 * the cheapest plan leaves everything where it is (a move costs 15): all load on E1.
 */
const LOPSIDED: RebalanceProblem = {
  policy: POLICY,
  managers: [manager('E1'), manager('E2'), manager('E3')],
  accounts: accounts(10, 'E1'),
};

const shares = (problem: RebalanceProblem, balance = DEFAULT_REBALANCE_BALANCE) =>
  planRebalance(problem, { balance }).loads.map((l) => [l.managerId, l.after / l.maxLoad]);

describe('the balance step of a rebalance', () => {
  it('leaves the load where it is when balance is not asked for: the cheapest plan', () => {
    expect(planRebalance(LOPSIDED).loads.map((l) => l.after)).toEqual([10, 0, 0]);
  });

  it('brings every manager who may take accounts into the policy’s band where fit allows', () => {
    const plan = planRebalance(LOPSIDED, { balance: { minLoadShare: 0.3, maxCostPerPoint: 20 } });
    expect(plan.loads.map((l) => l.after)).toEqual([4, 3, 3]);
    expect(plan.loadShare).toMatchObject({ min: 0.3, max: 0.4 });
    expect(plan.moves).toHaveLength(6);
    expect(plan.stats.balancingMoves).toBe(6);
    // The cost of balance is the moves it makes, and it is counted.
    expect(plan.totalCost).toBe(6 * POLICY.costs.move);
  });

  it('never takes a giver below the band to lift a taker into it', () => {
    const plan = planRebalance(LOPSIDED, { balance: DEFAULT_REBALANCE_BALANCE });
    for (const load of plan.loads) expect(load.after).toBeGreaterThanOrEqual(0);
    expect(plan.loads.find((l) => l.managerId === 'E1')?.after).toBeGreaterThanOrEqual(6);
    expect(plan.loads.map((l) => l.after).reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('does not move an account when fitting the taker costs more per point than the policy allows', () => {
    const far: RebalanceProblem = {
      ...LOPSIDED,
      managers: [manager('E1'), manager('G1', { regions: ['440300'] })],
    };
    expect(shares(far)).toEqual([
      ['E1', 1],
      ['G1', 0],
    ]);
    expect(shares(far, { minLoadShare: 0.6, maxCostPerPoint: 80 })).toEqual([
      ['E1', 0.6],
      ['G1', 0.4],
    ]);
  });

  it('gives the same plan whatever the order of the lists', () => {
    const reversed = {
      ...LOPSIDED,
      managers: [...LOPSIDED.managers].reverse(),
      accounts: [...LOPSIDED.accounts].reverse(),
    };
    const balance = { minLoadShare: 0.3, maxCostPerPoint: 20 };
    expect(planRebalance(reversed, { balance }).assignments).toEqual(
      planRebalance(LOPSIDED, { balance }).assignments,
    );
  });
});
