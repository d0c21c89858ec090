import {
  checkManagerPolicy,
  DEFAULT_MANAGER_POLICY,
  withPolicyDefaults,
  MANAGER_POLICY_M1,
} from '../policy.js';

describe('the handover rules in the manager policy', () => {
  it('accepts the defaults: A 14, B 7, C 3 days; supervisors and admins waive', () => {
    expect(checkManagerPolicy(DEFAULT_MANAGER_POLICY)).toEqual([]);
    expect(DEFAULT_MANAGER_POLICY.handover.minShadowDays).toEqual({ A: 14, B: 7, C: 3 });
  });

  it('refuses a shadow period out of range or out of order, and an unknown waiver, each named', () => {
    const violations = checkManagerPolicy({
      ...DEFAULT_MANAGER_POLICY,
      handover: {
        minShadowDays: { A: 2, B: 7, C: -1 },
        waivedBy: ['INCOMING_MANAGER' as never],
        supervisorFallback: { takesAccounts: true, extraPoints: 1.5 },
      },
    });
    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['input.handover.minShadowDays.C', 'OUT_OF_RANGE'],
      ['input.handover.minShadowDays', 'NOT_DESCENDING'],
      ['input.handover.waivedBy', 'WAIVER_UNKNOWN'],
      ['input.handover.supervisorFallback.extraPoints', 'OUT_OF_RANGE'],
    ]);
    expect(violations[2]?.localized?.['zh-CN']).toContain('接手经理');
  });

  it('reads a version written before the handover rules with their defaults', () => {
    expect(withPolicyDefaults(MANAGER_POLICY_M1).handover).toEqual(DEFAULT_MANAGER_POLICY.handover);
  });
});
