import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MoneyField } from '@gap/graphql';
import type { Tier } from '@gap/tiering/domain';
import { TierEnum } from '../tier.type.js';
import { TierOverrideType } from '../overrides/tier-override.types.js';

/*
 * The value model computes in yuan (doubles); every amount leaves the service as whole fen
 * (MoneyField), rounded once by the rule of yuanToFen.
 */

@ObjectType('AccountValue', {
  description: 'An account’s value as of the last applied tiering run, in fen.',
})
export class AccountValueType {
  @MoneyField({
    holds: 'yuan',
    description: 'Trailing 12-month margin: revenue less cost to serve.',
  })
  current!: number;
  @MoneyField({
    holds: 'yuan',
    description:
      'Wallet (industry spend per employee × employees) not yet won, plus the cluster share of a leader.',
  })
  potential!: number;
  @MoneyField({
    holds: 'yuan',
    description: 'Discounted margin over the policy horizon, with retention.',
  })
  lifetime!: number;
  @Field() segment!: string;
  @Field({ description: 'The month the value was computed as of (YYYY-MM).' }) asOf!: string;
  @Field(() => ID) runId!: string;
}

@ObjectType()
export class TierHistoryEntry {
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => TierEnum, { nullable: true }) previousTier!: Tier | null;
  @Field(() => String, { nullable: true }) segment!: string | null;
  @Field(() => String, { nullable: true }) previousSegment!: string | null;
  @Field({
    description:
      'PARETO, GROUP_FLOOR, HYSTERESIS, OVERRIDE, OVERRIDE_EXPIRED, OVERRIDE_REVOKED, or VALUE_SEGMENT (the segment alone changed).',
  })
  reason!: string;
  @Field() policyVersion!: string;
  @Field(() => ID, { nullable: true }) runId!: string | null;
  @Field(() => ID, { nullable: true }) overrideId!: string | null;
  @Field() effectiveFrom!: string;
  @Field() recordedAt!: Date;
}

@ObjectType()
export class MonthlyValueInput {
  @Field() month!: string;
  @MoneyField({ holds: 'yuan' }) revenue!: number;
  @MoneyField({ holds: 'yuan' }) cost!: number;
  @Field(() => Int) lines!: number;
  @Field(() => Int) complaints!: number;
}

@ObjectType('ValueInputs', {
  description: 'What went into the value: the bills of the trailing year and the profile.',
})
export class ValueInputsType {
  @Field(() => [MonthlyValueInput], {
    description: 'The months of the trailing year as loaded now, oldest first.',
  })
  months!: MonthlyValueInput[];
  @MoneyField({
    holds: 'yuan',
    description: 'Revenue over the trailing year, as the run summed it.',
  })
  revenue!: number;
  @MoneyField({ holds: 'yuan' }) cost!: number;
  @Field(() => Int) complaints!: number;
  @Field(() => Int) tenureYears!: number;
  @Field(() => Int, { nullable: true }) employees!: number | null;
  @Field(() => String, { nullable: true }) industryCode!: string | null;
}

@ObjectType('ValueComponents', {
  description: 'Each component of the value and the numbers of the policy it used.',
})
export class ValueComponentsType {
  @MoneyField({ holds: 'yuan' }) currentValue!: number;
  @Field(() => Float) retention!: number;
  @Field(() => Float) discountRate!: number;
  @Field(() => Int) horizonYears!: number;
  @MoneyField({ holds: 'yuan' }) lifetimeValue!: number;
  @MoneyField({ holds: 'yuan' }) walletPerEmployee!: number;
  @Field(() => Int, { description: 'Lines in service in the latest month of the trailing year.' })
  lines!: number;
  @MoneyField({ holds: 'yuan', description: 'Yearly spend one line could make.' })
  walletPerLine!: number;
  @MoneyField({ holds: 'yuan', description: 'The larger of employees’ and lines’ wallets.' })
  wallet!: number;
  @MoneyField({ holds: 'yuan' }) clusterBonus!: number;
  @MoneyField({ holds: 'yuan' }) potentialValue!: number;
  @Field(() => Float, { description: 'Weight of current value in the score (policy).' })
  scoreWeightCurrent!: number;
  @Field(() => Float, { description: 'Weight of potential value in the score (policy).' })
  scoreWeightPotential!: number;
  @Field(() => Float, { description: 'Weight of lifetime value in the score (policy).' })
  scoreWeightLifetime!: number;
  @MoneyField({
    holds: 'yuan',
    description: 'The score ranked: the weighted sum of current, potential and lifetime value.',
  })
  score!: number;
  @Field() segment!: string;
  @MoneyField({ holds: 'yuan' }) segmentThresholdCurrent!: number;
  @MoneyField({ holds: 'yuan' }) segmentThresholdPotential!: number;
}

@ObjectType('ParetoPlacement', {
  description: 'Where the account (or its group) sits on the book’s value curve.',
})
export class ParetoPlacementType {
  @MoneyField({
    holds: 'yuan',
    description: 'The score placed: the account’s weighted score, or its group’s for a group head.',
  })
  score!: number;
  @Field(() => Int) rank!: number;
  @Field(() => Int) accountsRanked!: number;
  @Field(() => Float, { description: 'Share of the book’s value held by accounts above it.' })
  shareAbove!: number;
  @Field(() => Float, { description: 'A while the share above is below this.' }) boundaryA!: number;
  @Field(() => Float, { description: 'B while below this (A + B), C from here on.' })
  boundaryB!: number;
  @Field(() => TierEnum) tier!: Tier;
  @Field({
    description: 'True when the account heads its group and is tiered on the group’s value.',
  })
  asGroup!: boolean;
  @Field({
    description: 'False for prospects and churned accounts: they take no part in the cut (C).',
  })
  ranked!: boolean;
}

@ObjectType('GroupPlacement')
export class GroupPlacementType {
  @Field(() => ID) headId!: string;
  @MoneyField({ holds: 'yuan' }) groupValue!: number;
  @Field(() => TierEnum) groupTier!: Tier;
  @Field({ description: 'True when the group’s floor lifted the account above its own tier.' })
  floored!: boolean;
}

@ObjectType('Hysteresis')
export class HysteresisType {
  @Field(() => TierEnum, { nullable: true }) previousTier!: Tier | null;
  @Field(() => Float) margin!: number;
  @Field({ description: 'True when the account kept its previous tier near a boundary.' })
  held!: boolean;
}

@ObjectType('TierReason', { description: 'One reason of an explanation, as data and as text.' })
export class TierReasonType {
  @Field({ description: 'TIER_DECIDED, MARGIN, LIFETIME, POTENTIAL, SCORE, PLACED, …' })
  code!: string;
  @Field({ description: 'The reason in the caller’s language (Accept-Language; zh-CN default).' })
  text!: string;
  @Field({ description: 'Its figures (value, weights, cut, share…), as a JSON object.' })
  figures!: string;
}

@ObjectType('TierExplanation', {
  description: 'Why an account has its tier: enough for a manager to tell the customer.',
})
export class TierExplanationType {
  @Field(() => ID) groupAccountId!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field({
    description:
      'What decided it: PARETO, GROUP_FLOOR, HYSTERESIS, OVERRIDE, or the first tier of a new account.',
  })
  decidedBy!: string;
  @Field(() => TierEnum, { nullable: true, description: 'The tier the last run computed.' })
  computedTier!: Tier | null;
  @Field() policyVersion!: string;
  @Field(() => ID, { nullable: true }) runId!: string | null;
  @Field(() => String, { nullable: true }) asOf!: string | null;
  @Field() effectiveFrom!: string;
  @Field(() => ValueInputsType, { nullable: true }) inputs!: ValueInputsType | null;
  @MoneyField({
    holds: 'fen',
    description:
      'Contracted monthly recurring revenue: the monthly amounts of the account’s subscriptions in the bundles service active today (China time), shown beside the billed revenue for information only. It is not part of the value, the score or the tier: billed revenue already includes what a subscription has billed, so adding it would count it twice.',
  })
  contractedMonthlyRecurringRevenue!: string;
  @Field(() => ValueComponentsType, { nullable: true }) components!: ValueComponentsType | null;
  @Field(() => ParetoPlacementType, { nullable: true }) placement!: ParetoPlacementType | null;
  @Field(() => GroupPlacementType, { nullable: true }) group!: GroupPlacementType | null;
  @Field(() => HysteresisType, { nullable: true }) hysteresis!: HysteresisType | null;
  @Field(() => TierOverrideType, { nullable: true }) override!: TierOverrideType | null;
  @Field(() => [TierReasonType], { description: 'Why, reason by reason, with the figures.' })
  reasons!: TierReasonType[];
  @Field({ description: 'The explanation in a few plain sentences, in the caller’s language.' })
  summary!: string;
}
