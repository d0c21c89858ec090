import { fitCost } from '../fit.js';
import type { AccountToPlace } from '../manager.js';
import { DEFAULT_MANAGER_POLICY as POLICY } from '../policy.js';
import { solveExactly } from './exact.js';
import { buildModel, profileMismatch } from './model.js';
import { planRebalance } from './plan.js';
import {
  unassignedPenalty,
  type ManagerToBalance,
  type RebalancePlan,
  type RebalanceProblem,
} from './problem.js';

function manager(id: string, overrides: Partial<ManagerToBalance> = {}): ManagerToBalance {
  return {
    id,
    grade: 'STANDARD',
    status: 'ACTIVE',
    regions: ['350100'],
    industries: [],
    capacity: 100,
    load: 0,
    fixedLoad: 0,
    ...overrides,
  };
}

function account(
  id: string,
  tier: AccountToPlace['tier'],
  currentManagerId: string | null,
  overrides: Partial<AccountToPlace> = {},
): AccountToPlace {
  return { id, tier, regionCode: '350102', industryCode: 'C', currentManagerId, ...overrides };
}

const destinations = (plan: RebalancePlan) =>
  Object.fromEntries(plan.assignments.map((a) => [a.accountId, a.toManagerId]));

/**
 * Three managers in Fuzhou (350100) and six accounts in its districts. K1 has room for two A
 * accounts exactly (30 − 10 fixed), S1 for two B (20 − 12), T1 for three C (10 − 7).
 */
const FUZHOU: RebalanceProblem = {
  policy: POLICY,
  managers: [
    manager('K1', { grade: 'KEY_ACCOUNT', industries: ['C'], capacity: 30, fixedLoad: 10 }),
    manager('S1', { grade: 'SENIOR', industries: ['I'], capacity: 20, fixedLoad: 12 }),
    manager('T1', { grade: 'STANDARD', industries: [], capacity: 10, fixedLoad: 7 }),
  ],
  accounts: [
    account('a1', 'A', 'K1'), // a perfect fit where it is: 0
    account('a2', 'A', 'S1', { regionCode: '350103', industryCode: 'I' }), // outgrew S1
    account('a3', 'B', 'S1', { industryCode: 'I' }), // a perfect fit where it is: 0
    account('a4', 'B', 'K1'), // K1 is needed for the A accounts
    account('a5', 'C', 'T1', { industryCode: 'F' }), // T1 is a generalist: 5
    account('a6', 'C', null), // no manager yet
  ],
};

/** Managers of every grade across two provinces, accounts of every tier, region and industry. */
const COST_TABLE_PROBLEM: RebalanceProblem = {
  policy: POLICY,
  managers: [
    manager('K1', { grade: 'KEY_ACCOUNT', regions: ['350000'], industries: ['C', 'I'] }),
    manager('S1', { grade: 'SENIOR', regions: ['350200', '440300'] }),
    manager('T1', { regions: ['350102'], industries: ['F'] }),
    manager('H1', { grade: 'CHANNEL', regions: ['440000'], industries: ['C'] }),
  ],
  accounts: [
    account('c1', 'A', null),
    account('c2', 'B', 'S1', { regionCode: '350203', industryCode: 'I' }),
    account('c3', 'C', 'T1', { regionCode: '440305', industryCode: 'F' }),
    account('c4', 'C', 'H1', { regionCode: '110101', industryCode: 'K' }),
    account('c5', 'B', null, { regionCode: '350102', industryCode: 'F' }),
  ],
};

describe('planRebalance on a hand-checked case', () => {
  const plan = planRebalance(FUZHOU);

  it('gives K1 both A accounts and moves the B account K1 then cannot keep to S1', () => {
    expect(destinations(plan)).toEqual({
      a1: 'K1',
      a2: 'K1', // a senior manager may not own an A account: K1, industry 10 + move 15
      a3: 'S1',
      a4: 'S1', // K1 is full: S1, industry 10 + move 15
      a5: 'T1',
      a6: 'T1', // the only one with room; a first manager is no move: generalist 5
    });
    expect(plan.assignments.map((a) => a.cost)).toEqual([0, 25, 0, 25, 5, 5]);
    expect(plan.totalCost).toBe(60);
    expect(solveExactly(FUZHOU).totalCost).toBe(60);
  });

  it('lists the moves, with first owners, and the loads before and after', () => {
    expect(plan.moves.map((m) => [m.accountId, m.fromManagerId, m.toManagerId])).toEqual([
      ['a2', 'S1', 'K1'],
      ['a4', 'K1', 'S1'],
      ['a6', null, 'T1'],
    ]);
    expect(plan.unassigned).toEqual([]);
    expect(plan.loads).toEqual([
      { managerId: 'K1', before: 24, after: 30, maxLoad: 30 },
      { managerId: 'S1', before: 26, after: 20, maxLoad: 20 },
      { managerId: 'T1', before: 8, after: 9, maxLoad: 10 },
    ]);
    expect(plan.loadSpread).toBeCloseTo(30 / 9);
    expect(plan.loadShare).toEqual({ min: 0.9, mean: (1 + 1 + 0.9) / 3, max: 1 });
  });

  it('reports a lower bound no plan can beat, here reached', () => {
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.totalCost + 1e-9);
    expect(plan.lowerBound).toBeCloseTo(60);
    expect(plan.stats).toMatchObject({ accounts: 6, managers: 3, classes: 6, profiles: 6 });
  });
});

describe('planRebalance rules', () => {
  it('keeps an account with its manager when moving saves less than a move costs', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        manager('E1', { industries: ['I'] }), // industry 10 where it is
        manager('E2', { industries: ['C'] }), // 0 elsewhere: saves 10, the move costs 15
      ],
      accounts: [account('a1', 'C', 'E1')],
    };
    expect(destinations(planRebalance(problem))).toEqual({ a1: 'E1' });
  });

  it('moves an account when the better fit saves more than the move costs', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        manager('E1', { regions: ['350200'] }), // Xiamen: 20 + generalist 5
        manager('E2', { industries: ['C'] }), // Fuzhou, manufacturing: 0 + move 15
      ],
      accounts: [account('a1', 'C', 'E1')],
    };
    const plan = planRebalance(problem);
    expect(destinations(plan)).toEqual({ a1: 'E2' });
    expect(plan.totalCost).toBe(15);
  });

  it('never gives a manager more than their limit, fixed load included', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        manager('E1', { industries: ['C'], capacity: 10, fixedLoad: 7 }), // room for 3
        manager('E2', { regions: ['350200'], capacity: 100 }),
      ],
      accounts: ['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => account(id, 'C', null)),
    };
    const plan = planRebalance(problem);
    expect(plan.loads).toEqual([
      { managerId: 'E1', before: 7, after: 10, maxLoad: 10 },
      { managerId: 'E2', before: 0, after: 2, maxLoad: 100 },
    ]);
    expect(plan.totalCost).toBe(3 * 0 + 2 * (20 + 5));
  });

  it('gives nothing to an inactive manager, even the current one and the best fit', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        manager('E1', { industries: ['C'], status: 'LEAVING', fixedLoad: 40 }),
        manager('E2', { regions: ['350200'] }),
      ],
      accounts: [account('a1', 'C', 'E1'), account('a2', 'C', null)],
    };
    const plan = planRebalance(problem);
    expect(destinations(plan)).toEqual({ a1: 'E2', a2: 'E2' });
    expect(plan.loads[0]).toEqual({ managerId: 'E1', before: 41, after: 40, maxLoad: 100 });
  });

  it('only gives an account to a grade that may own its tier', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        manager('E1', { grade: 'SENIOR', industries: ['C'] }), // may own B, not A
        manager('E2', { grade: 'KEY_ACCOUNT', regions: ['440300'] }), // Shenzhen, but may own A
      ],
      accounts: [account('a1', 'A', 'E1')],
    };
    const plan = planRebalance(problem);
    expect(destinations(plan)).toEqual({ a1: 'E2' });
    expect(plan.totalCost).toBe(60 + 5 + 15); // another province, generalist, a move
  });

  it('leaves an account unassigned only when nobody can take it, and says why', () => {
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [
        manager('E1', { grade: 'SENIOR' }),
        manager('E2', { grade: 'STANDARD', status: 'LEFT' }),
        manager('E3', { grade: 'CHANNEL', capacity: 10, fixedLoad: 10 }),
      ],
      accounts: [
        account('a1', 'A', 'E1'), // nobody may own an A account
        account('a2', 'C', 'E2'), // E1 may, and has room
        account('a3', 'B', null), // E1 may: it stays with nobody only if E1 is full
      ],
    };
    const plan = planRebalance(problem);
    expect(destinations(plan)).toEqual({ a1: null, a2: 'E1', a3: 'E1' });
    expect(plan.unassigned).toEqual([{ accountId: 'a1', reason: 'NO_FITTING_GRADE' }]);
    expect(plan.assignments[0]?.cost).toBe(unassignedPenalty(POLICY));
    expect(plan.moves.map((m) => m.accountId)).toEqual(['a2', 'a3']);
  });

  it('names an inactive key-account manager, then a full one, as the reason', () => {
    const gone = planRebalance({
      policy: POLICY,
      managers: [manager('K1', { grade: 'KEY_ACCOUNT', status: 'ON_LEAVE' })],
      accounts: [account('a1', 'A', 'K1')],
    });
    expect(gone.unassigned).toEqual([{ accountId: 'a1', reason: 'NO_ACTIVE_MANAGER' }]);
    const full = planRebalance({
      policy: POLICY,
      managers: [manager('K1', { grade: 'KEY_ACCOUNT', capacity: 20, fixedLoad: 11 })],
      accounts: [account('a1', 'A', 'K1')],
    });
    expect(full.unassigned).toEqual([{ accountId: 'a1', reason: 'NO_CAPACITY' }]);
  });

  it('leaves the fewest accounts unassigned: the penalty outweighs any placement', () => {
    expect(unassignedPenalty(POLICY)).toBe(10 * (60 + 10 + 3 * 4 + 15) + 1000);
    const problem: RebalanceProblem = {
      policy: POLICY,
      managers: [manager('K1', { grade: 'KEY_ACCOUNT', capacity: 14 })],
      accounts: [account('a1', 'A', 'K1'), account('b1', 'B', null), account('b2', 'B', null)],
    };
    // 14 points: the A and one B (10 + 4), or both Bs (8); either way one account stays out.
    const plan = planRebalance(problem);
    expect(destinations(plan)['a1']).toBe('K1');
    expect(plan.unassigned).toHaveLength(1); // one of the two Bs, equally good
    expect(plan.totalCost).toBe(5 + 9 + 1970);
    expect(plan.totalCost).toBe(solveExactly(problem).totalCost);
  });
});

describe('the cost tables', () => {
  it('add up to fitCost for every account and manager', () => {
    const problem = COST_TABLE_PROBLEM;
    const model = buildModel(problem);
    model.accounts.forEach((account, a) => {
      const profile = model.profiles[model.profileOf[a]];
      model.managers.forEach((manager, m) => {
        expect(profileMismatch(model, profile, m)).toBe(fitCost(account, manager, POLICY).mismatch);
      });
    });
  });
});
