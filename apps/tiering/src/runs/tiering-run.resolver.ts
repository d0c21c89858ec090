import { Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { DateArg, MoneyField, MonthArg, PageSizeArg, TextArg, UuidArg } from '@gap/graphql';
import {
  TieringRunService,
  type AppliedRun,
  type RunPreview,
  type RunStatus,
  type TieringRunRecord,
} from './tiering-run.service.js';

@ObjectType()
export class TierRunSummary {
  @Field() tier!: string;
  @Field(() => Int) accounts!: number;
  @MoneyField({ holds: 'yuan', description: 'Positive lifetime value in the tier, in fen.' })
  value!: number;
  @Field(() => Float) valueShare!: number;
  @MoneyField({ holds: 'yuan', description: 'Trailing 12-month revenue in the tier, in fen.' })
  revenue!: number;
  @Field(() => Float) revenueShare!: number;
  @Field(() => Int) movingUp!: number;
  @Field(() => Int) movingDown!: number;
}

@ObjectType()
export class SegmentRunSummary {
  @Field() segment!: string;
  @Field(() => Int) accounts!: number;
  @MoneyField({ holds: 'yuan', description: 'Positive lifetime value in the segment, in fen.' })
  value!: number;
  @Field(() => Float) valueShare!: number;
}

@ObjectType({
  description: 'Counts and value per tier (overrides in force counted) and per segment.',
})
export class TierDistribution {
  @Field(() => Int) accounts!: number;
  @Field(() => [TierRunSummary]) tiers!: TierRunSummary[];
  @Field(() => [SegmentRunSummary]) segments!: SegmentRunSummary[];
  @Field(() => Float, { description: 'The 20/80 check: share of accounts in A.' })
  accountShareOfA!: number;
  @Field(() => Float, { description: 'The 20/80 check: share of value held by A.' })
  valueShareOfA!: number;
}

@ObjectType({ description: 'What a tiering run proposes, before it is applied.' })
export class TieringRunPreview extends TierDistribution {
  @Field(() => ID) runId!: string;
  @Field() policyVersion!: string;
  @Field() asOf!: string;
  @Field(() => ID, {
    description:
      'The run whose results these are: this one, or an earlier run over the same book, policy and month (nothing was computed again).',
  })
  resultsOf!: string;
  @Field(() => Float) seconds!: number;
}

@ObjectType('TieringRun')
export class TieringRunType {
  @Field(() => ID) id!: string;
  @Field() policyVersion!: string;
  @Field() asOf!: string;
  @Field(() => String, {
    description: 'PREVIEWED, APPLIED, or DISCARDED (superseded before it was applied).',
  })
  status!: RunStatus;
  @Field(() => ID) resultsOf!: string;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true }) appliedBy!: string | null;
  @Field(() => Date, { nullable: true }) appliedAt!: Date | null;
  @Field(() => String, { nullable: true }) effectiveFrom!: string | null;
  @Field(() => TieringRunPreview, { nullable: true, description: 'As previewed.' })
  summary!: TieringRunPreview | null;
  @Field(() => TierDistribution, {
    nullable: true,
    description: 'Tiers in force and segments right after it was applied.',
  })
  distribution!: TierDistribution | null;
}

@ObjectType({ description: 'A run made effective.' })
export class AppliedTieringRun {
  @Field(() => ID) runId!: string;
  @Field() policyVersion!: string;
  @Field() asOf!: string;
  @Field() effectiveFrom!: string;
  @Field(() => Int) accounts!: number;
  @Field(() => Int, { description: 'Accounts whose tier changed, each with a TierChanged.' })
  changed!: number;
  @Field(() => Int, {
    description: 'Accounts placed in another value segment, each with a ValueSegmentChanged.',
  })
  segmentsChanged!: number;
}

@Resolver()
export class TieringRunResolver {
  constructor(private readonly runs: TieringRunService) {}

  @Mutation(() => TieringRunPreview, {
    description:
      'Computes every account’s value and tier as of a month (YYYY-MM) with the current policy or a named one, and keeps the result for inspection (admins).',
  })
  previewTieringRun(
    @CurrentCaller() caller: Caller,
    @MonthArg('asOf') asOf: string,
    @TextArg('policyVersion', { maxLength: 40 }, { nullable: true }) policyVersion?: string | null,
  ): Promise<RunPreview> {
    return this.runs.preview(caller, asOf, policyVersion ?? undefined);
  }

  @Mutation(() => AppliedTieringRun, {
    description:
      'Makes a previewed run effective from a date (YYYY-MM-DD): new tiers, history, TierChanged for each change (admins).',
  })
  applyTieringRun(
    @CurrentCaller() caller: Caller,
    @UuidArg('runId') runId: string,
    @DateArg('effectiveFrom') effectiveFrom: string,
  ): Promise<AppliedRun> {
    return this.runs.apply(caller, runId, effectiveFrom);
  }

  @Query(() => [TieringRunType], { description: 'Tiering runs, newest first.' })
  tieringRuns(
    @CurrentCaller() caller: Caller,
    @PageSizeArg('first', 20, { what: 'runs' }) first = 20,
  ): Promise<TieringRunRecord[]> {
    return this.runs.list(caller, first);
  }

  @Query(() => TieringRunType)
  tieringRun(
    @CurrentCaller() caller: Caller,
    @UuidArg('id') id: string,
  ): Promise<TieringRunRecord> {
    return this.runs.byId(caller, id);
  }

  @Query(() => [TieringRunType], {
    description:
      'Applied runs by effective date (YYYY-MM-DD bounds, both optional), oldest first, each with the tiers and segments it left: how the programme moves the book over time.',
  })
  tierDistributionOverTime(
    @CurrentCaller() caller: Caller,
    @DateArg('from', { nullable: true }) from?: string | null,
    @DateArg('to', { nullable: true }) to?: string | null,
  ): Promise<TieringRunRecord[]> {
    return this.runs.distributionOverTime(caller, from, to);
  }
}
