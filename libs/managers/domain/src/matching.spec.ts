import type { ManagerCandidate } from './manager.js';
import { matchInTurn } from './assignment/place-accounts.js';
import { matchManager } from './matching.js';
import { checkManagerPolicy, DEFAULT_MANAGER_POLICY as POLICY } from './policy.js';

/** Fuzhou's Gulou district, a manufacturer. */
const ACCOUNT = { id: 'acc-1', tier: 'C', regionCode: '350102', industryCode: 'C' } as const;

function manager(id: string, overrides: Partial<ManagerCandidate> = {}): ManagerCandidate {
  return {
    id,
    grade: 'STANDARD',
    status: 'ACTIVE',
    regions: ['350100'],
    industries: ['C'],
    capacity: 100,
    load: 0,
    ...overrides,
  };
}

describe('matchManager', () => {
  it('prefers the manager who covers the district and knows the industry', () => {
    const result = matchManager(
      ACCOUNT,
      [
        manager('E1', { regions: ['440300'] }), // Shenzhen: another province, 60
        manager('E2', { regions: ['350200'] }), // Xiamen: same province, 20
        manager('E3', { industries: ['I'] }), // Fuzhou, but IT: 10
        manager('E4'), // Fuzhou, manufacturing: 0
      ],
      POLICY,
    );
    expect(result.managerId).toBe('E4');
    expect(result.candidates.map((c) => [c.managerId, c.cost.mismatch])).toEqual([
      ['E4', 0],
      ['E3', 10],
      ['E2', 20],
      ['E1', 60],
    ]);
  });

  it('spreads load between equal fits: 20 × load share after taking the account', () => {
    const result = matchManager(
      ACCOUNT,
      [manager('E1', { load: 49 }), manager('E2', { load: 9 })],
      POLICY,
    );
    expect(result.managerId).toBe('E2');
    expect(result.candidates[0]?.score).toBeCloseTo(20 * 0.1); // (9 + 1) / 100
    expect(result.candidates[1]?.score).toBeCloseTo(20 * 0.5); // (49 + 1) / 100
  });

  it('breaks a perfect tie by employee number, so the same inputs give the same answer', () => {
    const managers = [manager('E9'), manager('E3'), manager('E5')];
    expect(matchManager(ACCOUNT, managers, POLICY).managerId).toBe('E3');
    expect(matchManager(ACCOUNT, [...managers].reverse(), POLICY).managerId).toBe('E3');
  });

  it('gives an A account only to a key-account manager, even a poorer fit', () => {
    const result = matchManager(
      { ...ACCOUNT, tier: 'A' },
      [manager('E1'), manager('K1', { grade: 'KEY_ACCOUNT', regions: ['350000'] })],
      POLICY,
    );
    expect(result.managerId).toBe('K1');
    expect(result.candidates[1]).toMatchObject({
      managerId: 'E1',
      refusals: ['GRADE_CANNOT_OWN_TIER'],
    });
  });

  it('costs a key-account manager two grade steps for a C account', () => {
    const result = matchManager(ACCOUNT, [manager('K1', { grade: 'KEY_ACCOUNT' })], POLICY);
    expect(result.candidates[0]?.cost).toEqual({ region: 0, industry: 0, grade: 8, mismatch: 8 });
  });

  it('refuses a manager without room for the account’s points, or not active', () => {
    const result = matchManager(
      { ...ACCOUNT, tier: 'B' },
      [
        manager('S1', { grade: 'SENIOR', load: 97 }), // 97 + 4 > 100
        manager('S2', { grade: 'SENIOR', status: 'LEAVING' }),
        manager('S3', { grade: 'SENIOR', load: 96 }), // exactly full afterwards
      ],
      POLICY,
    );
    expect(result.managerId).toBe('S3');
    expect(result.candidates.find((c) => c.managerId === 'S1')?.refusals).toEqual([
      'CAPACITY_EXCEEDED',
    ]);
    expect(result.candidates.find((c) => c.managerId === 'S2')?.refusals).toEqual(['NOT_ACTIVE']);
  });

  it.each([
    ['no manager of a grade that may own it', [manager('E1')], 'NO_FITTING_GRADE'],
    [
      'only inactive managers of a fitting grade',
      [manager('K1', { grade: 'KEY_ACCOUNT', status: 'ON_LEAVE' })],
      'NO_ACTIVE_MANAGER',
    ],
    [
      'fitting managers without room',
      [manager('K1', { grade: 'KEY_ACCOUNT', load: 95 })],
      'NO_CAPACITY',
    ],
  ])('says why an A account cannot be placed: %s', (_case, managers, reason) => {
    const result = matchManager({ ...ACCOUNT, tier: 'A' }, managers, POLICY);
    expect(result).toMatchObject({ managerId: null, unassignableReason: reason });
  });

  it('never picks an excluded manager (the one handing the account over)', () => {
    const result = matchManager(ACCOUNT, [manager('E1'), manager('E2')], POLICY, new Set(['E1']));
    expect(result.managerId).toBe('E2');
    expect(result.candidates.map((c) => c.managerId)).toEqual(['E2']);
  });
});

describe('matchInTurn', () => {
  it('places the heaviest accounts first and counts each placement in the next', () => {
    const accounts = [
      { ...ACCOUNT, id: 'c1' },
      { ...ACCOUNT, id: 'b1', tier: 'B' as const },
      { ...ACCOUNT, id: 'b2', tier: 'B' as const },
    ];
    // S1 has room for one B (4) and one C; S2 for one B only.
    const managers = [
      manager('S1', { grade: 'SENIOR', capacity: 5 }),
      manager('S2', { grade: 'SENIOR', capacity: 4, regions: ['350200'] }),
    ];
    const placed = matchInTurn(accounts, managers, POLICY);
    expect(Object.fromEntries(placed)).toEqual({
      b1: { managerId: 'S1' },
      b2: { managerId: 'S2' },
      c1: { managerId: 'S1' },
    });
  });

  it('lists what could not be placed, with the reason', () => {
    const placed = matchInTurn(
      [
        { ...ACCOUNT, id: 'c1' },
        { ...ACCOUNT, id: 'c2' },
      ],
      [manager('E1', { capacity: 1 })],
      POLICY,
    );
    expect(placed.get('c1')).toEqual({ managerId: 'E1' });
    expect(placed.get('c2')).toEqual({ unassignableReason: 'NO_CAPACITY' });
  });
});

describe('checkManagerPolicy', () => {
  it('accepts the default policy', () => {
    expect(checkManagerPolicy(POLICY)).toEqual([]);
  });

  it('names each broken rule by its field', () => {
    const violations = checkManagerPolicy({
      ...POLICY,
      version: 'no spaces',
      eligibleGrades: { ...POLICY.eligibleGrades, A: [] },
      points: { A: 10, B: 12, C: 0 },
      maxLoadRatio: 3,
      costs: { ...POLICY.costs, move: -1 },
    });
    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['input.version', 'VERSION_INVALID'],
      ['input.eligibleGrades.A', 'NO_GRADE'],
      ['input.fittingGrade.A', 'NOT_ELIGIBLE'],
      ['input.points.C', 'OUT_OF_RANGE'],
      ['input.points', 'NOT_DESCENDING'],
      ['input.maxLoadRatio', 'OUT_OF_RANGE'],
      ['input.costs.move', 'OUT_OF_RANGE'],
    ]);
  });
});
