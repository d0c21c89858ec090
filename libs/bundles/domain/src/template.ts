import type { ProductLifecycle } from './catalogue.js';
import type { Tier, ValueSegment } from './policy.js';

/** GB/T 4754-2017 sections (门类), A (agriculture) to T (international organisations). */
export const INDUSTRY_SECTIONS = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J',
  'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T',
] as const; // prettier-ignore
export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number];

/** Customised packages for large accounts, core + demand modules for SMEs. */
export const TEMPLATE_KINDS = ['CUSTOM', 'SME'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** A product a template offers, and how many units of it a configuration may hold. */
export interface TemplateItem {
  readonly productCode: string;
  readonly minQuantity: number;
  readonly maxQuantity: number;
  /** Overrides the template's bundle discount for this item. */
  readonly bundleDiscountBp?: number;
}

/** When `item` is in the configuration, every product of `requires` must be too. */
export interface RequiresRule {
  readonly id: string;
  readonly kind: 'REQUIRES';
  readonly item: string;
  readonly requires: readonly string[];
}

/** At most one of `items` may be in the configuration. */
export interface ExcludesRule {
  readonly id: string;
  readonly kind: 'EXCLUDES';
  readonly items: readonly string[];
}

/** Between `min` and `max` distinct products of `items` must be in the configuration. */
export interface ChooseRule {
  readonly id: string;
  readonly kind: 'CHOOSE';
  readonly items: readonly string[];
  readonly min: number;
  readonly max: number;
}

/**
 * When `item` is in the configuration, every line of `target` must have `attribute` within
 * `min`..`max` (integers) or among `values` (enumerations): mobile office needs a core line of
 * at least 100 Mbps. `item` and `target` may be the same product.
 */
export interface AttributeRule {
  readonly id: string;
  readonly kind: 'ATTRIBUTE';
  readonly item: string;
  readonly target: string;
  readonly attribute: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
}

export type CompositionRule = RequiresRule | ExcludesRule | ChooseRule | AttributeRule;
export type CompositionRuleKind = CompositionRule['kind'];

export interface Range {
  readonly min?: number;
  readonly max?: number;
}

/** Who may buy a template; a criterion left out admits everyone. */
export interface Eligibility {
  readonly tiers?: readonly Tier[];
  readonly segments?: readonly ValueSegment[];
  readonly industries?: readonly IndustrySection[];
  readonly employees?: Range;
  readonly lines?: Range;
  /** GB/T 2260 code prefixes: '44' a province (Guangdong), '4401' a city (Guangzhou). */
  readonly regionPrefixes?: readonly string[];
}

/** A bundle offer, one version of it: a core product, modules, rules, eligibility, discount. */
export interface BundleTemplate {
  readonly code: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: TemplateKind;
  readonly core: TemplateItem;
  readonly modules: readonly TemplateItem[];
  readonly rules: readonly CompositionRule[];
  /** Discount on every line for buying the bundle, in basis points of what the tier left. */
  readonly bundleDiscountBp: number;
  readonly eligibility: Eligibility;
  readonly lifecycle: ProductLifecycle;
}

/** The template's items, core first. */
export function templateItems(template: BundleTemplate): readonly TemplateItem[] {
  return [template.core, ...template.modules];
}

/**
 * Rules that every template has without writing them: each item's quantity bounds, only the
 * template's products, only active products, only allowed attribute values.
 */
export const IMPLICIT_RULES = ['membership', 'lifecycle', 'line', 'attributes'] as const;
export type ImplicitRule = (typeof IMPLICIT_RULES)[number];

/** The rule id of an item's quantity bounds. */
export function quantityRuleId(productCode: string): string {
  return `quantity:${productCode}`;
}

/** Every rule id a violation of this template may name. */
export function ruleIdsOf(template: BundleTemplate): ReadonlySet<string> {
  return new Set([
    ...IMPLICIT_RULES,
    ...templateItems(template).map((item) => quantityRuleId(item.productCode)),
    ...template.rules.map((rule) => rule.id),
  ]);
}

/** The products a rule names. */
export function productsOfRule(rule: CompositionRule): readonly string[] {
  switch (rule.kind) {
    case 'REQUIRES':
      return [rule.item, ...rule.requires];
    case 'EXCLUDES':
    case 'CHOOSE':
      return rule.items;
    case 'ATTRIBUTE':
      return [rule.item, rule.target];
  }
}

/** Defects of the template itself: rules naming products it does not offer, duplicate ids. */
export function checkTemplate(template: BundleTemplate): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const offered = new Set<string>();
  templateItems(template).forEach((item, i) => {
    const field = i === 0 ? 'core' : `modules[${i - 1}]`;
    if (offered.has(item.productCode)) problems.push({ field, problem: 'offered twice' });
    offered.add(item.productCode);
    const { minQuantity: min, maxQuantity: max } = item;
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || min > max) {
      problems.push({ field, problem: 'quantities are whole numbers with 0 ≤ min ≤ max' });
    }
  });
  if (template.core.minQuantity < 1) problems.push({ field: 'core', problem: 'needs min ≥ 1' });
  const ids = new Set<string>(IMPLICIT_RULES);
  template.rules.forEach((rule, i) => {
    if (ids.has(rule.id) || rule.id.startsWith('quantity:')) {
      problems.push({ field: `rules[${i}].id`, problem: 'unique and not reserved' });
    }
    ids.add(rule.id);
    for (const code of productsOfRule(rule)) {
      if (!offered.has(code))
        problems.push({ field: `rules[${i}]`, problem: `${code} not offered` });
    }
  });
  const bp = template.bundleDiscountBp;
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) {
    problems.push({ field: 'bundleDiscountBp', problem: 'whole basis points from 0 to 10000' });
  }
  return problems;
}
