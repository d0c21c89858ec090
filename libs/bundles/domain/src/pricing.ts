import { reason, type Reason } from '@gap/i18n';
import { unitMonthlyFen, type Catalogue } from './catalogue.js';
import type { Configuration } from './configuration-check.js';
import { allocate, applyBp, assertFen, BP, multiplyFen, shareBpCeil } from './money.js';
import {
  DEFAULT_BUNDLES_POLICY,
  type BundlesPolicy,
  type TaxCategory,
  type Tier,
} from './policy.js';
import { templateItems, type BundleTemplate } from './template.js';

/**
 * Pricing, in integer fen (safe-integer numbers, see money.ts). Per line and per component
 * (monthly recurring, one-time), in this order, each step on what the previous one left:
 *   list = unit price × quantity
 *   tier discount   = round(list × tier bp)             (policy: A 15 %, B 8 %, C 0)
 *   bundle discount = round((list − tier) × bundle bp)  (the template's, or its item's)
 *   manual discount = round(rest × manual bp), or its share of a manual amount
 *   net = list − the three discounts;  tax = round(net × VAT bp of the product's category)
 *   gross = net + tax
 * ROUNDING RULE: `round` is to the nearest fen, halves to the even fen, applied exactly once per
 * line per component to each of the four computed figures above; a manual amount is spread over
 * lines in proportion to what they cost after the bundle discount, by largest remainder, so its
 * shares add up to it exactly. Totals are plain sums of the lines, so lines always add up.
 * Tax is charged on the net (VAT is added to the price, 价外税).
 */
export type ManualDiscount =
  | { readonly kind: 'PERCENT'; readonly bp: number }
  | { readonly kind: 'AMOUNT'; readonly monthlyFen: number; readonly oneTimeFen: number };

export interface PricingInput {
  readonly template: BundleTemplate;
  readonly catalogue: Catalogue;
  readonly configuration: Configuration;
  /** The account's tier now (a draft shows the current tier's discount). */
  readonly tier: Tier;
  readonly manualDiscount?: ManualDiscount;
  readonly policy?: BundlesPolicy;
}

/** One component's figures, line or total. */
export interface Amounts {
  readonly listFen: number;
  readonly tierDiscountFen: number;
  readonly bundleDiscountFen: number;
  readonly manualDiscountFen: number;
  readonly netFen: number;
  readonly taxFen: number;
  readonly grossFen: number;
}

export interface PriceLine {
  readonly index: number;
  readonly productCode: string;
  readonly productVersion: number;
  readonly quantity: number;
  readonly unitMonthlyFen: number;
  readonly unitOneTimeFen: number;
  readonly taxCategory: TaxCategory;
  readonly taxRateBp: number;
  readonly bundleDiscountBp: number;
  readonly monthly: Amounts;
  readonly oneTime: Amounts;
}

export interface PriceBreakdown {
  readonly templateCode: string;
  readonly templateVersion: number;
  readonly policyVersion: string;
  readonly tier: Tier;
  readonly tierDiscountBp: number;
  readonly lines: readonly PriceLine[];
  readonly monthly: Amounts;
  readonly oneTime: Amounts;
  /** The discount beyond policy, in basis points of the list: see `discountDepthBp`. */
  readonly discountDepthBp: number;
}

export type ManualDiscountProblem = Reason<'MANUAL_DISCOUNT_INVALID'>;

/** Whether a manual discount is well formed: null if so. */
export function manualDiscountProblem(discount: ManualDiscount): ManualDiscountProblem | null {
  const whole = (v: number, max: number) => Number.isSafeInteger(v) && v >= 0 && v <= max;
  if (discount.kind === 'PERCENT') {
    return whole(discount.bp, BP)
      ? null
      : reason('MANUAL_DISCOUNT_INVALID', { field: 'bp', value: discount.bp, max: BP });
  }
  for (const field of ['monthlyFen', 'oneTimeFen'] as const) {
    if (!whole(discount[field], Number.MAX_SAFE_INTEGER)) {
      return reason('MANUAL_DISCOUNT_INVALID', {
        field,
        value: discount[field],
        max: Number.MAX_SAFE_INTEGER,
      });
    }
  }
  return null;
}

interface Draft {
  readonly list: number;
  readonly tier: number;
  readonly bundle: number;
}

function draft(list: number, tierBp: number, bundleBp: number): Draft {
  const tier = applyBp(list, tierBp);
  return { list, tier, bundle: applyBp(list - tier, bundleBp) };
}

function finish(d: Draft, manual: number, taxRateBp: number): Amounts {
  const net = d.list - d.tier - d.bundle - manual;
  const tax = applyBp(net, taxRateBp);
  return {
    listFen: d.list,
    tierDiscountFen: d.tier,
    bundleDiscountFen: d.bundle,
    manualDiscountFen: manual,
    netFen: net,
    taxFen: tax,
    grossFen: assertFen(net + tax, 'gross'),
  };
}

function manualShares(
  drafts: readonly Draft[],
  discount: ManualDiscount | undefined,
  amount: 'monthlyFen' | 'oneTimeFen',
): number[] {
  const rests = drafts.map((d) => d.list - d.tier - d.bundle);
  if (!discount) return rests.map(() => 0);
  if (discount.kind === 'PERCENT') return rests.map((rest) => applyBp(rest, discount.bp));
  const total = rests.reduce((sum, rest) => sum + rest, 0);
  return allocate(Math.min(discount[amount], total), rests);
}

/** The price of a configuration, line by line, with totals. Throws RangeError on bad input. */
export function priceConfiguration(input: PricingInput): PriceBreakdown {
  const policy = input.policy ?? DEFAULT_BUNDLES_POLICY;
  const { template, catalogue, tier, manualDiscount } = input;
  if (manualDiscount) {
    const problem = manualDiscountProblem(manualDiscount);
    if (problem)
      throw new RangeError(`Manual discount ${String(problem.figures['field'])} is invalid.`);
  }
  const tierBp = policy.tierDiscountBp[tier];
  const items = new Map(templateItems(template).map((item) => [item.productCode, item]));
  const bases = input.configuration.lines.map((line, index) => {
    const product = catalogue.get(line.productCode);
    if (!product) throw new RangeError(`No product ${line.productCode} in the catalogue.`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`Line ${index + 1}: the quantity must be a whole number ≥ 0.`);
    }
    const item = items.get(line.productCode);
    const bundleBp = item ? (item.bundleDiscountBp ?? template.bundleDiscountBp) : 0;
    const unitMonthly = unitMonthlyFen(product, line.attributes);
    return {
      index,
      product,
      quantity: line.quantity,
      bundleBp,
      unitMonthly,
      monthly: draft(multiplyFen(unitMonthly, line.quantity), tierBp, bundleBp),
      oneTime: draft(multiplyFen(product.oneTimeFeeFen, line.quantity), tierBp, bundleBp),
    };
  });
  const monthlyManual = manualShares(
    bases.map((b) => b.monthly),
    manualDiscount,
    'monthlyFen',
  );
  const oneTimeManual = manualShares(
    bases.map((b) => b.oneTime),
    manualDiscount,
    'oneTimeFen',
  );
  const lines: PriceLine[] = bases.map((b, i) => {
    const taxRateBp = policy.taxRateBp[b.product.taxCategory];
    return {
      index: b.index,
      productCode: b.product.code,
      productVersion: b.product.version,
      quantity: b.quantity,
      unitMonthlyFen: b.unitMonthly,
      unitOneTimeFen: b.product.oneTimeFeeFen,
      taxCategory: b.product.taxCategory,
      taxRateBp,
      bundleDiscountBp: b.bundleBp,
      monthly: finish(b.monthly, monthlyManual[i] ?? 0, taxRateBp),
      oneTime: finish(b.oneTime, oneTimeManual[i] ?? 0, taxRateBp),
    };
  });
  const monthly = sumAmounts(lines.map((line) => line.monthly));
  const oneTime = sumAmounts(lines.map((line) => line.oneTime));
  return {
    templateCode: template.code,
    templateVersion: template.version,
    policyVersion: policy.version,
    tier,
    tierDiscountBp: tierBp,
    lines,
    monthly,
    oneTime,
    discountDepthBp: discountDepthBp(monthly, oneTime),
  };
}

const ZERO: Amounts = {
  listFen: 0,
  tierDiscountFen: 0,
  bundleDiscountFen: 0,
  manualDiscountFen: 0,
  netFen: 0,
  taxFen: 0,
  grossFen: 0,
};

/** Figures added up, component by component. */
export function sumAmounts(all: readonly Amounts[]): Amounts {
  return all.reduce<Amounts>(
    (sum, a) => ({
      listFen: assertFen(sum.listFen + a.listFen, 'list total'),
      tierDiscountFen: sum.tierDiscountFen + a.tierDiscountFen,
      bundleDiscountFen: sum.bundleDiscountFen + a.bundleDiscountFen,
      manualDiscountFen: sum.manualDiscountFen + a.manualDiscountFen,
      netFen: sum.netFen + a.netFen,
      taxFen: sum.taxFen + a.taxFen,
      grossFen: assertFen(sum.grossFen + a.grossFen, 'gross total'),
    }),
    ZERO,
  );
}

/**
 * How far the price goes beyond policy: the manual discount (the only one policy does not
 * grant) as a share of the first month's list (monthly recurring + one-time), in basis points,
 * rounded up so that a discount just past a threshold counts as past it.
 */
export function discountDepthBp(monthly: Amounts, oneTime: Amounts): number {
  return shareBpCeil(
    monthly.manualDiscountFen + oneTime.manualDiscountFen,
    monthly.listFen + oneTime.listFen,
  );
}
