import { approvalChain } from './approval.js';
import { catalogueOf, type Product } from './catalogue.js';
import { SEED_PRODUCTS } from './catalogue.seed.js';
import { applyBp, allocate, divideHalfEven } from './money.js';
import { DEFAULT_BUNDLES_POLICY, type BundlesPolicy } from './policy.js';
import { manualDiscountProblem, priceConfiguration } from './pricing.js';
import type { BundleTemplate } from './template.js';
import { SEED_TEMPLATES } from './templates.seed.js';

const catalogue = catalogueOf(SEED_PRODUCTS);
const sme = SEED_TEMPLATES.find((t) => t.code === 'SME_BUSINESS') as BundleTemplate;

describe('the rounding rule: nearest fen, halves to even, once per line per component', () => {
  it.each([
    [5n, 10n, 0n],
    [15n, 10n, 2n],
    [25n, 10n, 2n],
    [35n, 10n, 4n],
    [26n, 10n, 3n],
    [-25n, 10n, -2n],
    [-15n, 10n, -2n],
  ])('%p / %p rounds to %p', (n, d, expected) => {
    expect(divideHalfEven(n, d)).toBe(expected);
  });

  it('rounds each discount and the tax of a line once, half to even', () => {
    const tiny: Product = {
      ...(SEED_PRODUCTS.find((p) => p.code === 'FIXED_LINE') as Product),
      monthlyListFen: 25,
      oneTimeFeeFen: 15,
    };
    const template: BundleTemplate = { ...sme, bundleDiscountBp: 0 };
    const policy: BundlesPolicy = {
      ...DEFAULT_BUNDLES_POLICY,
      tierDiscountBp: { A: 1000, B: 0, C: 0 },
    };
    const price = priceConfiguration({
      template,
      catalogue: catalogueOf([tiny]),
      configuration: { lines: [{ productCode: 'FIXED_LINE', quantity: 1 }] },
      tier: 'A',
      policy,
    });
    // 25 × 10 % = 2.5 → 2; tax on 23 × 9 % = 2.07 → 2. 15 × 10 % = 1.5 → 2; 13 × 9 % = 1.17 → 1.
    expect(price.monthly).toMatchObject({
      listFen: 25,
      tierDiscountFen: 2,
      netFen: 23,
      taxFen: 2,
      grossFen: 25,
    });
    expect(price.oneTime).toMatchObject({
      listFen: 15,
      tierDiscountFen: 2,
      netFen: 13,
      taxFen: 1,
      grossFen: 14,
    });
  });

  it('keeps every fen when the amounts pass 2^53 in between', () => {
    expect(applyBp(9_000_000_000_000_000, 5_000)).toBe(4_500_000_000_000_000);
    expect(() => applyBp(Number.MAX_SAFE_INTEGER, 20_000)).toThrow(RangeError);
  });

  it('spreads an amount by largest remainder so the shares add up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocate(7, [3, 0, 6])).toEqual([2, 0, 5]);
  });
});

describe('pricing a configuration', () => {
  const lines = [
    { productCode: 'DIA', quantity: 1, attributes: { bandwidthMbps: 100 } },
    { productCode: 'FIXED_LINE', quantity: 10 },
  ];

  it('takes the tier discount, then the bundle discount, then tax by category', () => {
    const price = priceConfiguration({
      template: sme,
      catalogue,
      configuration: { lines },
      tier: 'B',
    });
    const [dia, fixed] = price.lines;
    // DIA 100 Mbps, SILVER by default: 6,000 + 300 yuan; B 8 % then SME bundle 8 %; VAT 6 %.
    expect(dia?.monthly).toEqual({
      listFen: 630_000,
      tierDiscountFen: 50_400,
      bundleDiscountFen: 46_368,
      manualDiscountFen: 0,
      netFen: 533_232,
      taxFen: 31_994,
      grossFen: 565_226,
    });
    expect(dia?.oneTime).toMatchObject({ listFen: 300_000, netFen: 253_920, taxFen: 15_235 });
    // Ten fixed lines at 25 yuan, basic telecom at 9 %.
    expect(fixed?.monthly).toMatchObject({
      listFen: 25_000,
      tierDiscountFen: 2_000,
      bundleDiscountFen: 1_840,
      netFen: 21_160,
      taxFen: 1_904,
    });
    expect(price.monthly.grossFen).toBe(565_226 + 21_160 + 1_904);
    expect(price.discountDepthBp).toBe(0);
  });

  it('gives a C account no tier discount and an A account 15 %', () => {
    const c = priceConfiguration({ template: sme, catalogue, configuration: { lines }, tier: 'C' });
    const a = priceConfiguration({ template: sme, catalogue, configuration: { lines }, tier: 'A' });
    expect(c.monthly.tierDiscountFen).toBe(0);
    expect(a.lines[0]?.monthly.tierDiscountFen).toBe(94_500);
  });

  it('applies a manual percentage on what the bundle left and measures its depth on the list', () => {
    const price = priceConfiguration({
      template: sme,
      catalogue,
      configuration: { lines },
      tier: 'B',
      manualDiscount: { kind: 'PERCENT', bp: 1_000 },
    });
    expect(price.lines[0]?.monthly.manualDiscountFen).toBe(53_323);
    const manual = price.monthly.manualDiscountFen + price.oneTime.manualDiscountFen;
    const list = price.monthly.listFen + price.oneTime.listFen;
    expect(price.discountDepthBp).toBe(Math.ceil((manual * 10_000) / list));
    expect(price.discountDepthBp).toBe(847);
    expect(approvalChain(price.discountDepthBp)).toEqual(['SUPERVISOR']);
  });

  it('spreads a manual amount over the lines and never below zero', () => {
    const price = priceConfiguration({
      template: sme,
      catalogue,
      configuration: { lines },
      tier: 'C',
      manualDiscount: { kind: 'AMOUNT', monthlyFen: 10_000_000, oneTimeFen: 1_000 },
    });
    expect(price.monthly.netFen).toBe(0);
    // One-time lists 300,000 and 100,000 fen, both 8 % off by the bundle: shared 3 : 1.
    expect(price.oneTime.manualDiscountFen).toBe(1_000);
    expect(price.lines.map((l) => l.oneTime.manualDiscountFen)).toEqual([750, 250]);
  });

  it('uses the item’s own bundle discount when it has one', () => {
    const large = SEED_TEMPLATES.find((t) => t.code === 'LINE_AND_VOICE') as BundleTemplate;
    const price = priceConfiguration({
      template: large,
      catalogue,
      configuration: { lines: [{ productCode: 'MOBILE_OFFICE', quantity: 10 }] },
      tier: 'C',
    });
    expect(price.lines[0]).toMatchObject({
      bundleDiscountBp: 1_000,
      monthly: { listFen: 15_000, bundleDiscountFen: 1_500 },
    });
  });

  it('refuses malformed manual discounts by name', () => {
    expect(manualDiscountProblem({ kind: 'PERCENT', bp: 10_001 })?.figures).toMatchObject({
      field: 'bp',
    });
    expect(
      manualDiscountProblem({ kind: 'AMOUNT', monthlyFen: -1, oneTimeFen: 0 })?.figures,
    ).toMatchObject({ field: 'monthlyFen' });
    expect(
      manualDiscountProblem({ kind: 'AMOUNT', monthlyFen: 0, oneTimeFen: 0.5 })?.figures,
    ).toMatchObject({ field: 'oneTimeFen' });
    expect(manualDiscountProblem({ kind: 'PERCENT', bp: 2_500 })).toBeNull();
    expect(() =>
      priceConfiguration({
        template: sme,
        catalogue,
        configuration: { lines },
        tier: 'A',
        manualDiscount: { kind: 'PERCENT', bp: -5 },
      }),
    ).toThrow(RangeError);
  });
});

describe('the approval chain depends on the depth beyond policy', () => {
  it.each([
    [0, []],
    [1, ['SUPERVISOR']],
    [1_000, ['SUPERVISOR']],
    [1_001, ['SUPERVISOR', 'REGIONAL_DIRECTOR']],
    [2_000, ['SUPERVISOR', 'REGIONAL_DIRECTOR']],
    [2_001, ['SUPERVISOR', 'REGIONAL_DIRECTOR', 'HEADQUARTERS']],
  ])('a depth of %p bp needs %j', (depth, chain) => {
    expect(approvalChain(depth)).toEqual(chain);
  });

  it('reads its thresholds from the policy', () => {
    const policy: BundlesPolicy = {
      ...DEFAULT_BUNDLES_POLICY,
      approvalChain: [
        { level: 'SUPERVISOR', aboveBp: 500 },
        { level: 'HEADQUARTERS', aboveBp: 1_500 },
      ],
    };
    expect(approvalChain(500, policy)).toEqual([]);
    expect(approvalChain(1_600, policy)).toEqual(['SUPERVISOR', 'HEADQUARTERS']);
  });
});

describe('the fast and the exact paths of the rounding rule agree', () => {
  it('on amounts around the safe-integer boundary', () => {
    for (const amount of [1, 5, 15, 25, 12_345, 900_719_925_474, 900_719_925_475, 2 ** 52]) {
      for (const bp of [1, 900, 5_000, 9_999]) {
        const exact = Number(divideHalfEven(BigInt(amount) * BigInt(bp), 10_000n));
        expect([amount, bp, applyBp(amount, bp)]).toEqual([amount, bp, exact]);
      }
    }
    // Each share lies within a fen of its exact proportion, and the shares add up, on both paths.
    for (const [amount, weights] of [
      [2 ** 40, [2 ** 20, 3, 2 ** 20]],
      [Number.MAX_SAFE_INTEGER, [1, 2, 3]],
    ] as const) {
      const shares = allocate(amount, weights);
      const total = weights.reduce((a, b) => a + b, 0);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      shares.forEach((share, i) => {
        const exact = (BigInt(amount) * BigInt(weights[i] ?? 0)) / BigInt(total);
        expect(BigInt(share) - exact).toBeGreaterThanOrEqual(0n);
        expect(BigInt(share) - exact).toBeLessThanOrEqual(1n);
      });
    }
    expect(allocate(100, [1, 2, 3])).toEqual([17, 33, 50]);
  });
});
