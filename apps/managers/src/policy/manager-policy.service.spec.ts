import type { DataSource } from 'typeorm';
import {
  DEFAULT_HANDOVER_POLICY,
  DEFAULT_REBALANCE_BALANCE,
  MANAGER_POLICY_M1,
} from '@gap/managers/domain';
import {
  accountManager,
  ADMIN,
  managersServices,
  openManagersTestDatabase,
  type ManagersServices,
} from '../testing/harness.js';
import type { CreateManagerPolicyInput } from './manager-policy.types.js';

const input = (
  version: string,
  overrides: Partial<CreateManagerPolicyInput> = {},
): CreateManagerPolicyInput => ({
  version,
  tiers: (['A', 'B', 'C'] as const).map((tier) => ({
    tier,
    grades: [...MANAGER_POLICY_M1.eligibleGrades[tier]],
    fittingGrade: MANAGER_POLICY_M1.fittingGrade[tier],
    points: MANAGER_POLICY_M1.points[tier],
  })),
  maxLoadRatio: 1,
  costs: { ...MANAGER_POLICY_M1.costs },
  makeCurrent: false,
  ...overrides,
});

describe('the manager policy', () => {
  let dataSource: DataSource;
  let s: ManagersServices;

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('policy');
    s = managersServices(dataSource);
  });

  afterAll(() => dataSource?.destroy());

  it('runs, after the migrations, under a new version with the handover and rebalance rules added', async () => {
    const current = await s.policies.current();
    expect(current).toMatchObject({
      version: 'm3',
      handover: DEFAULT_HANDOVER_POLICY,
      rebalance: DEFAULT_REBALANCE_BALANCE,
    });
    expect(current.points).toEqual(MANAGER_POLICY_M1.points);
    const versions = await s.policies.list(accountManager('E1'));
    // The first version, written before the handover rules, still reads whole.
    expect(versions.find((v) => v.version === 'm1')).toMatchObject({
      isCurrent: false,
      policy: { handover: DEFAULT_HANDOVER_POLICY, rebalance: DEFAULT_REBALANCE_BALANCE },
    });
  });

  it('takes the handover rules admins give, checked with the rest', async () => {
    const created = await s.policies.create(
      ADMIN,
      input('h-rules', {
        handover: {
          minShadowDays: { A: 21, B: 10, C: 0 },
          waivedBy: ['OUTGOING_MANAGER', 'ADMIN'],
          supervisorTakesAccounts: false,
          supervisorExtraPoints: 0,
        },
      }),
    );
    expect(created.policy.handover).toEqual({
      minShadowDays: { A: 21, B: 10, C: 0 },
      waivedBy: ['OUTGOING_MANAGER', 'ADMIN'],
      supervisorFallback: { takesAccounts: false, extraPoints: 0 },
    });
    await expect(
      s.policies.create(
        ADMIN,
        input('h-bad', {
          handover: {
            minShadowDays: { A: 1, B: 7, C: 3 },
            waivedBy: ['ADMIN'],
            supervisorTakesAccounts: true,
            supervisorExtraPoints: 0,
          },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'input.handover.minShadowDays',
    });
  });

  it('takes the rebalance band admins give, with the defaults when left out', async () => {
    const kept = await s.policies.create(ADMIN, input('r-default'));
    expect(kept.policy.rebalance).toEqual(DEFAULT_REBALANCE_BALANCE);
    const created = await s.policies.create(
      ADMIN,
      input('r-band', { rebalance: { minLoadShare: 0.5, maxCostPerPoint: 40 } }),
    );
    expect(created.policy.rebalance).toEqual({ minLoadShare: 0.5, maxCostPerPoint: 40 });
    await expect(
      s.policies.create(
        ADMIN,
        input('r-bad', {
          maxLoadRatio: 0.5,
          rebalance: { minLoadShare: 0.8, maxCostPerPoint: 20 },
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.rebalance.minLoadShare' });
  });

  it('refuses anyone but an admin, and a version that exists, each coded', async () => {
    await expect(s.policies.create(accountManager('E1'), input('h-x'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(s.policies.create(ADMIN, input('m1'))).rejects.toMatchObject({
      code: 'POLICY_VERSION_TAKEN',
      field: 'input.version',
    });
    await expect(
      s.policies.list({ subject: 'P1', roles: ['PARTNER'], partnerId: 'P1' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
