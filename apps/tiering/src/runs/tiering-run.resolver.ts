import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { DateArg, MonthArg, PageSizeArg, TextArg, UuidArg } from '@gap/graphql';
import { AppliedTieringRun, TieringRunPreview, TieringRunType } from './dto/tiering-run.objects.js';
import { ApplyTieringRunService } from './apply-tiering-run.service.js';
import { ReadTieringRunsService } from './read-tiering-runs.service.js';
import { StartTieringRunService } from './start-tiering-run.service.js';
import type { AppliedRun, RunPreview, TieringRunRecord } from './tiering-run.types.js';

@Resolver()
export class TieringRunResolver {
  constructor(
    private readonly start: StartTieringRunService,
    private readonly applying: ApplyTieringRunService,
    private readonly runs: ReadTieringRunsService,
  ) {}

  @Mutation(() => TieringRunPreview, {
    description:
      'Computes every account’s value and tier as of a month (YYYY-MM) with the current policy or a named one, and keeps the result for inspection (admins).',
  })
  previewTieringRun(
    @CurrentCaller() caller: Caller,
    @MonthArg('asOf') asOf: string,
    @TextArg('policyVersion', { maxLength: 40 }, { nullable: true }) policyVersion?: string | null,
  ): Promise<RunPreview> {
    return this.start.preview(caller, asOf, policyVersion ?? undefined);
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
    return this.applying.apply(caller, runId, effectiveFrom);
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
