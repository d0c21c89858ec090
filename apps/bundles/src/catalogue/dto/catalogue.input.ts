import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  APPROVER_LEVELS,
  INDUSTRY_SECTIONS,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_FEN,
  PRODUCT_FAMILIES,
  PRODUCT_LIFECYCLES,
  TAX_CATEGORIES,
  TEMPLATE_KINDS,
  TIERS,
  VALUE_SEGMENTS,
} from '@gap/bundles/domain';
import { BoundsRule, EmployeeNumberRule, FenScalar, TextRules } from '@gap/graphql';
import {
  LifecycleEnum,
  ProductFamilyEnum,
  TaxCategoryEnum,
  TemplateKindEnum,
} from '../catalogue.types.js';

const CODE = { maxLength: 40 };
const NAME = { maxLength: 100 };
const FEN = { min: 0, max: MAX_UNIT_PRICE_FEN, integer: true };
const BP = { min: 0, max: 10_000, integer: true };
const COUNT = { min: 0, max: MAX_QUANTITY, integer: true };
const BIG = { min: 0, max: 10_000_000, integer: true };

@InputType('ProductAttributeInput')
export class AttributeInput {
  @Field() @TextRules({ maxLength: 40 }) name!: string;
  @Field() @TextRules(NAME) nameZh!: string;
  @Field() @TextRules(NAME) nameEn!: string;
  @Field({ description: 'ENUM or INTEGER.' }) @IsIn(['ENUM', 'INTEGER']) kind!: 'ENUM' | 'INTEGER';
  @Field(() => [String], { nullable: true, description: 'ENUM: the allowed values.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @TextRules({ maxLength: 40, each: true })
  values?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) min?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) max?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule({ ...BIG, min: 1 }) step?:
    number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules({ maxLength: 20 }) unit?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules({ maxLength: 40 }) default?:
    string | null;
}

@InputType('ProductPriceBandInput')
export class PriceBandInput {
  @Field() @TextRules({ maxLength: 40 }) attribute!: string;
  @Field(() => Int) @BoundsRule(BIG) from!: number;
  @Field(() => FenScalar) @BoundsRule(FEN) monthlyListFen!: number;
}

@InputType('ProductSurchargeInput')
export class SurchargeInput {
  @Field() @TextRules({ maxLength: 40 }) attribute!: string;
  @Field() @TextRules({ maxLength: 40 }) value!: string;
  @Field(() => FenScalar) @BoundsRule(FEN) monthlyFen!: number;
}

@InputType('SaveProductInput', { description: 'Saved as the next version of the code, a draft.' })
export class SaveProductInput {
  @Field({ description: 'Capitals, digits, - and _.' }) @TextRules(CODE) code!: string;
  @Field() @TextRules(NAME) nameZh!: string;
  @Field() @TextRules(NAME) nameEn!: string;
  @Field(() => ProductFamilyEnum) @IsIn(PRODUCT_FAMILIES) family!: string;
  @Field() @TextRules({ maxLength: 20 }) unit!: string;
  @Field(() => FenScalar) @BoundsRule(FEN) monthlyListFen!: number;
  @Field(() => FenScalar) @BoundsRule(FEN) oneTimeFeeFen!: number;
  @Field(() => TaxCategoryEnum) @IsIn(TAX_CATEGORIES) taxCategory!: string;
  @Field(() => [AttributeInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributeInput)
  attributes: AttributeInput[] = [];
  @Field(() => [PriceBandInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PriceBandInput)
  priceBands: PriceBandInput[] = [];
  @Field(() => [SurchargeInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SurchargeInput)
  surcharges: SurchargeInput[] = [];
}

@InputType('CatalogueLifecycleInput')
export class LifecycleInput {
  @Field() @TextRules(CODE) code!: string;
  @Field(() => Int) @BoundsRule({ min: 1, max: 1_000_000, integer: true }) version!: number;
  @Field(() => LifecycleEnum) @IsIn(PRODUCT_LIFECYCLES) lifecycle!: string;
}

@InputType('BundleTemplateItemInput')
export class TemplateItemInput {
  @Field() @TextRules(CODE) productCode!: string;
  @Field(() => Int) @BoundsRule(COUNT) minQuantity!: number;
  @Field(() => Int) @BoundsRule(COUNT) maxQuantity!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BP) bundleDiscountBp?:
    number | null;
}

@InputType('BundleCompositionRuleInput')
export class CompositionRuleInput {
  @Field() @TextRules({ maxLength: 60 }) id!: string;
  @Field({ description: 'REQUIRES, EXCLUDES, CHOOSE or ATTRIBUTE.' })
  @IsIn(['REQUIRES', 'EXCLUDES', 'CHOOSE', 'ATTRIBUTE'])
  kind!: 'REQUIRES' | 'EXCLUDES' | 'CHOOSE' | 'ATTRIBUTE';
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules(CODE) item?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @TextRules({ ...CODE, each: true })
  requires?: string[] | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @TextRules({ ...CODE, each: true })
  items?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) min?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) max?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules(CODE) target?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules({ maxLength: 40 }) attribute?:
    string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @TextRules({ maxLength: 40, each: true })
  values?: string[] | null;
}

@InputType('BundleEligibilityInput')
export class EligibilityInput {
  @Field(() => [String], { nullable: true }) @IsOptional() @IsIn(TIERS, { each: true }) tiers?:
    string[] | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsIn(VALUE_SEGMENTS, { each: true })
  segments?: string[] | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsIn(INDUSTRY_SECTIONS, { each: true })
  industries?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) employeesMin?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) employeesMax?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) linesMin?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @BoundsRule(BIG) linesMax?: number | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @TextRules({ maxLength: 6, each: true })
  regionPrefixes?: string[] | null;
}

@InputType('SaveBundleTemplateInput', { description: 'Saved as the next version, a draft.' })
export class SaveTemplateInput {
  @Field() @TextRules(CODE) code!: string;
  @Field() @TextRules(NAME) nameZh!: string;
  @Field() @TextRules(NAME) nameEn!: string;
  @Field(() => TemplateKindEnum) @IsIn(TEMPLATE_KINDS) kind!: string;
  @Field(() => TemplateItemInput)
  @ValidateNested()
  @Type(() => TemplateItemInput)
  core!: TemplateItemInput;
  @Field(() => [TemplateItemInput], { defaultValue: [] })
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => TemplateItemInput)
  modules: TemplateItemInput[] = [];
  @Field(() => [CompositionRuleInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CompositionRuleInput)
  rules: CompositionRuleInput[] = [];
  @Field(() => Int) @BoundsRule(BP) bundleDiscountBp!: number;
  @Field(() => EligibilityInput)
  @ValidateNested()
  @Type(() => EligibilityInput)
  eligibility!: EligibilityInput;
}

@InputType('SetBundleApproverInput')
export class SetApproverInput {
  @Field({ description: 'Employee number.' }) @EmployeeNumberRule() subject!: string;
  @Field({ description: 'SUPERVISOR, REGIONAL_DIRECTOR or HEADQUARTERS.' })
  @IsIn(APPROVER_LEVELS)
  level!: string;
  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 prefix of the accounts they decide on.',
  })
  @IsOptional()
  @TextRules({ maxLength: 6 })
  regionPrefix?: string | null;
  @Field({ description: 'False removes them from the level.' }) @IsBoolean() active!: boolean;
}
