import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { EmployeeNumberRule, PageArgs, TextRules, UuidRule } from '@gap/graphql';
import {
  GROUP_ACCOUNT_STATUSES,
  GROUP_ACCOUNT_TYPES,
  PORTFOLIO_HANDOVER_STATES,
  PORTFOLIO_SEGMENTS,
  PORTFOLIO_TIERS,
  TIER_CHANGES,
  type GroupAccountStatus,
  type GroupAccountType,
  type PortfolioHandoverState,
  type PortfolioSegment,
  type PortfolioTier,
  type TierChange,
} from '@gap/accounts/domain';
import { enumOf, GroupAccountStatusEnum, GroupAccountTypeEnum } from './group-account.type.js';
import {
  FenRange,
  PortfolioHandoverStateEnum,
  TierChangeEnum,
  TierEnum,
  ValueSegmentEnum,
} from './portfolio-filter.types.js';

export const ACCOUNT_SORT_FIELDS = [
  'NAME',
  'CREATED_AT',
  'ACCOUNT_CODE',
  'EMPLOYEES',
  'CURRENT_VALUE',
  'POTENTIAL_VALUE',
  'TIER',
  'LAST_CHANGE',
] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];
export const AccountSortFieldEnum = enumOf(ACCOUNT_SORT_FIELDS);
registerEnumType(AccountSortFieldEnum, { name: 'GroupAccountSortField' });
export const SortDirectionEnum = enumOf(['ASC', 'DESC'] as const);
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@InputType({ description: 'All given conditions must hold.' })
export class GroupAccountFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Any of these GB/T 4754 sections (at most 20).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @TextRules({ maxLength: 1, each: true })
  industryCodes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Any of these credit codes (at most 100).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @TextRules({ maxLength: 18, each: true })
  creditCodes?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'A province (2 digits), city (4) or district (6) of GB/T 2260.',
  })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/, { message: 'regionCode has 2, 4 or 6 digits' })
  regionCode?: string;

  @Field(() => [GroupAccountTypeEnum], { nullable: true })
  @IsOptional()
  @IsIn(GROUP_ACCOUNT_TYPES, { each: true })
  types?: GroupAccountType[];

  @Field(() => [GroupAccountStatusEnum], { nullable: true })
  @IsOptional()
  @IsIn(GROUP_ACCOUNT_STATUSES, { each: true })
  statuses?: GroupAccountStatus[];

  @Field(() => String, { nullable: true, description: 'A tag, up to 30 characters.' })
  @IsOptional()
  @IsString()
  @TextRules({ maxLength: 30 })
  tag?: string;

  @Field(() => ID, { nullable: true, description: 'This account and everything below it.' })
  @IsOptional()
  @UuidRule()
  withinGroupOf?: string;

  @Field(() => ID, { nullable: true, description: 'Leader or supporter of this cluster.' })
  @IsOptional()
  @UuidRule()
  clusterId?: string;

  @Field(() => ID, { nullable: true, description: 'Members of this industry association.' })
  @IsOptional()
  @UuidRule()
  associationId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, e.g. 鹭岛物流; up to 100 characters.',
  })
  @IsOptional()
  @IsString()
  @TextRules({ maxLength: 100 })
  nameContains?: string;

  @Field(() => [TierEnum], { nullable: true, description: 'Any of these tiers in force.' })
  @IsOptional()
  @IsIn(PORTFOLIO_TIERS, { each: true })
  tiers?: PortfolioTier[];

  @Field(() => [ValueSegmentEnum], { nullable: true, description: 'Any of these value segments.' })
  @IsOptional()
  @IsIn(PORTFOLIO_SEGMENTS, { each: true })
  segments?: PortfolioSegment[];

  @Field(() => FenRange, {
    nullable: true,
    description: 'Current value (fen, revenue less cost over the last run’s year) within bounds.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FenRange)
  currentValue?: FenRange;

  @Field(() => FenRange, { nullable: true, description: 'Potential value (fen) within bounds.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FenRange)
  potentialValue?: FenRange;

  @Field(() => String, {
    nullable: true,
    description: 'Accounts whose primary manager is this employee number.',
  })
  @IsOptional()
  @EmployeeNumberRule()
  primaryManagerId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Accounts on whose team this employee number is (backup, architect, support).',
  })
  @IsOptional()
  @EmployeeNumberRule()
  teamMemberId?: string;

  @Field(() => [PortfolioHandoverStateEnum], {
    nullable: true,
    description: 'Any of these handover states (NONE: no open handover).',
  })
  @IsOptional()
  @IsIn(PORTFOLIO_HANDOVER_STATES, { each: true })
  handoverStates?: PortfolioHandoverState[];

  @Field(() => TierChangeEnum, {
    nullable: true,
    description: 'How the last applied tiering run moved the tier: UP, DOWN or NONE.',
  })
  @IsOptional()
  @IsIn(TIER_CHANGES)
  tierChange?: TierChange;
}

@InputType()
export class GroupAccountOrder {
  @Field(() => AccountSortFieldEnum, { defaultValue: 'NAME' })
  @IsIn(ACCOUNT_SORT_FIELDS)
  field: AccountSortField = 'NAME';

  @Field(() => SortDirectionEnum, { defaultValue: 'ASC' })
  @IsIn(['ASC', 'DESC'])
  direction: 'ASC' | 'DESC' = 'ASC';
}

@ArgsType()
export class GroupAccountSearchArgs extends PageArgs {
  @Field(() => GroupAccountFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupAccountFilter)
  filter?: GroupAccountFilter;

  @Field(() => GroupAccountOrder, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupAccountOrder)
  orderBy?: GroupAccountOrder;
}
