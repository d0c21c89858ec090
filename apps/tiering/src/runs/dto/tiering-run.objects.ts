import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyField } from '@gap/graphql';
import type { RunStatus } from '../tiering-run.types.js';

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
