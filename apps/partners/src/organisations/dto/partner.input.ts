import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { BoundsRule, CalendarDateRule, TextRules, UuidRule } from '@gap/graphql';
import { PARTNER_STATUSES, PARTNER_TYPES } from '@gap/partners/domain';
import { PARTNER_LEVELS } from '../partner.model.js';
import { PartnerLevelEnum, PartnerStatusEnum, PartnerTypeEnum } from '../partner.types.js';

const CODE = { maxLength: 40 };
const NAME = { maxLength: 100 };
const REASON = { maxLength: 500 };
const VERSION = { min: 1, max: 1_000_000_000, integer: true };

@InputType('PartnerContactInput')
export class PartnerContactInput {
  @Field({ description: 'At most 50 characters.' }) @TextRules({ maxLength: 50 }) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules({ maxLength: 50 }) title?:
    string | null;
  @Field(() => String, { nullable: true, description: 'A mobile or an email is needed.' })
  @IsOptional()
  @TextRules({ maxLength: 30 })
  mobile?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @TextRules({ maxLength: 254 }) email?:
    string | null;
}

/** The fields registration sets and an update replaces. */
@InputType({ isAbstract: true })
class PartnerFieldsInput {
  @Field({ description: 'At most 100 characters.' }) @TextRules(NAME) name!: string;
  @Field(() => PartnerTypeEnum) @IsIn(PARTNER_TYPES) type!: string;
  @Field(() => PartnerLevelEnum) @IsIn(PARTNER_LEVELS) level!: string;
  @Field(() => [String], { description: 'GB/T 2260 prefixes (2, 4 or 6 digits); 1 to 50.' })
  @ArrayMaxSize(50)
  @TextRules({ maxLength: 6, each: true })
  regionPrefixes!: string[];
  @Field(() => [String], { description: 'GB/T 4754 sections (A to T); 1 to 20.' })
  @ArrayMaxSize(20)
  @TextRules({ maxLength: 1, each: true })
  industrySections!: string[];
  @Field({ description: 'YYYY-MM-DD.' }) @CalendarDateRule() contractStartsOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open-ended.' })
  @IsOptional()
  @CalendarDateRule()
  contractEndsOn?: string | null;
  @Field(() => [PartnerContactInput], { defaultValue: [], description: 'At most 20.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartnerContactInput)
  contacts: PartnerContactInput[] = [];
}

@InputType('RegisterPartnerInput')
export class RegisterPartnerInput extends PartnerFieldsInput {
  @Field({ description: 'Unique: capitals, digits, - and _ (2-40).' })
  @TextRules(CODE)
  code!: string;
}

@InputType('UpdatePartnerInput', { description: 'Replaces every describing field.' })
export class UpdatePartnerInput extends PartnerFieldsInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int, { description: 'The version the change was made on.' })
  @BoundsRule(VERSION)
  version!: number;
}

@InputType('ChangePartnerStatusInput')
export class ChangePartnerStatusInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => PartnerStatusEnum) @IsIn(PARTNER_STATUSES) status!: string;
  @Field({
    description: 'Why: kept with the partner and told in the event (at most 500 characters).',
  })
  @TextRules(REASON)
  reason!: string;
  @Field(() => Int) @BoundsRule(VERSION) version!: number;
}

@InputType('PartnerFilter')
export class PartnerFilterInput {
  @Field(() => [PartnerTypeEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsIn(PARTNER_TYPES, { each: true })
  types?: string[] | null;
  @Field(() => [PartnerStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsIn(PARTNER_STATUSES, { each: true })
  statuses?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Partners allowed to sell into this region (a GB/T 2260 code).',
  })
  @IsOptional()
  @TextRules({ maxLength: 6 })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the name or the code.' })
  @IsOptional()
  @TextRules({ maxLength: 100 })
  search?: string | null;
}
