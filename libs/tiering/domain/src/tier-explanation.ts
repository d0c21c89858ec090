import { reason, type Reason } from '@gap/i18n';
import type { ScoreWeights } from './policy.js';
import type { Tier } from './tier.js';

export const TIER_REASON_CODES = [
  'TIER_DECIDED',
  'NOT_YET_VALUED',
  'NOT_RANKED',
  'MARGIN',
  'LIFETIME',
  'POTENTIAL',
  'SCORE',
  'PLACED',
  'PLACED_AS_GROUP',
  'NO_POSITIVE_VALUE',
  'GROUP_FLOOR',
  'HYSTERESIS',
  'SEGMENT',
  'OVERRIDE',
] as const;
export type TierReasonCode = (typeof TIER_REASON_CODES)[number];
export type TierReason = Reason<TierReasonCode>;

/** What decided a tier in force, most specific first. */
export type TierDecider =
  'OVERRIDE' | 'HYSTERESIS' | 'GROUP_FLOOR' | 'NOT_RANKED' | 'PARETO' | (string & {});

export interface OverrideFacts {
  readonly tier: Tier;
  readonly setBy: string;
  readonly validUntil: string;
  readonly reason: string;
}

/** Everything a run computed for one account, and the policy numbers it used. */
export interface ValuedTierFacts {
  readonly tier: Tier;
  readonly decidedBy: TierDecider;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly status: string;
  readonly ranked: boolean;
  readonly revenue: number;
  readonly cost: number;
  readonly current: number;
  readonly retention: number;
  readonly horizonYears: number;
  readonly discountRate: number;
  readonly lifetime: number;
  readonly employees: number;
  readonly walletPerEmployee: number;
  readonly lines: number;
  readonly walletPerLine: number;
  readonly wallet: number;
  readonly clusterBonus: number;
  readonly potential: number;
  readonly weights: ScoreWeights;
  readonly score: number;
  readonly rank: number | null;
  readonly accountsRanked: number;
  readonly shareAbove: number | null;
  readonly aCut: number;
  readonly bCut: number;
  readonly placedTier: Tier;
  readonly asGroup: boolean;
  readonly groupScore: number | null;
  readonly groupTier: Tier | null;
  readonly floored: boolean;
  readonly computedTier: Tier | null;
  readonly previousTier: Tier | null;
  readonly margin: number;
  readonly held: boolean;
  readonly segment: string;
  readonly segmentThresholdCurrent: number;
  readonly segmentThresholdPotential: number;
  readonly override: OverrideFacts | null;
}

const overrideReason = (o: OverrideFacts): TierReason =>
  reason('OVERRIDE', { tier: o.tier, setBy: o.setBy, validUntil: o.validUntil, reason: o.reason });

/** Why an account no run has valued yet has its tier. */
export function explainUnvaluedTier(
  tier: Tier,
  decidedBy: TierDecider,
  policyVersion: string,
  override: OverrideFacts | null,
): TierReason[] {
  return [
    reason('NOT_YET_VALUED', { tier, decidedBy, policyVersion }),
    ...(override ? [overrideReason(override)] : []),
  ];
}

/**
 * Why an account has its tier, as reasons with their figures: the inputs that made the value,
 * each weight of the score, the place on the curve and the boundary, then floor, hysteresis,
 * segment and override. The edge renders them in the caller's language.
 */
export function explainValuedTier(f: ValuedTierFacts): TierReason[] {
  const reasons: TierReason[] = [
    reason('TIER_DECIDED', {
      tier: f.tier,
      decidedBy: f.decidedBy,
      policyVersion: f.policyVersion,
      asOf: f.asOf,
    }),
    reason('MARGIN', { revenue: f.revenue, cost: f.cost, current: f.current }),
    reason('LIFETIME', {
      retention: f.retention,
      horizonYears: f.horizonYears,
      discountRate: f.discountRate,
      lifetime: f.lifetime,
    }),
    reason('POTENTIAL', {
      employees: f.employees,
      walletPerEmployee: f.walletPerEmployee,
      lines: f.lines,
      walletPerLine: f.walletPerLine,
      wallet: f.wallet,
      revenue: f.revenue,
      clusterBonus: f.clusterBonus,
      potential: f.potential,
    }),
    reason('SCORE', {
      current: f.current,
      potential: f.potential,
      lifetime: f.lifetime,
      weightCurrent: f.weights.current,
      weightPotential: f.weights.potential,
      weightLifetime: f.weights.lifetime,
      score: f.score,
    }),
  ];
  if (!f.ranked) {
    reasons.push(reason('NOT_RANKED', { status: f.status, tier: f.tier }));
  } else if (f.asGroup) {
    reasons.push(
      reason('PLACED_AS_GROUP', {
        groupScore: f.groupScore,
        shareAbove: f.shareAbove,
        aCut: f.aCut,
        bCut: f.bCut,
        tier: f.placedTier,
      }),
    );
  } else if (f.score <= 0) {
    reasons.push(reason('NO_POSITIVE_VALUE', { score: f.score }));
  } else {
    reasons.push(
      reason('PLACED', {
        rank: f.rank,
        accountsRanked: f.accountsRanked,
        shareAbove: f.shareAbove,
        aCut: f.aCut,
        bCut: f.bCut,
        tier: f.placedTier,
      }),
    );
  }
  if (f.held) {
    reasons.push(
      reason('HYSTERESIS', { margin: f.margin, previousTier: f.previousTier, tier: f.placedTier }),
    );
  }
  if (f.floored) {
    reasons.push(reason('GROUP_FLOOR', { groupTier: f.groupTier, tier: f.computedTier ?? f.tier }));
  }
  reasons.push(
    reason('SEGMENT', {
      segment: f.segment,
      current: f.current,
      thresholdCurrent: f.segmentThresholdCurrent,
      potential: f.potential,
      thresholdPotential: f.segmentThresholdPotential,
    }),
  );
  if (f.override) reasons.push(overrideReason(f.override));
  return reasons;
}
