import { paretoTiers, withHysteresis } from './pareto.js';
import { checkPolicy, DEFAULT_POLICY } from './policy.js';
import { lifetimeValue, retentionRate, trailingMonths } from './value.js';

describe('the value model', () => {
  it('discounts each year of kept margin: 100 a year, kept at 0.9, at 10 %, over three years', () => {
    const policy = { ...DEFAULT_POLICY, horizonYears: 3, discountRate: 0.1 };
    // 100 × 0.9 / 1.1 + 100 × 0.81 / 1.21 + 100 × 0.729 / 1.331 = 81.818 + 66.942 + 54.771
    expect(lifetimeValue(policy, 100, 0.9)).toBeCloseTo(203.531, 3);
  });

  it('raises retention with tenure, lowers it with complaints, within the bounds', () => {
    expect(retentionRate(DEFAULT_POLICY, 5, 0)).toBeCloseTo(0.9, 9);
    expect(retentionRate(DEFAULT_POLICY, 0, 2)).toBeCloseTo(0.81, 9);
    expect(retentionRate(DEFAULT_POLICY, 40, 0)).toBe(0.97);
    expect(retentionRate(DEFAULT_POLICY, 0, 40)).toBe(0.5);
  });

  it('reads the trailing twelve months across a year end', () => {
    expect(trailingMonths('2026-02')).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
      '2025-10',
      '2025-09',
      '2025-08',
      '2025-07',
      '2025-06',
      '2025-05',
      '2025-04',
      '2025-03',
    ]);
  });
});

describe('policies', () => {
  it('accepts the default policy', () => {
    expect(checkPolicy(DEFAULT_POLICY)).toEqual([]);
  });

  it('names cut-offs that do not add up, and every parameter out of range', () => {
    const violations = checkPolicy({
      ...DEFAULT_POLICY,
      version: 'v 2',
      horizonYears: 0,
      discountRate: -0.1,
      retention: { ...DEFAULT_POLICY.retention, min: 0.9, max: 0.8 },
      cutoffs: { A: 0.8, B: 0.15, C: 0.1 },
      hysteresisMargin: 0.5,
    });
    expect(violations.map((v) => `${v.field}:${v.reason}`)).toEqual([
      'input.version:VERSION_INVALID',
      'input.horizonYears:OUT_OF_RANGE',
      'input.discountRate:OUT_OF_RANGE',
      'input.retention.min:MIN_ABOVE_MAX',
      'input.cutoffs:CUTOFFS_DO_NOT_ADD_UP',
      'input.hysteresisMargin:OUT_OF_RANGE',
    ]);
  });

  it('refuses a tier with no share at all', () => {
    const violations = checkPolicy({ ...DEFAULT_POLICY, cutoffs: { A: 0.85, B: 0.15, C: 0 } });
    expect(violations.map((v) => v.field)).toEqual(['input.cutoffs.C']);
  });
});

describe('hysteresis', () => {
  const policy = { ...DEFAULT_POLICY, hysteresisMargin: 0.02 };
  /** A book of 1,000 where `x` (20) has exactly `shareAbove` of the value above it. */
  const place = (shareAbove: number) => {
    const top = Math.round(shareAbove * 1000);
    const rest = Array.from({ length: 1000 - top - 20 }, (_, i) => ({ id: `r${i}`, score: 1 }));
    const found = paretoTiers(policy, [
      { id: 'top', score: top },
      { id: 'x', score: 20 },
      ...rest,
    ]).get('x');
    if (!found) throw new Error('x was not placed');
    return found;
  };

  it('keeps an A account that slips just past the A/B boundary', () => {
    const slipped = place(0.81);
    expect(slipped.tier).toBe('B');
    expect(withHysteresis(policy, 'A', slipped)).toEqual({ tier: 'A', held: true });
  });

  it('moves it once it is clearly past the margin', () => {
    const fallen = place(0.85);
    expect(withHysteresis(policy, 'A', fallen)).toEqual({ tier: 'B', held: false });
  });

  it('keeps a B account that climbs just past the boundary, and lets a new account in directly', () => {
    const climbed = place(0.79);
    expect(climbed.tier).toBe('A');
    expect(withHysteresis(policy, 'B', climbed)).toEqual({ tier: 'B', held: true });
    expect(withHysteresis(policy, null, climbed)).toEqual({ tier: 'A', held: false });
  });

  it('never holds across two boundaries', () => {
    const dropped = place(0.96);
    expect(dropped.tier).toBe('C');
    expect(withHysteresis(policy, 'A', dropped)).toEqual({ tier: 'C', held: false });
  });
});
