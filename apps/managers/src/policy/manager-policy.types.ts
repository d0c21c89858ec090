import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { GRADES, TIERS, type Grade, type Tier } from '@gap/managers/domain';
import { GradeEnum, TierEnum } from '../managers/account-manager.types.js';

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

@ObjectType('ManagerPolicy')
export class ManagerPolicyType {
  @Field() version!: string;
  @Field(() => [PolicyTierType]) tiers!: PolicyTierType[];
  @Field(() => Float, { description: 'The most a manager carries, as a share of capacity.' })
  maxLoadRatio!: number;
  @Field(() => PolicyCostsType) costs!: PolicyCostsType;
  @Field() isCurrent!: boolean;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
}

@InputType()
export class PolicyTierInput {
  @Field(() => TierEnum) @IsIn(TIERS) tier!: Tier;
  @Field(() => [GradeEnum]) @IsArray() @IsIn(GRADES, { each: true }) grades!: Grade[];
  @Field(() => GradeEnum) @IsIn(GRADES) fittingGrade!: Grade;
  @Field(() => Int) @IsInt() points!: number;
}

@InputType()
export class PolicyCostsInput {
  @Field(() => Int) @IsInt() regionSameProvince!: number;
  @Field(() => Int) @IsInt() regionOutside!: number;
  @Field(() => Int) @IsInt() industryOutside!: number;
  @Field(() => Int) @IsInt() industryGeneralist!: number;
  @Field(() => Int) @IsInt() gradeStep!: number;
  @Field(() => Int) @IsInt() move!: number;
  @Field(() => Int) @IsInt() load!: number;
}

@InputType()
export class CreateManagerPolicyInput {
  @Field() @IsString() @MaxLength(40) version!: string;
  @Field(() => [PolicyTierInput], { description: 'One entry per tier: A, B and C.' })
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => PolicyTierInput)
  tiers!: PolicyTierInput[];
  @Field(() => Float) @IsNumber() maxLoadRatio!: number;
  @Field(() => PolicyCostsInput)
  @ValidateNested()
  @Type(() => PolicyCostsInput)
  costs!: PolicyCostsInput;
  @Field({ defaultValue: true }) @IsBoolean() makeCurrent!: boolean;
}
