import fc from 'fast-check';
import { catalogueOf, type AttributeSpec, type AttributeValue } from './catalogue.js';
import { SEED_PRODUCTS } from './catalogue.seed.js';
import type { ConfigurationLine } from './configuration-check.js';
import { DEFAULT_BUNDLES_POLICY, TIERS, type BundlesPolicy } from './policy.js';
import { priceConfiguration, sumAmounts, type Amounts, type ManualDiscount } from './pricing.js';
import { templateItems } from './template.js';
import { SEED_TEMPLATES } from './templates.seed.js';

const catalogue = catalogueOf(SEED_PRODUCTS);

const valueOf = (spec: AttributeSpec): fc.Arbitrary<AttributeValue> =>
  spec.kind === 'ENUM'
    ? fc.constantFrom(...spec.values)
    : fc.integer({ min: spec.min, max: spec.max });

const line = (codes: readonly string[]): fc.Arbitrary<ConfigurationLine> =>
  fc.constantFrom(...codes).chain((productCode) => {
    const product = catalogue.get(productCode);
    const attributes = Object.fromEntries(
      (product?.attributes ?? []).map((spec) => [spec.name, valueOf(spec)]),
    );
    return fc.record({
      productCode: fc.constant(productCode),
      quantity: fc.integer({ min: 0, max: 100_000 }),
      attributes: fc.record(attributes),
    });
  });

const manual: fc.Arbitrary<ManualDiscount | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ kind: fc.constant('PERCENT' as const), bp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({
    kind: fc.constant('AMOUNT' as const),
    monthlyFen: fc.integer({ min: 0, max: 2_000_000_000 }),
    oneTimeFen: fc.integer({ min: 0, max: 2_000_000_000 }),
  }),
);

const policy: fc.Arbitrary<BundlesPolicy> = fc
  .record({
    A: fc.integer({ min: 0, max: 10_000 }),
    B: fc.integer({ min: 0, max: 10_000 }),
    C: fc.integer({ min: 0, max: 10_000 }),
  })
  .map((tierDiscountBp) => ({ ...DEFAULT_BUNDLES_POLICY, tierDiscountBp }));

const scenario = fc.constantFrom(...SEED_TEMPLATES).chain((template) => {
  const codes = templateItems(template).map((item) => item.productCode);
  return fc.record({
    template: fc.constant(template),
    lines: fc.array(line(codes), { maxLength: 12 }),
    extra: line(codes),
    tier: fc.constantFrom(...TIERS),
    manualDiscount: manual,
    policy,
  });
});

const FIELDS = [
  'listFen',
  'tierDiscountFen',
  'bundleDiscountFen',
  'manualDiscountFen',
  'netFen',
  'taxFen',
  'grossFen',
] as const;

const consistent = (a: Amounts) =>
  FIELDS.every((field) => a[field] >= 0 && Number.isSafeInteger(a[field])) &&
  a.listFen === a.tierDiscountFen + a.bundleDiscountFen + a.manualDiscountFen + a.netFen &&
  a.grossFen === a.netFen + a.taxFen;

describe('pricing holds for any configuration, tier, policy and manual discount', () => {
  it('never prices a line or a total below zero, and each line adds up', () => {
    fc.assert(
      fc.property(scenario, ({ template, lines, tier, manualDiscount, policy }) => {
        const price = priceConfiguration({
          template,
          catalogue,
          configuration: { lines },
          tier,
          manualDiscount,
          policy,
        });
        for (const l of price.lines) {
          expect(consistent(l.monthly) && consistent(l.oneTime)).toBe(true);
        }
        expect(consistent(price.monthly) && consistent(price.oneTime)).toBe(true);
        expect(price.discountDepthBp).toBeGreaterThanOrEqual(0);
        expect(price.discountDepthBp).toBeLessThanOrEqual(10_000);
      }),
      { numRuns: 300 },
    );
  });

  it('sums the breakdown lines exactly to the totals, field by field', () => {
    fc.assert(
      fc.property(scenario, ({ template, lines, tier, manualDiscount, policy }) => {
        const price = priceConfiguration({
          template,
          catalogue,
          configuration: { lines },
          tier,
          manualDiscount,
          policy,
        });
        for (const field of FIELDS) {
          const monthly = price.lines.reduce((sum, l) => sum + l.monthly[field], 0);
          const oneTime = price.lines.reduce((sum, l) => sum + l.oneTime[field], 0);
          expect([field, monthly, oneTime]).toEqual([
            field,
            price.monthly[field],
            price.oneTime[field],
          ]);
        }
        if (manualDiscount?.kind === 'AMOUNT') {
          const rest = sumAmounts(price.lines.map((l) => l.monthly));
          expect(price.monthly.manualDiscountFen).toBe(
            Math.min(manualDiscount.monthlyFen, rest.manualDiscountFen + rest.netFen),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers the list total when a module is added', () => {
    fc.assert(
      fc.property(scenario, ({ template, lines, extra, tier, manualDiscount, policy }) => {
        const input = { template, catalogue, tier, manualDiscount, policy };
        const before = priceConfiguration({ ...input, configuration: { lines } });
        const after = priceConfiguration({ ...input, configuration: { lines: [...lines, extra] } });
        expect(after.monthly.listFen).toBeGreaterThanOrEqual(before.monthly.listFen);
        expect(after.oneTime.listFen).toBeGreaterThanOrEqual(before.oneTime.listFen);
      }),
      { numRuns: 300 },
    );
  });
});
