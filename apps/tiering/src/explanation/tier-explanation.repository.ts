import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { trailingMonths, type Tier } from '@gap/tiering/domain';
import type { MonthlyValueInput, TierHistoryEntry } from './tier-explanation.types.js';

export interface LatestRun {
  readonly id: string;
  readonly resultsOf: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly accounts: number;
}

export interface ResultRow {
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
  rank: string | null;
  shareAbove: number | null;
  ownTier: Tier;
  groupValue: number | null;
  groupTier: Tier | null;
  groupShare: number | null;
  groupRank: string | null;
  groupSize: number | null;
  previousTier: Tier | null;
  tier: Tier;
  floored: boolean;
  held: boolean;
  lines: number | null;
  score: number | null;
  ranked: boolean | null;
}

export interface TierInForceRow {
  readonly tier: Tier;
  readonly computedTier: Tier | null;
  readonly reason: string;
  readonly policyVersion: string;
  readonly effectiveFrom: string;
}

const RESULT_COLUMNS = `group_account_id AS "groupAccountId", group_head_id AS "groupHeadId", revenue, cost,
  complaints, tenure_years AS "tenureYears", current_value AS "currentValue", retention,
  lifetime_value AS "lifetimeValue", wallet, cluster_bonus AS "clusterBonus",
  potential_value AS "potentialValue", segment, rank, share_above AS "shareAbove",
  own_tier AS "ownTier", group_value AS "groupValue", group_tier AS "groupTier",
  group_share AS "groupShare", group_rank AS "groupRank", group_size AS "groupSize",
  previous_tier AS "previousTier", tier, floored, held, lines, score, ranked`;

/** What an explanation reads: the last applied run, its results, tiers, history, inputs. */
@Injectable()
export class TierExplanationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async latestAppliedRun(): Promise<LatestRun | null> {
    const [run] = await this.dataSource.query<LatestRun[]>(
      `SELECT id, results_of AS "resultsOf", policy_version AS "policyVersion",
              to_char(as_of, 'YYYY-MM') AS "asOf", coalesce((distribution ->> 'accounts')::int, 0) AS accounts
         FROM tiering.tiering_run WHERE status = 'APPLIED' ORDER BY applied_at DESC LIMIT 1`,
    );
    return run ?? null;
  }

  findValues(resultsOf: string, accountIds: readonly string[]) {
    return this.dataSource.query<
      { id: string; current: number; potential: number; lifetime: number; segment: string }[]
    >(
      `SELECT group_account_id AS id, current_value AS current, potential_value AS potential,
              lifetime_value AS lifetime, segment
         FROM tiering.tiering_run_result WHERE run_id = $1 AND group_account_id = ANY($2::uuid[])`,
      [resultsOf, accountIds],
    );
  }

  findHistory(accountIds: readonly string[], last: number) {
    return this.dataSource.query<(TierHistoryEntry & { groupAccountId: string })[]>(
      `SELECT h.group_account_id AS "groupAccountId", h.tier, h.previous_tier AS "previousTier",
              h.segment, h.previous_segment AS "previousSegment", h.reason,
              h.policy_version AS "policyVersion", h.run_id AS "runId", h.override_id AS "overrideId",
              to_char(h.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", h.recorded_at AS "recordedAt"
         FROM unnest($1::uuid[]) a (id)
         CROSS JOIN LATERAL (
           SELECT * FROM tiering.tier_history WHERE group_account_id = a.id
            ORDER BY effective_from DESC, id DESC LIMIT $2) h`,
      [accountIds, last],
    );
  }

  async findTierInForce(accountId: string): Promise<TierInForceRow | null> {
    const [current] = await this.dataSource.query<TierInForceRow[]>(
      `SELECT tier, computed_tier AS "computedTier", reason, policy_version AS "policyVersion",
              to_char(effective_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "effectiveFrom"
         FROM tiering.account_tier WHERE group_account_id = $1`,
      [accountId],
    );
    return current ?? null;
  }

  async findResult(resultsOf: string, accountId: string): Promise<ResultRow | null> {
    const [result] = await this.dataSource.query<ResultRow[]>(
      `SELECT ${RESULT_COLUMNS} FROM tiering.tiering_run_result WHERE run_id = $1 AND group_account_id = $2`,
      [resultsOf, accountId],
    );
    return result ?? null;
  }

  async findProfile(
    accountId: string,
  ): Promise<{ employees: number | null; industryCode: string; status: string } | null> {
    const [profile] = await this.dataSource.query<
      { employees: number | null; industryCode: string; status: string }[]
    >(
      `SELECT employees, industry_code AS "industryCode", status
         FROM tiering.account_profile WHERE group_account_id = $1`,
      [accountId],
    );
    return profile ?? null;
  }

  /** The account's months of the trailing year as loaded now, oldest first. */
  findMonths(accountId: string, asOf: string): Promise<MonthlyValueInput[]> {
    return this.dataSource.query<MonthlyValueInput[]>(
      `SELECT to_char(month, 'YYYY-MM') AS month,
              (revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line + revenue_broadband
               + revenue_group_short_number + revenue_cloud + revenue_iot + revenue_other)::float8 AS revenue,
              (cost_commission + cost_marketing + cost_operating)::float8 AS cost, lines, complaints
         FROM tiering.value_input
        WHERE group_account_id = $1 AND month = ANY($2::date[])
        ORDER BY month`,
      [accountId, trailingMonths(asOf).map((m) => `${m}-01`)],
    );
  }

  /**
   * The monthly recurring revenue of the account's subscriptions active on `today` (started, not
   * past their last day), each at the amount in force that day: a change effective later still
   * counts its previous amount. Whole fen, as a string.
   */
  async findContractedMonthlyRecurring(accountId: string, today: string): Promise<string> {
    const [row] = await this.dataSource.query<{ fen: string }[]>(
      `SELECT coalesce(sum(CASE WHEN amount_from <= $2::date THEN monthly_net_fen
                                ELSE coalesce(previous_monthly_net_fen, monthly_net_fen) END), 0)::text AS fen
         FROM tiering.subscription_revenue
        WHERE group_account_id = $1 AND starts_on <= $2::date
          AND (ends_on IS NULL OR ends_on >= $2::date)`,
      [accountId, today],
    );
    return row?.fen ?? '0';
  }
}
