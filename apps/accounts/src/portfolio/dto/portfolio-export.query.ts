import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  ValidateBy,
} from 'class-validator';
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
import { EmployeeNumberRule, TextRules } from '@gap/graphql';
import { fenProblemMessage, MAX_FEN, parseFen, type FenProblem } from '@gap/validation';
import {
  ACCOUNT_SORT_FIELDS,
  type AccountSortField,
  type GroupAccountFilter,
  type GroupAccountSearchArgs,
} from '../../group-account/dto/group-account-search.args.js';

/** `A,B` (or `?tiers=A&tiers=B`, or both) as a list; anything else is left for the checks. */
const CommaList = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value)
        ? value.flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item]))
        : value,
  );

/** An amount in fen as a query string gives it: the Fen scalar's rules, with its reasons. */
function FenRule(): PropertyDecorator {
  const reasons: FenProblem[] = ['NOT_WHOLE_FEN', 'FEN_OUT_OF_RANGE'];
  return (target, property) => {
    for (const reason of reasons) {
      ValidateBy({
        name: reason,
        validator: {
          validate: (value: unknown) => {
            const parsed = parseFen(value);
            return !('problem' in parsed) || parsed.problem !== reason;
          },
          defaultMessage: (args) => fenProblemMessage(args?.property ?? 'the amount', reason),
        },
      })(target, property);
    }
  };
}

const listOf = (values: readonly string[], what: string) => ({
  isArray: true,
  enum: [...values],
  description: `Any of these ${what}: comma-separated (\`A,B\`) or repeated (\`?x=A&x=B\`).`,
});
const FEN_PATTERN = '^-?(0|[1-9][0-9]{0,17})$';
const FEN = `Whole fen (0.01 CNY), within ±${MAX_FEN}; bounds are included.`;

/**
 * `GET /api/v1/accounts/portfolio/export?…`: the account list's filter and order as query
 * parameters (lists comma-separated, amounts in fen), each checked as the graph checks it.
 */
export class PortfolioExportQuery {
  @ApiPropertyOptional({ ...listOf(PORTFOLIO_TIERS, 'tiers'), example: ['A', 'B'] })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(PORTFOLIO_TIERS.length)
  @IsIn(PORTFOLIO_TIERS, { each: true })
  tiers?: PortfolioTier[];

  @ApiPropertyOptional({ ...listOf(PORTFOLIO_SEGMENTS, 'value segments') })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(PORTFOLIO_SEGMENTS.length)
  @IsIn(PORTFOLIO_SEGMENTS, { each: true })
  segments?: PortfolioSegment[];

  @ApiPropertyOptional({ ...listOf(GROUP_ACCOUNT_STATUSES, 'statuses') })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(GROUP_ACCOUNT_STATUSES.length)
  @IsIn(GROUP_ACCOUNT_STATUSES, { each: true })
  statuses?: GroupAccountStatus[];

  @ApiPropertyOptional({ ...listOf(GROUP_ACCOUNT_TYPES, 'account types') })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(GROUP_ACCOUNT_TYPES.length)
  @IsIn(GROUP_ACCOUNT_TYPES, { each: true })
  types?: GroupAccountType[];

  @ApiPropertyOptional({
    description: 'Comma-separated GB/T 4754 sections (A to T), at most 20.',
    example: 'C,G',
  })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @TextRules({ maxLength: 1, each: true })
  industryCodes?: string[];

  @ApiPropertyOptional({
    description: 'A province (2 digits), city (4) or district (6) of GB/T 2260.',
    example: '3501',
  })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/, { message: 'regionCode has 2, 4 or 6 digits' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'The primary manager’s employee number.' })
  @IsOptional()
  @EmployeeNumberRule()
  primaryManagerId?: string;

  @ApiPropertyOptional({ description: 'An employee number on the account’s team.' })
  @IsOptional()
  @EmployeeNumberRule()
  teamMemberId?: string;

  @ApiPropertyOptional({ ...listOf(PORTFOLIO_HANDOVER_STATES, 'handover states') })
  @IsOptional()
  @CommaList()
  @IsArray()
  @ArrayMaxSize(PORTFOLIO_HANDOVER_STATES.length)
  @IsIn(PORTFOLIO_HANDOVER_STATES, { each: true })
  handoverStates?: PortfolioHandoverState[];

  @ApiPropertyOptional({
    enum: TIER_CHANGES,
    description: 'How the last applied tiering run moved the tier.',
  })
  @IsOptional()
  @IsIn(TIER_CHANGES)
  tierChange?: TierChange;

  @ApiPropertyOptional({
    type: 'string',
    pattern: FEN_PATTERN,
    description: `Current value at least this. ${FEN}`,
    example: '1000000',
  })
  @IsOptional()
  @FenRule()
  currentValueMin?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: FEN_PATTERN,
    description: `Current value at most this. ${FEN}`,
  })
  @IsOptional()
  @FenRule()
  currentValueMax?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: FEN_PATTERN,
    description: `Potential value at least this. ${FEN}`,
  })
  @IsOptional()
  @FenRule()
  potentialValueMin?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: FEN_PATTERN,
    description: `Potential value at most this. ${FEN}`,
  })
  @IsOptional()
  @FenRule()
  potentialValueMax?: string;

  @ApiPropertyOptional({ description: 'Part of the name, up to 100 characters.' })
  @IsOptional()
  @IsString()
  @TextRules({ maxLength: 100 })
  nameContains?: string;

  @ApiPropertyOptional({ description: 'A tag, up to 30 characters.' })
  @IsOptional()
  @IsString()
  @TextRules({ maxLength: 30 })
  tag?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_SORT_FIELDS, default: 'NAME' })
  @IsOptional()
  @IsIn(ACCOUNT_SORT_FIELDS)
  orderBy?: AccountSortField;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], default: 'ASC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC'])
  direction?: 'ASC' | 'DESC';
}

/** An amount the checks let through, as the filter takes it. */
const fen = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const parsed = parseFen(value);
  return 'fen' in parsed ? parsed.fen : undefined;
};

const range = (min: string | undefined, max: string | undefined) =>
  min === undefined && max === undefined ? undefined : { min: fen(min), max: fen(max) };

/** The checked query as the account list's search: the same filter, the same order. */
export function exportSearchOf(
  query: PortfolioExportQuery,
): Omit<GroupAccountSearchArgs, 'first' | 'after'> {
  const filter: GroupAccountFilter = {
    tiers: query.tiers,
    segments: query.segments,
    statuses: query.statuses,
    types: query.types,
    industryCodes: query.industryCodes,
    regionCode: query.regionCode,
    primaryManagerId: query.primaryManagerId,
    teamMemberId: query.teamMemberId,
    handoverStates: query.handoverStates,
    tierChange: query.tierChange,
    currentValue: range(query.currentValueMin, query.currentValueMax),
    potentialValue: range(query.potentialValueMin, query.potentialValueMax),
    nameContains: query.nameContains,
    tag: query.tag,
  };
  const defined = Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined),
  ) as GroupAccountFilter;
  return {
    filter: defined,
    orderBy: { field: query.orderBy ?? 'NAME', direction: query.direction ?? 'ASC' },
  };
}
