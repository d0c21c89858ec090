import {
  Directive,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { BoundsRule, EmployeeNumberRule, TextRules } from '@gap/graphql';
import { GRADES, MANAGER_STATUSES, type Grade } from '@gap/managers/domain';
import { GradeEnum, TierEnum } from '../policy/grade-tier.enums.js';

export { GradeEnum, TierEnum };

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ManagerStatusEnum = enumOf(MANAGER_STATUSES);
registerEnumType(ManagerStatusEnum, { name: 'ManagerStatus' });

const NAME = { maxLength: 100 };
/** A province, city or district code of GB/T 2260. */
const REGION = { maxLength: 6, each: true };
/** A section of GB/T 4754. */
const INDUSTRY = { maxLength: 1, each: true };
const CAPACITY = { min: 0, max: 100_000, integer: true };

@ObjectType('ManagerScorecard', {
  description:
    'How a manager stands: load against capacity, portfolio by tier, grade fit, handovers.',
})
export class ScorecardType {
  @Field(() => Int, { description: 'Points carried: primary accounts and incoming handovers.' })
  load!: number;
  @Field(() => Int, { description: 'The most points the policy lets them carry.' })
  maxLoad!: number;
  @Field(() => Float, { description: 'load / maxLoad.' }) loadShare!: number;
  @Field(() => Int) accountsA!: number;
  @Field(() => Int) accountsB!: number;
  @Field(() => Int) accountsC!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of their accounts whose tier their grade may own (null without accounts).',
  })
  gradeFit!: number | null;
  @Field(() => Int) openHandoversIn!: number;
  @Field(() => Int) openHandoversOut!: number;
  @Field(() => Int, { description: 'Open handovers past their due day.' })
  overdueHandovers!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean days from planning to completion of their handovers in the last 180 days.',
  })
  handoverLeadTimeDays!: number | null;
  @Field(() => Int, {
    description:
      'Coordination requests of their accounts closed in the last 180 days (complaints included).',
  })
  requestsClosed!: number;
  @Field(() => Int, { description: 'Complaints of their accounts closed in the last 180 days.' })
  complaintsClosed!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mean satisfaction (1–5) the customers gave at the callback of those complaints (null without any).',
  })
  complaintSatisfaction!: number | null;
}

@ObjectType('AccountManager', { description: 'A group account manager (集团客户经理).' })
@Directive('@key(fields: "id")')
export class AccountManagerType {
  @Field(() => ID, { description: 'Employee number: the subject of their token.' }) id!: string;
  @Field() name!: string;
  @Field(() => GradeEnum) grade!: Grade;
  @Field(() => [String], { description: 'Division codes covered: province, city or district.' })
  regions!: string[];
  @Field(() => [String], { description: 'Industry sections of expertise; none for a generalist.' })
  industries!: string[];
  @Field(() => Int, { description: 'Capacity in points.' }) capacity!: number;
  @Field(() => ID, { nullable: true }) supervisorId!: string | null;
  @Field(() => ManagerStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'Last working day, when leaving.' })
  lastDay!: string | null;
}

@InputType()
export class RegisterAccountManagerInput {
  @Field(() => ID, { description: 'Employee number (letters, digits, - and _; up to 32).' })
  @IsString()
  @EmployeeNumberRule()
  id!: string;
  @Field({ description: 'At most 100 characters.' })
  @IsString()
  @TextRules(NAME)
  name!: string;
  @Field(() => GradeEnum) @IsIn(GRADES) grade!: Grade;
  @Field(() => [String], { description: 'At most 50 division codes.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @TextRules(REGION)
  regions!: string[];
  @Field(() => [String], { defaultValue: [], description: 'At most 20 sections.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @TextRules(INDUSTRY)
  industries!: string[];
  @Field(() => Int, { description: 'Points, 0 to 100000.' })
  @IsInt()
  @BoundsRule(CAPACITY)
  capacity!: number;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @EmployeeNumberRule()
  supervisorId?: string | null;
}

@InputType()
export class UpdateAccountManagerInput {
  @Field(() => ID) @IsString() @EmployeeNumberRule() id!: string;
  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  name?: string;
  @Field(() => GradeEnum, { nullable: true }) @IsOptional() @IsIn(GRADES) grade?: Grade;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @TextRules(REGION)
  regions?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @TextRules(INDUSTRY)
  industries?: string[];
  @Field(() => Int, { nullable: true, description: 'Points, 0 to 100000.' })
  @IsOptional()
  @IsInt()
  @BoundsRule(CAPACITY)
  capacity?: number;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @EmployeeNumberRule()
  supervisorId?: string;
  @Field(() => ManagerStatusEnum, {
    nullable: true,
    description: 'ACTIVE or ON_LEAVE; leaving goes through offboardAccountManager.',
  })
  @IsOptional()
  @IsIn(['ACTIVE', 'ON_LEAVE'])
  status?: 'ACTIVE' | 'ON_LEAVE';
}
