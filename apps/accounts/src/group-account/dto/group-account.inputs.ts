import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { GROUP_ACCOUNT_STATUSES, type GroupAccountStatus } from '@gap/accounts/domain';
import { BoundsRule, CalendarDateRule, TextRules, UuidRule } from '@gap/graphql';
import { GroupAccountStatusEnum, GroupAccountTypeEnum } from './group-account.type.js';

/*
 * Inputs check their shape and hygiene here (text normalised and bounded, ids, dates and
 * numbers in range); the rules on the values (check characters, codes) live in the domain
 * library, shared with the bulk import, and report every field.
 */

/** Bounds of the counts an account carries: above any real organisation, within Int. */
export const MAX_EMPLOYEES = 10_000_000;
export const MAX_LINES = 100_000_000;
/** The most a version number can be (GraphQL Int). */
export const MAX_VERSION = 2_147_483_647;

const NAME = { maxLength: 200 };
const CREDIT_CODE = { maxLength: 18 };
const INDUSTRY_CODE = { maxLength: 1 };
const REGION_CODE = { maxLength: 6 };
const TAG = { maxLength: 30, each: true };
const REASON = { maxLength: 500, multiline: true };

@InputType({ description: 'A new group customer: an organisation, not a person.' })
export class CreateGroupAccountInput {
  @Field({ description: 'Registered name, at most 200 characters.' })
  @IsString()
  @TextRules(NAME)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Full legal name, when it differs; at most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  legalName?: string | null;

  @Field({ description: 'The 18-character Unified Social Credit Code (统一社会信用代码).' })
  @IsString()
  @TextRules(CREDIT_CODE)
  creditCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'For a legacy code whose check character does not match: why it is right anyway (supervisors and admins only); at most 500 characters.',
  })
  @IsOptional()
  @IsString()
  @TextRules(REASON)
  creditCodeOverrideReason?: string | null;

  @Field(() => GroupAccountTypeEnum)
  @IsString()
  type!: string;

  @Field({ description: 'Industry section of GB/T 4754, e.g. C for manufacturing.' })
  @IsString()
  @TextRules(INDUSTRY_CODE)
  industryCode!: string;

  @Field({ description: 'Six-digit division code of GB/T 2260 (province, city, district).' })
  @IsString()
  @TextRules(REGION_CODE)
  regionCode!: string;

  @Field(() => Int, { nullable: true, description: `0 to ${MAX_EMPLOYEES}.` })
  @IsOptional()
  @IsInt()
  @BoundsRule({ min: 0, max: MAX_EMPLOYEES, integer: true })
  employees?: number | null;

  @Field(() => Int, { nullable: true, description: `0 to ${MAX_LINES}.` })
  @IsOptional()
  @IsInt()
  @BoundsRule({ min: 0, max: MAX_LINES, integer: true })
  linesCount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Founding date, YYYY-MM-DD, between 1900-01-01 and 2100-12-31.',
  })
  @IsOptional()
  @IsString()
  @CalendarDateRule()
  foundedOn?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 100, each up to 30 characters.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @TextRules(TAG)
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The account directly above in its group.' })
  @IsOptional()
  @UuidRule()
  parentId?: string | null;
}

@InputType({ description: 'The fields to change; a field left out keeps its value.' })
export class UpdateGroupAccountInput {
  @Field(() => ID) @UuidRule() id!: string;

  @Field(() => Int, { description: 'The version you read; the change is refused if it moved on.' })
  @IsInt()
  @BoundsRule({ min: 1, max: MAX_VERSION, integer: true })
  version!: number;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  legalName?: string | null;

  @Field(() => GroupAccountTypeEnum, { nullable: true })
  @IsOptional()
  @IsString()
  type?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @TextRules(INDUSTRY_CODE)
  industryCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @TextRules(REGION_CODE)
  regionCode?: string | null;

  @Field(() => Int, { nullable: true, description: `0 to ${MAX_EMPLOYEES}.` })
  @IsOptional()
  @IsInt()
  @BoundsRule({ min: 0, max: MAX_EMPLOYEES, integer: true })
  employees?: number | null;

  @Field(() => Int, { nullable: true, description: `0 to ${MAX_LINES}.` })
  @IsOptional()
  @IsInt()
  @BoundsRule({ min: 0, max: MAX_LINES, integer: true })
  linesCount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, between 1900-01-01 and 2100-12-31.',
  })
  @IsOptional()
  @IsString()
  @CalendarDateRule()
  foundedOn?: string | null;

  @Field(() => [String], { nullable: true, description: 'At most 100, each up to 30 characters.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @TextRules(TAG)
  tags?: string[] | null;
}

@InputType()
export class ChangeGroupAccountStatusInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int)
  @IsInt()
  @BoundsRule({ min: 1, max: MAX_VERSION, integer: true })
  version!: number;
  @Field(() => GroupAccountStatusEnum) @IsIn(GROUP_ACCOUNT_STATUSES) status!: GroupAccountStatus;
  @Field(() => String, {
    nullable: true,
    description: 'Required to suspend or churn; at most 500 characters.',
  })
  @IsOptional()
  @IsString()
  @TextRules(REASON)
  reason?: string | null;
}

@InputType({ description: 'Moves an account, and everything below it, under another parent.' })
export class MoveGroupAccountInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => ID, { nullable: true, description: 'The new parent; null makes it a group head.' })
  @IsOptional()
  @UuidRule()
  parentId!: string | null;
}
