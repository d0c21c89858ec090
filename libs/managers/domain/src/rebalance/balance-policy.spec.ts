import {
  checkManagerPolicy,
  DEFAULT_MANAGER_POLICY,
  MANAGER_POLICY_M1,
  withPolicyDefaults,
  type ManagerPolicy,
} from '../policy.js';
import { DEFAULT_REBALANCE_BALANCE } from './balance-policy.js';

const withBand = (rebalance: ManagerPolicy['rebalance'], maxLoadRatio = 1): ManagerPolicy => ({
  ...DEFAULT_MANAGER_POLICY,
  maxLoadRatio,
  rebalance,
});
const refusals = (policy: ManagerPolicy) =>
  checkManagerPolicy(policy).map((v) => [v.field, v.reason]);

describe('the rebalance band in the manager policy', () => {
  it('accepts the defaults: every manager between 0.6 and 1.0, at up to 20 per point', () => {
    expect(DEFAULT_MANAGER_POLICY.rebalance).toEqual({ minLoadShare: 0.6, maxCostPerPoint: 20 });
    expect(checkManagerPolicy(DEFAULT_MANAGER_POLICY)).toEqual([]);
  });

  it('accepts the ends of both ranges: no balancing, and a floor at the most a manager carries', () => {
    expect(refusals(withBand({ minLoadShare: 0, maxCostPerPoint: 0 }))).toEqual([]);
    expect(refusals(withBand({ minLoadShare: 1, maxCostPerPoint: 10_000 }))).toEqual([]);
  });

  it.each([-0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a load-share floor of %s, named in both languages',
    (minLoadShare) => {
      const violations = checkManagerPolicy(withBand({ minLoadShare, maxCostPerPoint: 20 }));
      expect(violations.map((v) => [v.field, v.reason])).toEqual([
        ['input.rebalance.minLoadShare', 'OUT_OF_RANGE'],
      ]);
      expect(violations[0]?.localized?.['zh-CN']).toContain('负载下限');
    },
  );

  it('refuses a load-share floor above the policy’s maxLoadRatio', () => {
    expect(refusals(withBand({ minLoadShare: 0.7, maxCostPerPoint: 20 }, 0.6))).toEqual([
      ['input.rebalance.minLoadShare', 'OUT_OF_RANGE'],
    ]);
    expect(refusals(withBand({ minLoadShare: 0.6, maxCostPerPoint: 20 }, 0.6))).toEqual([]);
  });

  it.each([-1, 2.5, 10_001])('refuses a cost per point of %s', (maxCostPerPoint) => {
    expect(refusals(withBand({ minLoadShare: 0.6, maxCostPerPoint }))).toEqual([
      ['input.rebalance.maxCostPerPoint', 'OUT_OF_RANGE'],
    ]);
  });

  it('refuses a policy without the section', () => {
    const { rebalance: _, ...rest } = DEFAULT_MANAGER_POLICY;
    expect(refusals(rest as ManagerPolicy)).toEqual([['input.rebalance', 'REQUIRED']]);
  });

  it('reads a version written before the rebalance band with its defaults', () => {
    expect(withPolicyDefaults(MANAGER_POLICY_M1).rebalance).toEqual(DEFAULT_REBALANCE_BALANCE);
    const band = { minLoadShare: 0.4, maxCostPerPoint: 5 };
    expect(withPolicyDefaults({ ...MANAGER_POLICY_M1, rebalance: band }).rebalance).toEqual(band);
  });
});
