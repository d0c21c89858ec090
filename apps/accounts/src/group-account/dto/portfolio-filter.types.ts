import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  PORTFOLIO_HANDOVER_STATES,
  PORTFOLIO_SEGMENTS,
  PORTFOLIO_TIERS,
  TIER_CHANGES,
} from '@gap/accounts/domain';
import { IsInt, IsOptional } from 'class-validator';
import { FenScalar } from '@gap/graphql';
import { enumOf } from './group-account.type.js';

// The portfolio's vocabulary as the account list filters by it: the tiering and managers
// services own these facts; the accounts service keeps them in its read model (ADR 10).
export const TierEnum = enumOf(PORTFOLIO_TIERS);
registerEnumType(TierEnum, {
  name: 'Tier',
  description: 'A/B/C: a Pareto cut over customer value (A holds most of the value).',
});
export const ValueSegmentEnum = enumOf(PORTFOLIO_SEGMENTS);
registerEnumType(ValueSegmentEnum, {
  name: 'ValueSegment',
  description:
    'Current × potential value: VALUE (both high), SECONDARY_VALUE (current high), POTENTIAL_VALUE (potential high), LOW_VALUE.',
});
export const TierChangeEnum = enumOf(TIER_CHANGES);
registerEnumType(TierChangeEnum, {
  name: 'TierChange',
  description: 'How the last applied tiering run moved an account’s tier in force.',
});
export const PortfolioHandoverStateEnum = enumOf(PORTFOLIO_HANDOVER_STATES);
registerEnumType(PortfolioHandoverStateEnum, {
  name: 'PortfolioHandoverState',
  description: 'An account’s open handover: PLANNED, SHADOWING, OVERDUE, or NONE.',
});

@InputType({ description: 'Bounds in fen, both included; either may be left out.' })
export class FenRange {
  // The Fen scalar has parsed and bounded the amounts by now.
  @Field(() => FenScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  min?: number;

  @Field(() => FenScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  max?: number;
}

@ObjectType({ description: 'How many accounts of the answer have one value of a facet.' })
export class FacetCount {
  @Field(() => String, {
    nullable: true,
    description: 'The value (a tier, a segment, a region code, a status); null: not known yet.',
  })
  value!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description:
    'The shape of the whole answer (every page together): counts by tier, segment, region and status. Regions one level below the filter’s: provinces, then cities, then districts.',
})
export class PortfolioFacets {
  @Field(() => Int) total!: number;
  @Field(() => [FacetCount]) tiers!: FacetCount[];
  @Field(() => [FacetCount]) segments!: FacetCount[];
  @Field(() => [FacetCount]) regions!: FacetCount[];
  @Field(() => [FacetCount]) statuses!: FacetCount[];
}

@ObjectType({
  description:
    'How fresh the portfolio read model is: tiers, values, managers and handovers come from the other services’ events.',
})
export class PortfolioFreshness {
  @Field(() => Date, {
    nullable: true,
    description: 'When the newest event the model has applied happened.',
  })
  asOf!: Date | null;
  @Field({ description: 'Seconds that event took to reach the model.' })
  lagSeconds!: number;
}

@ObjectType({ description: 'How many accounts of a group hold one tier.' })
export class TierCount {
  @Field(() => TierEnum, { nullable: true, description: 'Null: not tiered yet.' })
  tier!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description:
    'An account and everything below it in its group (the caller sees): a group head shows its whole group.',
})
export class GroupRollup {
  @Field(() => Int, { description: 'Accounts, this one included.' }) members!: number;
  @Field(() => FenScalar, { description: 'Their current values summed.' }) currentValue!: string;
  @Field(() => FenScalar, { description: 'Their potential values summed.' })
  potentialValue!: string;
  @Field(() => [TierCount]) tiers!: TierCount[];
}
