import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { BoundsRule, TextRules } from '@gap/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import {
  ACCOUNT_TIERS,
  ESCALATION_LEVELS,
  PRIORITIES,
  REQUEST_TYPES,
} from '@gap/coordination/domain';

/*
 * The policy's tables are given as lists of cells (tier × priority, type × priority) so that a
 * GraphQL client need not know the tables' shape; tiers, priorities, types and levels are plain
 * strings checked against the domain's lists (the request feature owns their GraphQL enums).
 */

@ObjectType('SlaResponseTarget', { description: 'Response target of a tier and priority.' })
export class ResponseTargetType {
  @Field() tier!: string;
  @Field() priority!: string;
  @Field(() => Int, { description: 'Business minutes.' }) minutes!: number;
}

@ObjectType('SlaResolutionTarget', {
  description: 'Resolution target of a type and priority, for a tier B account.',
})
export class ResolutionTargetType {
  @Field() type!: string;
  @Field() priority!: string;
  @Field(() => Int, { description: 'Business minutes.' }) minutes!: number;
}

@ObjectType('SlaTierFactor')
export class TierFactorType {
  @Field() tier!: string;
  @Field(() => Float, { description: 'Resolution targets are tier B’s times this factor.' })
  factor!: number;
}

@ObjectType('SlaEscalationStep')
export class EscalationStepType {
  @Field({ description: 'DEPARTMENT_HEAD, COORDINATION_LEAD or SENIOR_MANAGEMENT.' })
  level!: string;
  @Field(() => Int, { description: 'Business minutes after the breach.' })
  afterBreachMinutes!: number;
}

@ObjectType('SlaPolicy', { description: 'A version of the SLA policy; versions are never edited.' })
export class SlaPolicyType {
  @Field() version!: string;
  @Field(() => [ResponseTargetType]) responseMinutes!: ResponseTargetType[];
  @Field(() => [ResolutionTargetType]) resolutionMinutes!: ResolutionTargetType[];
  @Field(() => [TierFactorType]) resolutionTierFactor!: TierFactorType[];
  @Field(() => Float, { description: 'The owner is warned at this share of the target.' })
  warningShare!: number;
  @Field(() => [EscalationStepType]) escalation!: EscalationStepType[];
  @Field(() => Int, { description: 'Calendar days a resolved request may be reopened.' })
  reopenWindowDays!: number;
  @Field() isCurrent!: boolean;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
}

const MINUTES = 'Business minutes (540 a business day), 1 to 525,600.';
/** A target or delay in business minutes: at least one, at most a (calendar) year of them. */
const MINUTES_RULE = { min: 1, max: 525_600, integer: true };

@InputType()
export class ResponseTargetInput {
  @Field() @IsIn(ACCOUNT_TIERS) tier!: string;
  @Field() @IsIn(PRIORITIES) priority!: string;
  @Field(() => Int, { description: MINUTES }) @BoundsRule(MINUTES_RULE) minutes!: number;
}

@InputType()
export class ResolutionTargetInput {
  @Field() @IsIn(REQUEST_TYPES) type!: string;
  @Field() @IsIn(PRIORITIES) priority!: string;
  @Field(() => Int, { description: MINUTES }) @BoundsRule(MINUTES_RULE) minutes!: number;
}

@InputType()
export class TierFactorInput {
  @Field() @IsIn(ACCOUNT_TIERS) tier!: string;
  @Field(() => Float, { description: 'Above 0, at most 10.' })
  @BoundsRule({ min: 0.01, max: 10 })
  factor!: number;
}

@InputType()
export class EscalationStepInput {
  @Field() @IsIn(ESCALATION_LEVELS) level!: string;
  @Field(() => Int, { description: 'Business minutes after the breach, 0 (at once) to 525,600.' })
  @BoundsRule({ ...MINUTES_RULE, min: 0 })
  afterBreachMinutes!: number;
}

@InputType()
export class CreateSlaPolicyInput {
  @Field({ description: 'Up to 64 characters, e.g. 2027.1.' })
  @TextRules({ maxLength: 64 })
  version!: string;
  @Field(() => [ResponseTargetInput], { description: 'Every tier × priority, once each.' })
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => ResponseTargetInput)
  responseMinutes!: ResponseTargetInput[];
  @Field(() => [ResolutionTargetInput], { description: 'Every type × priority, once each.' })
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => ResolutionTargetInput)
  resolutionMinutes!: ResolutionTargetInput[];
  @Field(() => [TierFactorInput], { description: 'Every tier, once each.' })
  @IsArray()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => TierFactorInput)
  resolutionTierFactor!: TierFactorInput[];
  @Field(() => Float, { description: 'Between 0 and 1 (exclusive).' })
  @BoundsRule({ min: 0.01, max: 0.99 })
  warningShare!: number;
  @Field(() => [EscalationStepInput], { description: 'In ladder order, delays ascending.' })
  @IsArray()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepInput)
  escalation!: EscalationStepInput[];
  @Field(() => Int, { description: '0 to 365.' })
  @BoundsRule({ min: 0, max: 365, integer: true })
  reopenWindowDays!: number;
  @Field({ defaultValue: true, description: 'Whether new clocks start under it from now on.' })
  @IsBoolean()
  makeCurrent!: boolean;
}
