import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  PRODUCT_FAMILIES,
  PRODUCT_LIFECYCLES,
  TAX_CATEGORIES,
  TEMPLATE_KINDS,
  type AttributeSpec,
  type BundleTemplate,
  type CompositionRule,
  type Product,
} from '@gap/bundles/domain';
import { FenScalar } from '@gap/graphql';

const asEnum = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
export const ProductFamilyEnum = asEnum(PRODUCT_FAMILIES);
export const LifecycleEnum = asEnum(PRODUCT_LIFECYCLES);
export const TaxCategoryEnum = asEnum(TAX_CATEGORIES);
export const TemplateKindEnum = asEnum(TEMPLATE_KINDS);
registerEnumType(ProductFamilyEnum, { name: 'ProductFamily' });
registerEnumType(LifecycleEnum, {
  name: 'CatalogueLifecycle',
  description: 'DRAFT → ACTIVE (on sale, one version per code) → RETIRED.',
});
registerEnumType(TaxCategoryEnum, {
  name: 'TaxCategory',
  description: 'Basic or value-added telecom services: their VAT rates are policy.',
});
registerEnumType(TemplateKindEnum, {
  name: 'BundleTemplateKind',
  description: 'CUSTOM: a customised package for a large account; SME: core + demand modules.',
});

@ObjectType('ProductAttribute', { description: 'An attribute a line of the product sets.' })
export class ProductAttributeType {
  @Field() name!: string;
  @Field() nameZh!: string;
  @Field() nameEn!: string;
  @Field({ description: 'ENUM (one of `values`) or INTEGER (min..max in steps).' }) kind!: string;
  @Field(() => [String], { nullable: true }) values?: readonly string[];
  @Field(() => Int, { nullable: true }) min?: number;
  @Field(() => Int, { nullable: true }) max?: number;
  @Field(() => Int, { nullable: true }) step?: number;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => String, { nullable: true }) default?: string | null;
}

@ObjectType('ProductPriceBand', { description: 'The monthly unit price from a value up.' })
export class PriceBandType {
  @Field() attribute!: string;
  @Field(() => Int) from!: number;
  @Field(() => FenScalar) monthlyListFen!: number;
}

@ObjectType('ProductSurcharge', {
  description: 'A monthly amount per unit for an attribute value.',
})
export class SurchargeType {
  @Field() attribute!: string;
  @Field() value!: string;
  @Field(() => FenScalar) monthlyFen!: number;
}

@ObjectType('Product', { description: 'A version of a catalogue product; prices per unit.' })
export class ProductType {
  @Field() code!: string;
  @Field(() => Int) version!: number;
  @Field() nameZh!: string;
  @Field() nameEn!: string;
  @Field(() => ProductFamilyEnum) family!: string;
  @Field({ description: 'What one unit is: a line, a member, a card.' }) unit!: string;
  @Field(() => FenScalar, { description: 'Monthly list price of one unit.' })
  monthlyListFen!: number;
  @Field(() => FenScalar, { description: 'One-time fee of one unit.' }) oneTimeFeeFen!: number;
  @Field(() => [ProductAttributeType]) attributes!: ProductAttributeType[];
  @Field(() => [PriceBandType]) priceBands!: readonly PriceBandType[];
  @Field(() => [SurchargeType]) surcharges!: readonly SurchargeType[];
  @Field(() => TaxCategoryEnum) taxCategory!: string;
  @Field(() => LifecycleEnum) lifecycle!: string;
}

export function toProductType(product: Product): ProductType {
  return {
    ...product,
    attributes: product.attributes.map(toAttributeType),
    priceBands: product.priceBands ?? [],
    surcharges: product.surcharges ?? [],
  };
}

function toAttributeType(spec: AttributeSpec): ProductAttributeType {
  const base = { name: spec.name, nameZh: spec.nameZh, nameEn: spec.nameEn, kind: spec.kind };
  const fallback = spec.default === undefined ? null : String(spec.default);
  return spec.kind === 'ENUM'
    ? { ...base, values: spec.values, default: fallback }
    : {
        ...base,
        min: spec.min,
        max: spec.max,
        step: spec.step,
        unit: spec.unit,
        default: fallback,
      };
}

@ObjectType('BundleTemplateItem', { description: 'A product a template offers, with bounds.' })
export class TemplateItemType {
  @Field() productCode!: string;
  @Field(() => Int) minQuantity!: number;
  @Field(() => Int) maxQuantity!: number;
  @Field(() => Int, { nullable: true, description: "Overrides the template's bundle discount." })
  bundleDiscountBp?: number;
}

@ObjectType('BundleCompositionRule', {
  description:
    'REQUIRES (item needs `requires`), EXCLUDES (at most one of `items`), CHOOSE (min..max of `items`), ATTRIBUTE (with item, `target`’s attribute within min..max or among values).',
})
export class CompositionRuleType {
  @Field() id!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) item?: string;
  @Field(() => [String], { nullable: true }) requires?: readonly string[];
  @Field(() => [String], { nullable: true }) items?: readonly string[];
  @Field(() => Int, { nullable: true }) min?: number;
  @Field(() => Int, { nullable: true }) max?: number;
  @Field(() => String, { nullable: true }) target?: string;
  @Field(() => String, { nullable: true }) attribute?: string;
  @Field(() => [String], { nullable: true }) values?: readonly string[];
}

@ObjectType('BundleEligibility', { description: 'Who may buy; a criterion left out admits all.' })
export class EligibilityType {
  @Field(() => [String], { nullable: true }) tiers?: readonly string[];
  @Field(() => [String], { nullable: true }) segments?: readonly string[];
  @Field(() => [String], { nullable: true, description: 'GB/T 4754 sections.' })
  industries?: readonly string[];
  @Field(() => Int, { nullable: true }) employeesMin?: number;
  @Field(() => Int, { nullable: true }) employeesMax?: number;
  @Field(() => Int, { nullable: true }) linesMin?: number;
  @Field(() => Int, { nullable: true }) linesMax?: number;
  @Field(() => [String], { nullable: true, description: 'GB/T 2260 code prefixes.' })
  regionPrefixes?: readonly string[];
}

@ObjectType('BundleTemplate', { description: 'A version of a bundle offer: core, modules, rules.' })
export class BundleTemplateType {
  @Field() code!: string;
  @Field(() => Int) version!: number;
  @Field() nameZh!: string;
  @Field() nameEn!: string;
  @Field(() => TemplateKindEnum) kind!: string;
  @Field(() => TemplateItemType) core!: TemplateItemType;
  @Field(() => [TemplateItemType]) modules!: readonly TemplateItemType[];
  @Field(() => [CompositionRuleType]) rules!: CompositionRuleType[];
  @Field(() => Int, { description: 'Discount on every line for buying the bundle (bp).' })
  bundleDiscountBp!: number;
  @Field(() => EligibilityType) eligibility!: EligibilityType;
  @Field(() => LifecycleEnum) lifecycle!: string;
}

export function toTemplateType(template: BundleTemplate): BundleTemplateType {
  const e = template.eligibility;
  return {
    ...template,
    rules: template.rules.map(toRuleType),
    eligibility: {
      tiers: e.tiers,
      segments: e.segments,
      industries: e.industries,
      employeesMin: e.employees?.min,
      employeesMax: e.employees?.max,
      linesMin: e.lines?.min,
      linesMax: e.lines?.max,
      regionPrefixes: e.regionPrefixes,
    },
  };
}

function toRuleType(rule: CompositionRule): CompositionRuleType {
  return { ...rule };
}
