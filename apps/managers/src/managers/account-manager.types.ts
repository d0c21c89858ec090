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
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { GRADES, MANAGER_STATUSES, TEAM_ROLES, TIERS, type Grade } from '@gap/managers/domain';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const TierEnum = enumOf(TIERS);
registerEnumType(TierEnum, {
  name: 'Tier',
  description: 'A/B/C: a Pareto cut over customer value (A holds most of the value).',
});
export const GradeEnum = enumOf(GRADES);
registerEnumType(GradeEnum, {
  name: 'ManagerGrade',
  description: 'KEY_ACCOUNT, SENIOR, STANDARD or CHANNEL (phone and channel managers).',
});
export const ManagerStatusEnum = enumOf(MANAGER_STATUSES);
registerEnumType(ManagerStatusEnum, { name: 'ManagerStatus' });
export const TeamRoleEnum = enumOf(TEAM_ROLES);
registerEnumType(TeamRoleEnum, { name: 'TeamRole' });

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
  @MaxLength(32)
  id!: string;
  @Field() @IsString() @MaxLength(100) name!: string;
  @Field(() => GradeEnum) @IsIn(GRADES) grade!: Grade;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) regions!: string[];
  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  industries!: string[];
  @Field(() => Int) @IsInt() capacity!: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() supervisorId?: string | null;
}

@InputType()
export class UpdateAccountManagerInput {
  @Field(() => ID) @IsString() @MaxLength(32) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) name?: string;
  @Field(() => GradeEnum, { nullable: true }) @IsOptional() @IsIn(GRADES) grade?: Grade;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  regions?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  industries?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() capacity?: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() supervisorId?: string;
  @Field(() => ManagerStatusEnum, {
    nullable: true,
    description: 'ACTIVE or ON_LEAVE; leaving goes through offboardAccountManager.',
  })
  @IsOptional()
  @IsIn(['ACTIVE', 'ON_LEAVE'])
  status?: 'ACTIVE' | 'ON_LEAVE';
}

@ObjectType('TeamMember')
export class TeamMemberType {
  @Field(() => ID) managerId!: string;
  @Field(() => TeamRoleEnum) role!: string;
}
