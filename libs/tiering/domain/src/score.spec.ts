import { DEFAULT_POLICY } from './policy.js';
import { score, scoreParts } from './score.js';
import { accountValue } from './value.js';

describe('the score of an account', () => {
  it('weighs current, potential and lifetime value, each by its policy weight', () => {
    // Failed before: the cut ranked lifetime value alone, which is the current margin scaled.
    const policy = {
      ...DEFAULT_POLICY,
      scoreWeights: { current: 0.5, potential: 0.3, lifetime: 0.2 },
    };
    expect(score(policy, { current: 100, potential: 1_000, lifetime: 50 })).toBeCloseTo(
      0.5 * 100 + 0.3 * 1_000 + 0.2 * 50,
      9,
    );
    expect(scoreParts(policy, { current: 100, potential: 1_000, lifetime: 50 })).toEqual({
      current: 50,
      potential: 300,
      lifetime: 10,
    });
  });

  it('ranks an account with a large unwon wallet above one with the same margin and none', () => {
    const month = { month: '2026-09', revenue: { DATA: 10_000 }, cost: {}, complaints: 0 };
    const profile = { industryCode: 'C', tenureYears: 1, clusterSupportersValue: 0 };
    const small = accountValue(
      DEFAULT_POLICY,
      { ...profile, employees: 1 },
      [{ ...month, lines: 1 }],
      '2026-10',
    );
    const large = accountValue(
      DEFAULT_POLICY,
      { ...profile, employees: 1 },
      [{ ...month, lines: 500 }],
      '2026-10',
    );
    expect(large.current).toBe(small.current);
    expect(score(DEFAULT_POLICY, large)).toBeGreaterThan(score(DEFAULT_POLICY, small));
  });

  it('sizes the wallet by lines where they say more than employees', () => {
    // Failed before: the account's lines were not used.
    const value = accountValue(
      { ...DEFAULT_POLICY, walletPerLine: 1_200, defaultWalletPerEmployee: 900 },
      { industryCode: 'X', employees: 10, tenureYears: 0, clusterSupportersValue: 0 },
      [
        { month: '2026-08', revenue: {}, cost: {}, lines: 5, complaints: 0 },
        { month: '2026-09', revenue: {}, cost: {}, lines: 40, complaints: 0 },
      ],
      '2026-10',
    );
    // The latest month's 40 lines × 1,200 = 48,000 beat 10 employees × 900 = 9,000.
    expect(value).toMatchObject({ lines: 40, wallet: 48_000, potential: 48_000 });
  });
});
