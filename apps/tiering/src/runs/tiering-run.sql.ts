import { RANKED_STATUSES, SHARE_TOLERANCE, cuts, type TieringPolicy } from '@gap/tiering/domain';
import { namedParameters, type NamedParameters } from '../sql/named-parameters.js';

/**
 * What the run statement is given: the policy, flattened and named. Built from a policy by
 * `runParametersOf`, and bound by name (`namedParameters`).
 */
export interface RunParameters extends Record<string, unknown> {
  readonly runId: string;
  /** The first day of the month the run values as of. */
  readonly asOf: string;
  readonly horizonYears: number;
  readonly discountRate: number;
  readonly retentionBase: number;
  readonly retentionPerTenureYear: number;
  readonly retentionPerComplaint: number;
  readonly retentionMin: number;
  readonly retentionMax: number;
  /** Industry → yearly spend per employee, as JSON. */
  readonly walletPerEmployee: string;
  readonly defaultWalletPerEmployee: number;
  readonly walletPerLine: number;
  readonly clusterLeaderShare: number;
  readonly weightCurrent: number;
  readonly weightPotential: number;
  readonly weightLifetime: number;
  readonly segmentCurrent: number;
  readonly segmentPotential: number;
  /** The A/B and B/C boundaries (rounded as the domain rounds them), as exact decimals. */
  readonly aCut: string;
  readonly bCut: string;
  /** A share counts as below a boundary when it is below it by more than this. */
  readonly tolerance: number;
  readonly hysteresisMargin: number;
  readonly floorOfA: 'B' | 'C' | null;
  readonly floorOfB: 'C' | null;
  readonly rankedStatuses: string[];
}

/** The policy as the run statement's parameters. */
export function runParametersOf(runId: string, asOf: string, policy: TieringPolicy): RunParameters {
  const r = policy.retention;
  const { aCut, bCut } = cuts(policy);
  return {
    runId,
    asOf: `${asOf}-01`,
    horizonYears: policy.horizonYears,
    discountRate: policy.discountRate,
    retentionBase: r.base,
    retentionPerTenureYear: r.perTenureYear,
    retentionPerComplaint: r.perComplaint,
    retentionMin: r.min,
    retentionMax: r.max,
    walletPerEmployee: JSON.stringify(policy.walletPerEmployee),
    defaultWalletPerEmployee: policy.defaultWalletPerEmployee,
    walletPerLine: policy.walletPerLine,
    clusterLeaderShare: policy.clusterLeaderShare,
    weightCurrent: policy.scoreWeights.current,
    weightPotential: policy.scoreWeights.potential,
    weightLifetime: policy.scoreWeights.lifetime,
    segmentCurrent: policy.segmentThresholds.current,
    segmentPotential: policy.segmentThresholds.potential,
    aCut: String(aCut),
    bCut: String(bCut),
    tolerance: SHARE_TOLERANCE,
    hysteresisMargin: policy.hysteresisMargin,
    floorOfA: policy.groupFloor.A,
    floorOfB: policy.groupFloor.B,
    rankedStatuses: [...RANKED_STATUSES],
  };
}

/**
 * One tiering run over the whole book in one statement: the rule of `tierBook`
 * (libs/tiering/domain, book.ts) in set-based SQL, proven equal to it by a property-based test.
 * Value inputs summed per account over the trailing twelve months, the value model, the score,
 * the Pareto cut with window functions over the ranked accounts, groups placed on the same
 * curve, hysteresis and then the group floor. Never row by row.
 *
 * It is the SELECT of a `CREATE TABLE … AS`, which PostgreSQL may run in parallel (an INSERT …
 * SELECT it runs on one core): the table becomes the run's partition of tiering_run_result.
 * Money is summed exactly (in whole fen) and then valued in double precision, in the same
 * order of operations as the domain library, so that both give the same doubles.
 */
export function tieringRunStatement(parameters: RunParameters): {
  readonly text: string;
  readonly values: unknown[];
} {
  const bound: NamedParameters<RunParameters> = namedParameters(parameters);
  return { text: tieringRunSql(bound.ref), values: bound.values };
}

type Ref = NamedParameters<RunParameters>['ref'];

/** What an account row carries along the curve. */
const CURVE_COLUMNS =
  'id, head, ranked, revenue, cost, complaints, tenure, lines, current_value, retention, wallet, ' +
  'previous_tier, tier_in_force, lifetime_value, cluster_bonus, potential_value, score';

function tieringRunSql(p: Ref): string {
  const below = (cut: string) => `(${cut}::float8 - ${p.tolerance}::float8)`;
  return `
WITH inputs AS (
  -- Summed in whole fen, exactly: a bigint holds twelve months of the largest amounts a row
  -- takes (numeric(16, 2)), and two sums of numeric would hold a million large states at once
  -- and spill to disk. The lines are those of the latest month (the greatest [day, lines]).
  SELECT group_account_id,
         sum(((revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line + revenue_broadband
               + revenue_group_short_number + revenue_cloud + revenue_iot + revenue_other) * 100)::bigint)::bigint
           AS revenue_fen,
         sum(((cost_commission + cost_marketing + cost_operating) * 100)::bigint)::bigint AS cost_fen,
         sum(complaints)::int AS complaints,
         (max(ARRAY[month - date '2000-01-01', lines]))[2] AS lines
    FROM tiering.value_input
   WHERE month > (${p.asOf}::date - interval '12 months') AND month <= ${p.asOf}::date
   GROUP BY group_account_id
), valued AS (
  SELECT p.group_account_id AS id, p.group_head_id AS head,
         p.status = ANY(${p.rankedStatuses}::text[]) AS ranked,
         -- Fen to yuan in double precision: the division rounds once, as reading the decimal would.
         coalesce(i.revenue_fen, 0)::float8 / 100 AS revenue, coalesce(i.cost_fen, 0)::float8 / 100 AS cost,
         coalesce(i.complaints, 0) AS complaints, t.tenure, coalesce(i.lines, 0) AS lines,
         (coalesce(i.revenue_fen, 0) - coalesce(i.cost_fen, 0))::float8 / 100 AS current_value,
         least(${p.retentionMax}::float8, greatest(${p.retentionMin}::float8,
               ${p.retentionBase}::float8 + ${p.retentionPerTenureYear}::float8 * t.tenure
               - ${p.retentionPerComplaint}::float8 * coalesce(i.complaints, 0))) AS retention,
         greatest(coalesce((${p.walletPerEmployee}::jsonb ->> p.industry_code)::float8, ${p.defaultWalletPerEmployee}::float8)
                    * coalesce(p.employees, 0),
                  ${p.walletPerLine}::float8 * coalesce(i.lines, 0)) AS wallet,
         coalesce(prev.computed_tier, prev.tier) AS previous_tier, prev.tier AS tier_in_force
    FROM tiering.account_profile p
    LEFT JOIN inputs i USING (group_account_id)
    LEFT JOIN tiering.account_tier prev USING (group_account_id)
    CROSS JOIN LATERAL (
      SELECT CASE WHEN p.customer_since IS NULL THEN 0
                  ELSE greatest(0, ((date_part('year', ${p.asOf}::date) - date_part('year', p.customer_since)) * 12
                                    + date_part('month', ${p.asOf}::date) - date_part('month', p.customer_since))::int / 12)
             END AS tenure) t
), lifetimes AS (
  -- Discounted margin over the horizon: current × Σ q^t for t = 1 … n, q = retention / (1 + rate).
  SELECT v.*,
         v.current_value * CASE WHEN x.q = 1 THEN ${p.horizonYears}::int
                                ELSE x.q * (1 - power(x.q, ${p.horizonYears}::int)) / (1 - x.q) END AS lifetime_value
    FROM valued v, LATERAL (SELECT v.retention / (1 + ${p.discountRate}::float8) AS q) x
), cluster_value AS (
  SELECT leader.group_account_id AS id, sum(greatest(s.lifetime_value, 0)) AS value
    FROM tiering.cluster_membership leader
    JOIN tiering.cluster_membership member
      ON member.cluster_id = leader.cluster_id AND member.role = 'SUPPORTING'
    JOIN lifetimes s ON s.id = member.group_account_id
   WHERE leader.role = 'LEADER'
   GROUP BY leader.group_account_id
), potentials AS (
  SELECT l.*, ${p.clusterLeaderShare}::float8 * coalesce(c.value, 0) AS cluster_bonus,
         greatest(0, l.wallet - l.revenue) + ${p.clusterLeaderShare}::float8 * coalesce(c.value, 0) AS potential_value
    FROM lifetimes l
    LEFT JOIN cluster_value c ON c.id = l.id
), scored AS (
  -- The score: each face of value by its weight, in the domain's order of operations.
  SELECT x.*, ${p.weightCurrent}::float8 * x.current_value + ${p.weightPotential}::float8 * x.potential_value
              + ${p.weightLifetime}::float8 * x.lifetime_value AS score
    FROM potentials x
), groups AS (
  -- A group is the ranked members under one head; prospects and churned accounts weigh nothing.
  SELECT head, sum(score) AS group_value, count(*) AS group_size FROM scored WHERE ranked GROUP BY head
), curve AS (
  -- Ranked accounts make the value curve; groups and unranked accounts are placed on it
  -- without weighing in. Account rows carry their columns through, so nothing is joined back.
  SELECT ${CURVE_COLUMNS}, CASE WHEN ranked THEN 1 ELSE 0 END AS weight, false AS is_group,
         NULL::bigint AS group_size
    FROM scored
  UNION ALL
  SELECT ${CURVE_COLUMNS.split(', ')
    .map((column) => (column === 'head' ? 'head' : column === 'score' ? 'group_value' : 'NULL'))
    .join(', ')}, 0, true, group_size
    FROM groups
), placed AS (
  -- The value (and the number of ranked accounts) strictly above a score: the sum over the
  -- groups of peers before its own, in the one descending order. The frame only grows, so each
  -- sum is carried from row to row. (EXCLUDE GROUP would say it too, but recomputes the frame
  -- for every row: quadratic over a million accounts.)
  SELECT c.*,
         1 + coalesce(sum(weight) OVER above, 0) AS rank,
         coalesce(sum(weight * greatest(score, 0)) OVER above
                  / nullif(sum(weight * greatest(score, 0)) OVER (), 0), 0) AS share
    FROM curve c
  WINDOW above AS (ORDER BY score DESC GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), tiered AS (
  SELECT p.*,
         CASE WHEN score <= 0 THEN 'C' WHEN share < ${below(p.aCut)} THEN 'A'
              WHEN share < ${below(p.bCut)} THEN 'B' ELSE 'C' END AS own_tier
    FROM placed p
), with_group AS (
  -- Each group's place, handed to its members by a window over the group: one sort of the
  -- curve by group, where a self-join would keep the whole curve and read it twice.
  SELECT t.*,
         max(score) FILTER (WHERE is_group) OVER grp AS group_value,
         max(own_tier) FILTER (WHERE is_group) OVER grp AS group_tier,
         max(share) FILTER (WHERE is_group) OVER grp AS group_share,
         max(rank) FILTER (WHERE is_group) OVER grp AS group_rank,
         max(group_size) OVER grp AS group_members
    FROM tiered t
  WINDOW grp AS (PARTITION BY head)
), based AS (
  -- A head is tiered as its group, on the group's place; a member on its own.
  SELECT g.*,
         CASE WHEN g.id = g.head THEN g.group_tier ELSE g.own_tier END AS base_tier,
         CASE WHEN g.id = g.head THEN g.group_share ELSE g.share END AS base_share,
         CASE WHEN g.id = g.head THEN g.group_value ELSE g.score END AS base_score
    FROM with_group g
   WHERE NOT g.is_group AND g.ranked
), steady AS (
  -- Hysteresis: keep the previous tier when the move crosses one boundary by a hair.
  SELECT b.*,
         (b.previous_tier IS NOT NULL AND b.previous_tier <> b.base_tier AND b.base_score > 0
          AND least(b.previous_tier, b.base_tier) || greatest(b.previous_tier, b.base_tier) IN ('AB', 'BC')
          AND abs(b.base_share - CASE least(b.previous_tier, b.base_tier)
                                   WHEN 'A' THEN ${p.aCut}::float8 ELSE ${p.bCut}::float8 END)
              <= ${p.hysteresisMargin}::float8) AS kept
    FROM based b
), floored AS (
  -- Then the group floor, so that no tier held by hysteresis sinks below it.
  SELECT s.*, x.after_hysteresis,
         least(x.after_hysteresis,
               CASE s.group_tier WHEN 'A' THEN ${p.floorOfA}::text WHEN 'B' THEN ${p.floorOfB}::text END) AS final_tier
    FROM steady s,
         LATERAL (SELECT CASE WHEN s.kept THEN s.previous_tier ELSE s.base_tier END AS after_hysteresis) x
), decided AS (
  SELECT id, head, revenue, cost, complaints, tenure, lines, current_value, retention, lifetime_value,
         wallet, cluster_bonus, potential_value, score, true AS ranked, rank, share, own_tier,
         group_value, group_tier, group_share, group_rank, group_members, previous_tier, tier_in_force,
         final_tier AS tier, final_tier <> after_hysteresis AS floored,
         kept AND final_tier = after_hysteresis AS held
    FROM floored
  UNION ALL
  -- Prospects and churned accounts take no part in the cut: C, with no place on the curve.
  SELECT id, head, revenue, cost, complaints, tenure, lines, current_value, retention, lifetime_value,
         wallet, cluster_bonus, potential_value, score, false, NULL, NULL, 'C',
         group_value, group_tier, group_share, group_rank, group_members, previous_tier, tier_in_force,
         'C', false, false
    FROM with_group
   WHERE NOT is_group AND NOT ranked
)
SELECT ${p.runId}::uuid AS run_id, id AS group_account_id, head AS group_head_id, revenue, cost,
       complaints, tenure AS tenure_years, current_value, retention, lifetime_value, wallet,
       cluster_bonus, potential_value,
       CASE WHEN current_value >= ${p.segmentCurrent}::float8 THEN
              CASE WHEN potential_value >= ${p.segmentPotential}::float8 THEN 'VALUE' ELSE 'SECONDARY_VALUE' END
            ELSE CASE WHEN potential_value >= ${p.segmentPotential}::float8 THEN 'POTENTIAL_VALUE' ELSE 'LOW_VALUE' END
       END AS segment,
       rank::bigint AS rank, share AS share_above, own_tier::char(1) AS own_tier, group_value,
       group_tier::char(1) AS group_tier, group_share, group_rank::bigint AS group_rank,
       group_members::int AS group_size,
       previous_tier::char(1) AS previous_tier, tier_in_force::char(1) AS tier_in_force,
       tier::char(1) AS tier, floored, held, lines, score, ranked
  FROM decided`;
}
