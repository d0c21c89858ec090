import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { BoundsRule, TextRules } from '@gap/graphql';
import { GRADES, TIERS, WAIVERS, type Grade, type Tier, type Waiver } from '@gap/managers/domain';
import { GradeEnum, TierEnum } from './grade-tier.enums.js';

/*
 * The bounds are checkManagerPolicy's, applied at the edge too so that an absurd number is
 * refused before any service code runs.
 */
const COST = { min: 0, max: 10_000, integer: true };
const SHADOW_DAYS = { min: 0, max: 90, integer: true };

export const WaiverEnum = Object.fromEntries(WAIVERS.map((w) => [w, w])) as Record<Waiver, Waiver>;
registerEnumType(WaiverEnum, {
  name: 'ChecklistWaiver',
  description: 'Who may waive a handover checklist item (never the incoming manager alone).',
});

@ObjectType('ManagerPolicyTier')
export class PolicyTierType {
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => [GradeEnum], { description: 'Grades that may own an account of the tier.' })
  grades!: Grade[];
  @Field(() => GradeEnum, { description: 'The grade that fits best.' }) fittingGrade!: Grade;
  @Field(() => Int, { description: 'Points an account of the tier weighs.' }) points!: number;
}

@ObjectType('ManagerPolicyCosts', { description: 'What a poor fit costs (whole numbers).' })
export class PolicyCostsType {
  @Field(() => Int) regionSameProvince!: number;
  @Field(() => Int) regionOutside!: number;
  @Field(() => Int) industryOutside!: number;
  @Field(() => Int) industryGeneralist!: number;
  @Field(() => Int) gradeStep!: number;
  @Field(() => Int) move!: number;
  @Field(() => Int) load!: number;
}

@ObjectType('ManagerPolicyShadowDays', {
  description: 'The least whole days a handover shadows before it may complete, per tier.',
})
export class ShadowDaysType {
  @Field(() => Int) A!: number;
  @Field(() => Int) B!: number;
  @Field(() => Int) C!: number;
}

@ObjectType('ManagerPolicyHandover', { description: 'How handovers (交接) run.' })
export class HandoverPolicyType {
  @Field(() => ShadowDaysType) minShadowDays!: ShadowDaysType;
  @Field(() => [WaiverEnum], { description: 'Who may waive a checklist item.' })
  waivedBy!: Waiver[];
  @Field({ description: 'Whether a leaver’s supervisor becomes primary of what is left.' })
  supervisorTakesAccounts!: boolean;
  @Field(() => Int, {
    description: 'Points a supervisor may carry beyond their maximum load for a leaver’s accounts.',
  })
  supervisorExtraPoints!: number;
}

@ObjectType('ManagerPolicyRebalance', {
  description: 'How evenly a rebalance spreads the load: the load-share band and its price.',
})
export class RebalancePolicyType {
  @Field(() => Float, {
    description:
      'The lower end of the load-share band: every manager who may take accounts carries at least this share of their most, where fit allows (0 to 1).',
  })
  minLoadShare!: number;
  @Field(() => Int, {
    description: 'The most a balancing move may add to the plan’s cost per point it moves.',
  })
  maxCostPerPoint!: number;
}

@ObjectType('ManagerPolicy')
export class ManagerPolicyType {
  @Field() version!: string;
  @Field(() => [PolicyTierType]) tiers!: PolicyTierType[];
  @Field(() => Float, { description: 'The most a manager carries, as a share of capacity.' })
  maxLoadRatio!: number;
  @Field(() => PolicyCostsType) costs!: PolicyCostsType;
  @Field(() => HandoverPolicyType) handover!: HandoverPolicyType;
  @Field(() => RebalancePolicyType) rebalance!: RebalancePolicyType;
  @Field() isCurrent!: boolean;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
}

@InputType()
export class PolicyTierInput {
  @Field(() => TierEnum) @IsIn(TIERS) tier!: Tier;
  @Field(() => [GradeEnum])
  @IsArray()
  @ArrayMaxSize(GRADES.length)
  @IsIn(GRADES, { each: true })
  grades!: Grade[];
  @Field(() => GradeEnum) @IsIn(GRADES) fittingGrade!: Grade;
  @Field(() => Int, { description: '1 to 1000 points.' })
  @IsInt()
  @BoundsRule({ min: 1, max: 1000, integer: true })
  points!: number;
}

@InputType()
export class PolicyCostsInput {
  @Field(() => Int) @IsInt() @BoundsRule(COST) regionSameProvince!: number;
  @Field(() => Int) @IsInt() @BoundsRule(COST) regionOutside!: number;
  @Field(() => Int) @IsInt() @BoundsRule(COST) industryOutside!: number;
  @Field(() => Int) @IsInt() @BoundsRule(COST) industryGeneralist!: number;
  @Field(() => Int) @IsInt() @BoundsRule(COST) gradeStep!: number;
  @Field(() => Int) @IsInt() @BoundsRule(COST) move!: number;
  @Field(() => Int) @IsInt() @BoundsRule(COST) load!: number;
}

@InputType()
export class ShadowDaysInput {
  @Field(() => Int) @IsInt() @BoundsRule(SHADOW_DAYS) A!: number;
  @Field(() => Int) @IsInt() @BoundsRule(SHADOW_DAYS) B!: number;
  @Field(() => Int) @IsInt() @BoundsRule(SHADOW_DAYS) C!: number;
}

@InputType()
export class HandoverPolicyInput {
  @Field(() => ShadowDaysInput, { description: '0 to 90 days per tier, A ≥ B ≥ C.' })
  @ValidateNested()
  @Type(() => ShadowDaysInput)
  minShadowDays!: ShadowDaysInput;
  @Field(() => [WaiverEnum])
  @IsArray()
  @ArrayMaxSize(WAIVERS.length)
  @IsIn(WAIVERS, { each: true })
  waivedBy!: Waiver[];
  @Field() @IsBoolean() supervisorTakesAccounts!: boolean;
  @Field(() => Int, { description: '0 to 100,000 points.' })
  @IsInt()
  @BoundsRule({ min: 0, max: 100_000, integer: true })
  supervisorExtraPoints!: number;
}

@InputType()
export class RebalancePolicyInput {
  @Field(() => Float, {
    defaultValue: 0.6,
    description: 'The load-share band’s lower end: 0 to 1, and no more than maxLoadRatio.',
  })
  @IsNumber()
  @BoundsRule({ min: 0, max: 1 })
  minLoadShare!: number;
  @Field(() => Int, { defaultValue: 20, description: '0 to 10,000 per point moved.' })
  @IsInt()
  @BoundsRule(COST)
  maxCostPerPoint!: number;
}

@InputType()
export class CreateManagerPolicyInput {
  @Field({ description: 'Letters, digits, dots, dashes or underscores; up to 40.' })
  @IsString()
  @TextRules({ maxLength: 40 })
  version!: string;
  @Field(() => [PolicyTierInput], { description: 'One entry per tier: A, B and C.' })
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => PolicyTierInput)
  tiers!: PolicyTierInput[];
  @Field(() => Float, { description: '0.5 to 2.' })
  @IsNumber()
  @BoundsRule({ min: 0.5, max: 2 })
  maxLoadRatio!: number;
  @Field(() => PolicyCostsInput)
  @ValidateNested()
  @Type(() => PolicyCostsInput)
  costs!: PolicyCostsInput;
  @Field(() => HandoverPolicyInput, {
    nullable: true,
    description:
      'How handovers run; the defaults (A 14, B 7, C 3 shadow days; supervisors and admins waive) when left out.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => HandoverPolicyInput)
  handover?: HandoverPolicyInput | null;
  @Field(() => RebalancePolicyInput, {
    nullable: true,
    description:
      'How evenly a rebalance spreads the load; the defaults (minLoadShare 0.6, maxCostPerPoint 20) when left out.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RebalancePolicyInput)
  rebalance?: RebalancePolicyInput | null;
  @Field({ defaultValue: true }) @IsBoolean() makeCurrent!: boolean;
}
