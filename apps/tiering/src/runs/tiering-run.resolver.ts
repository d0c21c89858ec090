import { Args, Field, Float, ID, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { TieringRunService, type AppliedRun, type RunPreview } from './tiering-run.service.js';

@ObjectType()
export class TierRunSummary {
  @Field() tier!: string;
  @Field(() => Int) accounts!: number;
  @Field(() => Float, { description: 'Positive lifetime value in the tier, yuan.' }) value!: number;
  @Field(() => Float) valueShare!: number;
  @Field(() => Float, { description: 'Trailing 12-month revenue in the tier, yuan.' })
  revenue!: number;
  @Field(() => Float) revenueShare!: number;
  @Field(() => Int) movingUp!: number;
  @Field(() => Int) movingDown!: number;
}

@ObjectType({ description: 'What a tiering run proposes, before it is applied.' })
export class TieringRunPreview {
  @Field(() => ID) runId!: string;
  @Field() policyVersion!: string;
  @Field() asOf!: string;
  @Field(() => Int) accounts!: number;
  @Field(() => [TierRunSummary]) tiers!: TierRunSummary[];
  @Field(() => Float, { description: 'The 20/80 check: share of accounts in A.' })
  accountShareOfA!: number;
  @Field(() => Float, { description: 'The 20/80 check: share of value held by A.' })
  valueShareOfA!: number;
  @Field(() => Float) seconds!: number;
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
    @Args('asOf') asOf: string,
    @Args('policyVersion', { type: () => String, nullable: true }) policyVersion?: string | null,
  ): Promise<RunPreview> {
    return this.runs.preview(caller, asOf, policyVersion ?? undefined);
  }

  @Mutation(() => AppliedTieringRun, {
    description:
      'Makes a previewed run effective from a date (YYYY-MM-DD): new tiers, history, TierChanged for each change (admins).',
  })
  applyTieringRun(
    @CurrentCaller() caller: Caller,
    @Args('runId', { type: () => ID }) runId: string,
    @Args('effectiveFrom') effectiveFrom: string,
  ): Promise<AppliedRun> {
    return this.runs.apply(caller, runId, effectiveFrom);
  }
}
