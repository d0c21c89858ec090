import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { todayInChina, type CalendarDate } from '@gap/calendar';
import {
  TIERING_PERMISSIONS,
  cuts,
  explainUnvaluedTier,
  explainValuedTier,
  type TierReason,
} from '@gap/tiering/domain';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { TieringPolicyRepository } from '../value/tiering-policy.repository.js';
import { AccountVisibility } from '../visibility/account-visibility.repository.js';
import { TierExplanationErrors } from './tier-explanation.errors.js';
import { TierExplanationRepository } from './tier-explanation.repository.js';
import type {
  AccountValueType,
  TierExplanationType,
  TierHistoryEntry,
} from './tier-explanation.types.js';

/** An explanation as data: its reasons are rendered at the edge in the caller's language. */
export type TierExplanationData = Omit<TierExplanationType, 'summary' | 'reasons'> & {
  readonly reasonData: readonly TierReason[];
};

/**
 * What the tiering service tells about one account: its value as of the last applied run, the
 * history of its tiers, and why it has its tier, with every input and component, each weight of
 * the score, its place on the value curve, the boundary it was compared with, and whether a
 * floor, hysteresis or an override decided it.
 */
@Injectable()
export class TierExplanationService {
  constructor(
    private readonly explanations: TierExplanationRepository,
    private readonly policies: TieringPolicyRepository,
    private readonly overrides: TierOverrideService,
    private readonly visibility: AccountVisibility,
  ) {}

  async valuesOf(
    caller: Caller,
    accountIds: readonly string[],
    operation: 'GroupAccount.value' | 'GroupAccount.valueSegment' = 'GroupAccount.value',
  ): Promise<Map<string, AccountValueType>> {
    authorize(TIERING_PERMISSIONS, operation, caller);
    const visible = [...(await this.visibility.visible(caller, accountIds))];
    const run = await this.explanations.latestAppliedRun();
    if (!run) return new Map();
    const rows = await this.explanations.findValues(run.resultsOf, visible);
    return new Map(rows.map((r) => [r.id, { ...r, asOf: run.asOf, runId: run.id }]));
  }

  async historyOf(
    caller: Caller,
    accountIds: readonly string[],
    last: number,
  ): Promise<Map<string, TierHistoryEntry[]>> {
    authorize(TIERING_PERMISSIONS, 'GroupAccount.tierHistory', caller);
    const visible = [...(await this.visibility.visible(caller, accountIds))];
    const rows = await this.explanations.findHistory(visible, Math.min(Math.max(last, 1), 100));
    const byAccount = new Map<string, TierHistoryEntry[]>();
    for (const { groupAccountId, ...entry } of rows) {
      byAccount.set(groupAccountId, [...(byAccount.get(groupAccountId) ?? []), entry]);
    }
    return byAccount;
  }

  async explain(
    caller: Caller,
    accountId: string,
    operation: 'tierExplanation' | 'GroupAccount.tierExplanation' = 'tierExplanation',
    today: CalendarDate = todayInChina(),
  ): Promise<TierExplanationData> {
    authorize(TIERING_PERMISSIONS, operation, caller);
    await this.visibility.assertVisible(caller, accountId, 'groupAccountId');
    const current = await this.explanations.findTierInForce(accountId);
    if (!current) throw TierExplanationErrors.unknownAccount(accountId);
    const override =
      (await this.overrides.inForceOn(caller, [accountId], operation)).get(accountId) ?? null;
    const run = await this.explanations.latestAppliedRun();
    const result = run ? await this.explanations.findResult(run.resultsOf, accountId) : null;
    const base = {
      groupAccountId: accountId,
      tier: current.tier,
      computedTier: current.computedTier,
      effectiveFrom: current.effectiveFrom,
      override,
      // Beside the billed revenue, never in the value: what is billed is already counted there.
      contractedMonthlyRecurringRevenue: await this.explanations.findContractedMonthlyRecurring(
        accountId,
        today,
      ),
    };
    if (!run || !result) {
      const decidedBy = override ? 'OVERRIDE' : current.reason;
      return {
        ...base,
        decidedBy,
        policyVersion: current.policyVersion,
        runId: null,
        asOf: null,
        inputs: null,
        components: null,
        placement: null,
        group: null,
        hysteresis: null,
        reasonData: explainUnvaluedTier(current.tier, decidedBy, current.policyVersion, override),
      };
    }
    const policy = await this.policies.byVersion(run.policyVersion);
    const profile = await this.explanations.findProfile(accountId);
    const months = await this.explanations.findMonths(accountId, run.asOf);
    const ranked = result.ranked ?? true;
    // A head of a group of several is tiered on the group's score; a lone account is its own group.
    const asGroup =
      ranked && result.groupAccountId === result.groupHeadId && (result.groupSize ?? 0) > 1;
    const decidedBy = override
      ? 'OVERRIDE'
      : result.held
        ? 'HYSTERESIS'
        : result.floored
          ? 'GROUP_FLOOR'
          : ranked
            ? 'PARETO'
            : 'NOT_RANKED';
    const { aCut, bCut } = cuts(policy);
    const score = result.score ?? result.lifetimeValue;
    const placedTier = (asGroup ? result.groupTier : result.ownTier) ?? result.ownTier;
    const shareAbove = asGroup ? result.groupShare : result.shareAbove;
    const walletPerEmployee =
      policy.walletPerEmployee[profile?.industryCode ?? ''] ?? policy.defaultWalletPerEmployee;
    const reasonData = explainValuedTier({
      tier: current.tier,
      decidedBy,
      policyVersion: run.policyVersion,
      asOf: run.asOf,
      status: profile?.status ?? 'ACTIVE',
      ranked,
      revenue: result.revenue,
      cost: result.cost,
      current: result.currentValue,
      retention: result.retention,
      horizonYears: policy.horizonYears,
      discountRate: policy.discountRate,
      lifetime: result.lifetimeValue,
      employees: profile?.employees ?? 0,
      walletPerEmployee,
      lines: result.lines ?? 0,
      walletPerLine: policy.walletPerLine,
      wallet: result.wallet,
      clusterBonus: result.clusterBonus,
      potential: result.potentialValue,
      weights: policy.scoreWeights,
      score,
      rank: result.rank === null ? null : Number(result.rank),
      accountsRanked: run.accounts,
      shareAbove,
      aCut,
      bCut,
      placedTier,
      asGroup,
      groupScore: result.groupValue,
      groupTier: result.groupTier,
      floored: result.floored,
      computedTier: current.computedTier,
      previousTier: result.previousTier,
      margin: policy.hysteresisMargin,
      held: result.held,
      segment: result.segment,
      segmentThresholdCurrent: policy.segmentThresholds.current,
      segmentThresholdPotential: policy.segmentThresholds.potential,
      override,
    });
    return {
      ...base,
      decidedBy,
      policyVersion: run.policyVersion,
      runId: run.id,
      asOf: run.asOf,
      inputs: {
        months,
        revenue: result.revenue,
        cost: result.cost,
        complaints: result.complaints,
        tenureYears: result.tenureYears,
        employees: profile?.employees ?? null,
        industryCode: profile?.industryCode ?? null,
      },
      components: {
        currentValue: result.currentValue,
        retention: result.retention,
        discountRate: policy.discountRate,
        horizonYears: policy.horizonYears,
        lifetimeValue: result.lifetimeValue,
        walletPerEmployee,
        lines: result.lines ?? 0,
        walletPerLine: policy.walletPerLine,
        wallet: result.wallet,
        clusterBonus: result.clusterBonus,
        potentialValue: result.potentialValue,
        scoreWeightCurrent: policy.scoreWeights.current,
        scoreWeightPotential: policy.scoreWeights.potential,
        scoreWeightLifetime: policy.scoreWeights.lifetime,
        score,
        segment: result.segment,
        segmentThresholdCurrent: policy.segmentThresholds.current,
        segmentThresholdPotential: policy.segmentThresholds.potential,
      },
      placement: {
        score: asGroup ? (result.groupValue ?? score) : score,
        rank: Number((asGroup ? result.groupRank : result.rank) ?? 0),
        accountsRanked: run.accounts,
        shareAbove: shareAbove ?? 1,
        boundaryA: aCut,
        boundaryB: bCut,
        tier: placedTier,
        asGroup,
        ranked,
      },
      group: {
        headId: result.groupHeadId,
        groupValue: result.groupValue ?? 0,
        groupTier: result.groupTier ?? 'C',
        floored: result.floored,
      },
      hysteresis: {
        previousTier: result.previousTier,
        margin: policy.hysteresisMargin,
        held: result.held,
      },
      reasonData,
    };
  }
}
