import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { trailingMonths, type Tier } from '@gap/tiering/domain';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { TieringPolicyService } from '../value/tiering-policy.service.js';
import { AccountVisibility } from '../visibility/account-visibility.js';
import type {
  AccountValueType,
  MonthlyValueInput,
  TierExplanationType,
  TierHistoryEntry,
} from './tier-explanation.types.js';

interface LatestRun {
  id: string;
  resultsOf: string;
  policyVersion: string;
  asOf: string;
  accounts: number;
}

interface ResultRow {
  groupAccountId: string;
  groupHeadId: string;
  revenue: number;
  cost: number;
  complaints: number;
  tenureYears: number;
  currentValue: number;
  retention: number;
  lifetimeValue: number;
  wallet: number;
  clusterBonus: number;
  potentialValue: number;
  segment: string;
  rank: string;
  shareAbove: number;
  ownTier: Tier;
  groupValue: number;
  groupTier: Tier;
  groupShare: number;
  groupRank: string;
  groupSize: number;
  previousTier: Tier | null;
  tier: Tier;
  floored: boolean;
  held: boolean;
}

const RESULT_COLUMNS = `group_account_id AS "groupAccountId", group_head_id AS "groupHeadId", revenue, cost,
  complaints, tenure_years AS "tenureYears", current_value AS "currentValue", retention,
  lifetime_value AS "lifetimeValue", wallet, cluster_bonus AS "clusterBonus",
  potential_value AS "potentialValue", segment, rank, share_above AS "shareAbove",
  own_tier AS "ownTier", group_value AS "groupValue", group_tier AS "groupTier",
  group_share AS "groupShare", group_rank AS "groupRank", group_size AS "groupSize",
  previous_tier AS "previousTier", tier, floored, held`;

const yuan = (x: number) => `¥${Math.round(x).toLocaleString('en')}`;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/**
 * What the tiering service tells about one account: its value as of the last applied run, the
 * history of its tiers, and why it has its tier, with every input and component, its place on
 * the value curve, the boundary it was compared with, and whether a floor, hysteresis or an
 * override decided it.
 */
@Injectable()
export class TierExplanationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: TieringPolicyService,
    private readonly overrides: TierOverrideService,
    private readonly visibility: AccountVisibility,
  ) {}

  async valuesOf(
    caller: Caller,
    accountIds: readonly string[],
  ): Promise<Map<string, AccountValueType>> {
    const visible = [...(await this.visibility.visible(caller, accountIds))];
    const run = await this.latestRun();
    if (!run) return new Map();
    const rows = await this.dataSource.query<
      { id: string; current: number; potential: number; lifetime: number; segment: string }[]
    >(
      `SELECT group_account_id AS id, current_value AS current, potential_value AS potential,
              lifetime_value AS lifetime, segment
         FROM tiering.tiering_run_result WHERE run_id = $1 AND group_account_id = ANY($2::uuid[])`,
      [run.resultsOf, visible],
    );
    return new Map(rows.map((r) => [r.id, { ...r, asOf: run.asOf, runId: run.id }]));
  }

  async historyOf(
    caller: Caller,
    accountIds: readonly string[],
    last: number,
  ): Promise<Map<string, TierHistoryEntry[]>> {
    const visible = [...(await this.visibility.visible(caller, accountIds))];
    const rows = await this.dataSource.query<(TierHistoryEntry & { groupAccountId: string })[]>(
      `SELECT h.group_account_id AS "groupAccountId", h.tier, h.previous_tier AS "previousTier",
              h.segment, h.previous_segment AS "previousSegment", h.reason,
              h.policy_version AS "policyVersion", h.run_id AS "runId", h.override_id AS "overrideId",
              to_char(h.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", h.recorded_at AS "recordedAt"
         FROM unnest($1::uuid[]) a (id)
         CROSS JOIN LATERAL (
           SELECT * FROM tiering.tier_history WHERE group_account_id = a.id
            ORDER BY effective_from DESC, id DESC LIMIT $2) h`,
      [visible, Math.min(Math.max(last, 1), 100)],
    );
    const byAccount = new Map<string, TierHistoryEntry[]>();
    for (const { groupAccountId, ...entry } of rows) {
      byAccount.set(groupAccountId, [...(byAccount.get(groupAccountId) ?? []), entry]);
    }
    return byAccount;
  }

  async explain(caller: Caller, accountId: string): Promise<TierExplanationType> {
    await this.visibility.assertVisible(caller, accountId, 'groupAccountId');
    const [current] = await this.dataSource.query<
      {
        tier: Tier;
        computedTier: Tier | null;
        reason: string;
        policyVersion: string;
        effectiveFrom: string;
      }[]
    >(
      `SELECT tier, computed_tier AS "computedTier", reason, policy_version AS "policyVersion",
              to_char(effective_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "effectiveFrom"
         FROM tiering.account_tier WHERE group_account_id = $1`,
      [accountId],
    );
    if (!current) {
      throw DomainError.notFound(
        'GROUP_ACCOUNT_NOT_FOUND',
        `No group account ${accountId} is known to tiering.`,
        'groupAccountId',
      );
    }
    const override = (await this.overrides.inForceOn(caller, [accountId])).get(accountId) ?? null;
    const run = await this.latestRun();
    const [result] = run
      ? await this.dataSource.query<ResultRow[]>(
          `SELECT ${RESULT_COLUMNS} FROM tiering.tiering_run_result WHERE run_id = $1 AND group_account_id = $2`,
          [run.resultsOf, accountId],
        )
      : [];
    const base = {
      groupAccountId: accountId,
      tier: current.tier,
      computedTier: current.computedTier,
      effectiveFrom: current.effectiveFrom,
      override,
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
        summary: [
          `Tier ${current.tier}: no tiering run has valued this account yet (${decidedBy}).`,
          ...(override ? [overrideSentence(override)] : []),
        ].join(' '),
      };
    }
    const policy = await this.policies.byVersion(run.policyVersion);
    const [profile] = await this.dataSource.query<
      { employees: number | null; industryCode: string }[]
    >(
      `SELECT employees, industry_code AS "industryCode" FROM tiering.account_profile WHERE group_account_id = $1`,
      [accountId],
    );
    const months = await this.dataSource.query<MonthlyValueInput[]>(
      `SELECT to_char(month, 'YYYY-MM') AS month,
              (revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line + revenue_broadband
               + revenue_group_short_number + revenue_cloud + revenue_iot + revenue_other)::float8 AS revenue,
              (cost_commission + cost_marketing + cost_operating)::float8 AS cost, lines, complaints
         FROM tiering.value_input
        WHERE group_account_id = $1 AND month = ANY($2::date[])
        ORDER BY month`,
      [accountId, trailingMonths(run.asOf).map((m) => `${m}-01`)],
    );
    // A head of a group of several is tiered on the group's value; a lone account is its own group.
    const asGroup = result.groupAccountId === result.groupHeadId && result.groupSize > 1;
    const decidedBy = override
      ? 'OVERRIDE'
      : result.held
        ? 'HYSTERESIS'
        : result.floored
          ? 'GROUP_FLOOR'
          : 'PARETO';
    const boundaryA = policy.cutoffs.A;
    const boundaryB = Math.round((policy.cutoffs.A + policy.cutoffs.B) * 1e9) / 1e9;
    const placedTier = asGroup ? result.groupTier : result.ownTier;
    const score = asGroup ? result.groupValue : result.lifetimeValue;
    const shareAbove = asGroup ? result.groupShare : result.shareAbove;
    const explanation: TierExplanationType = {
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
        walletPerEmployee:
          policy.walletPerEmployee[profile?.industryCode ?? ''] ?? policy.defaultWalletPerEmployee,
        wallet: result.wallet,
        clusterBonus: result.clusterBonus,
        potentialValue: result.potentialValue,
        segment: result.segment,
        segmentThresholdCurrent: policy.segmentThresholds.current,
        segmentThresholdPotential: policy.segmentThresholds.potential,
      },
      placement: {
        score,
        rank: Number(asGroup ? result.groupRank : result.rank),
        accountsRanked: run.accounts,
        shareAbove,
        boundaryA,
        boundaryB,
        tier: placedTier,
        asGroup,
      },
      group: {
        headId: result.groupHeadId,
        groupValue: result.groupValue,
        groupTier: result.groupTier,
        floored: result.floored,
      },
      hysteresis: {
        previousTier: result.previousTier,
        margin: policy.hysteresisMargin,
        held: result.held,
      },
      summary: '',
    };
    return { ...explanation, summary: summarise(explanation) };
  }

  private async latestRun(): Promise<LatestRun | null> {
    const [run] = await this.dataSource.query<LatestRun[]>(
      `SELECT id, results_of AS "resultsOf", policy_version AS "policyVersion",
              to_char(as_of, 'YYYY-MM') AS "asOf", coalesce((distribution ->> 'accounts')::int, 0) AS accounts
         FROM tiering.tiering_run WHERE status = 'APPLIED' ORDER BY applied_at DESC LIMIT 1`,
    );
    return run ?? null;
  }
}

function overrideSentence(o: {
  tier: Tier;
  setBy: string;
  validUntil: string;
  reason: string;
}): string {
  return `Set to ${o.tier} by ${o.setBy} until ${o.validUntil}: “${o.reason}”.`;
}

/** The explanation in plain sentences, as a manager would put it to the customer. */
function summarise(e: TierExplanationType): string {
  const c = e.components;
  const p = e.placement;
  const g = e.group;
  const h = e.hysteresis;
  if (!c || !p || !g || !h) return `Tier ${e.tier}.`;
  const sentences = [
    `Tier ${e.tier} (${e.decidedBy}, policy ${e.policyVersion}, as of ${e.asOf}).`,
    `Over the last 12 months the account brought ${yuan(e.inputs?.revenue ?? 0)} of revenue at a cost of ${yuan(e.inputs?.cost ?? 0)}: a margin of ${yuan(c.currentValue)}.`,
    `With a yearly retention of ${percent(c.retention)} over ${c.horizonYears} years discounted at ${percent(c.discountRate)}, its lifetime value is ${yuan(c.lifetimeValue)}.`,
  ];
  if (p.asGroup) {
    sentences.push(
      `It heads its group and is tiered on the group's value, ${yuan(g.groupValue)}: the accounts worth more hold ${percent(p.shareAbove)} of the book's value, against boundaries at ${percent(p.boundaryA)} for A and ${percent(p.boundaryB)} for B, which makes the group ${g.groupTier}.`,
    );
  } else if (p.score <= 0) {
    sentences.push('An account with no positive value is C.');
  } else {
    sentences.push(
      `It ranks ${p.rank.toLocaleString('en')} of ${p.accountsRanked.toLocaleString('en')}; the accounts above it hold ${percent(p.shareAbove)} of the book's value, against boundaries at ${percent(p.boundaryA)} for A and ${percent(p.boundaryB)} for B, which makes it ${p.tier} on its own.`,
    );
  }
  if (g.floored)
    sentences.push(`Its group is ${g.groupTier}, which lifts it to ${e.computedTier ?? e.tier}.`);
  if (h.held) {
    sentences.push(
      `It lies within ${percent(h.margin)} of the boundary it would cross, so it keeps its previous tier ${h.previousTier} (hysteresis).`,
    );
  }
  sentences.push(
    `Segment ${c.segment}: current value ${yuan(c.currentValue)} against ${yuan(c.segmentThresholdCurrent)}, potential ${yuan(c.potentialValue)} against ${yuan(c.segmentThresholdPotential)}.`,
  );
  if (e.override) sentences.push(`Overridden: ${overrideSentence(e.override)}`);
  return sentences.join(' ');
}
