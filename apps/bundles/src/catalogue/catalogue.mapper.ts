import type {
  AttributeSpec,
  BundleTemplate,
  CompositionRule,
  Eligibility,
  IndustrySection,
  Product,
  ProductFamily,
  Range,
  TaxCategory,
  TemplateItem,
  TemplateKind,
  Tier,
  ValueSegment,
} from '@gap/bundles/domain';
import type {
  AttributeInput,
  CompositionRuleInput,
  EligibilityInput,
  SaveProductInput,
  SaveTemplateInput,
  TemplateItemInput,
} from './dto/catalogue.input.js';

/*
 * Inputs made into the domain's catalogue entries. What the input's shape cannot say (a band on
 * a text attribute, a rule naming a product the template lacks) is left for the domain's
 * checks, which name the field.
 */

const defined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

function attributeOf(input: AttributeInput): AttributeSpec {
  const base = { name: input.name, nameZh: input.nameZh, nameEn: input.nameEn };
  if (input.kind === 'ENUM') {
    return { ...base, kind: 'ENUM', values: input.values ?? [], default: defined(input.default) };
  }
  const fallback = input.default;
  return {
    ...base,
    kind: 'INTEGER',
    min: input.min ?? 0,
    max: input.max ?? 0,
    step: defined(input.step),
    unit: defined(input.unit),
    default: fallback === null || fallback === undefined ? undefined : Number(fallback),
  };
}

export function productOf(input: SaveProductInput): Omit<Product, 'version'> {
  return {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    family: input.family as ProductFamily,
    unit: input.unit,
    monthlyListFen: input.monthlyListFen,
    oneTimeFeeFen: input.oneTimeFeeFen,
    attributes: input.attributes.map(attributeOf),
    priceBands: input.priceBands.map((b) => ({ ...b })),
    surcharges: input.surcharges.map((s) => ({ ...s })),
    taxCategory: input.taxCategory as TaxCategory,
    lifecycle: 'DRAFT',
  };
}

function itemOf(input: TemplateItemInput): TemplateItem {
  return {
    productCode: input.productCode,
    minQuantity: input.minQuantity,
    maxQuantity: input.maxQuantity,
    ...(input.bundleDiscountBp === null || input.bundleDiscountBp === undefined
      ? {}
      : { bundleDiscountBp: input.bundleDiscountBp }),
  };
}

function ruleOf(input: CompositionRuleInput): CompositionRule {
  const id = input.id;
  switch (input.kind) {
    case 'REQUIRES':
      return { id, kind: 'REQUIRES', item: input.item ?? '', requires: input.requires ?? [] };
    case 'EXCLUDES':
      return { id, kind: 'EXCLUDES', items: input.items ?? [] };
    case 'CHOOSE':
      return {
        id,
        kind: 'CHOOSE',
        items: input.items ?? [],
        min: input.min ?? 0,
        max: input.max ?? 0,
      };
    case 'ATTRIBUTE':
      return {
        id,
        kind: 'ATTRIBUTE',
        item: input.item ?? '',
        target: input.target ?? '',
        attribute: input.attribute ?? '',
        min: defined(input.min),
        max: defined(input.max),
        values: defined(input.values),
      };
  }
}

function rangeOf(
  min: number | null | undefined,
  max: number | null | undefined,
): Range | undefined {
  if ((min ?? null) === null && (max ?? null) === null) return undefined;
  return { min: defined(min), max: defined(max) };
}

function eligibilityOf(input: EligibilityInput): Eligibility {
  return {
    tiers: defined(input.tiers) as Tier[] | undefined,
    segments: defined(input.segments) as ValueSegment[] | undefined,
    industries: defined(input.industries) as IndustrySection[] | undefined,
    employees: rangeOf(input.employeesMin, input.employeesMax),
    lines: rangeOf(input.linesMin, input.linesMax),
    regionPrefixes: defined(input.regionPrefixes),
  };
}

export function templateOf(input: SaveTemplateInput): Omit<BundleTemplate, 'version'> {
  return {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    kind: input.kind as TemplateKind,
    core: itemOf(input.core),
    modules: input.modules.map(itemOf),
    rules: input.rules.map(ruleOf),
    bundleDiscountBp: input.bundleDiscountBp,
    eligibility: eligibilityOf(input.eligibility),
    lifecycle: 'DRAFT',
  };
}
