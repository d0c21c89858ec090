/**
 * One tiering run over the whole book in one statement: value inputs summed per account over
 * the trailing twelve months, the value model, the Pareto cut with window functions, groups
 * placed on the same value curve, floors and hysteresis. Never row by row.
 *
 * It is the SELECT of a `CREATE TABLE … AS`, which PostgreSQL may run in parallel (an INSERT …
 * SELECT it runs on one core): the table becomes the run's partition of tiering_run_result.
 * Money is summed exactly (in whole fen) and then valued in double precision, as the domain
 * library does; the reference book checks both give the same numbers.
 *
 * Parameters: $1 run, $2 as-of month (first day), $3 horizon years, $4 discount rate,
 * $5..$9 retention (base, per tenure year, per complaint, min, max), $10 wallets (jsonb),
 * $11 default wallet, $12 cluster leader share, $13 / $14 segment thresholds (current,
 * potential), $15 A cut, $16 A + B cut, $17 hysteresis margin, $18 / $19 group floors (A, B).
 */
export const TIERING_RUN_SQL = `
WITH inputs AS (
  -- Summed in whole fen, exactly: a bigint holds twelve months of the largest amounts a row
  -- takes (numeric(16, 2)), and two sums of numeric would hold a million large states at once
  -- and spill to disk.
  SELECT group_account_id,
         sum(((revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line + revenue_broadband
               + revenue_group_short_number + revenue_cloud + revenue_iot + revenue_other) * 100)::bigint)::bigint
           AS revenue_fen,
         sum(((cost_commission + cost_marketing + cost_operating) * 100)::bigint)::bigint AS cost_fen,
         sum(complaints)::int AS complaints
    FROM tiering.value_input
   WHERE month > ($2::date - interval '12 months') AND month <= $2::date
   GROUP BY group_account_id
), valued AS (
  SELECT p.group_account_id AS id, p.group_head_id AS head,
         -- Fen to yuan in double precision: the division rounds once, as reading the decimal would.
         coalesce(i.revenue_fen, 0)::float8 / 100 AS revenue, coalesce(i.cost_fen, 0)::float8 / 100 AS cost,
         coalesce(i.complaints, 0) AS complaints, t.tenure,
         (coalesce(i.revenue_fen, 0) - coalesce(i.cost_fen, 0))::float8 / 100 AS current_value,
         least($9::float8, greatest($8::float8, $5::float8 + $6::float8 * t.tenure - $7::float8 * coalesce(i.complaints, 0))) AS retention,
         coalesce(($10::jsonb ->> p.industry_code)::float8, $11::float8) * coalesce(p.employees, 0) AS wallet,
         coalesce(prev.computed_tier, prev.tier) AS previous_tier, prev.tier AS tier_in_force
    FROM tiering.account_profile p
    LEFT JOIN inputs i USING (group_account_id)
    LEFT JOIN tiering.account_tier prev USING (group_account_id)
    CROSS JOIN LATERAL (
      SELECT CASE WHEN p.customer_since IS NULL THEN 0
                  ELSE greatest(0, ((date_part('year', $2::date) - date_part('year', p.customer_since)) * 12
                                    + date_part('month', $2::date) - date_part('month', p.customer_since))::int / 12)
             END AS tenure) t
), lifetimes AS (
  -- Discounted margin over the horizon: current × Σ q^t for t = 1 … n, q = retention / (1 + rate).
  SELECT v.*,
         v.current_value * CASE WHEN x.q = 1 THEN $3::int
                                ELSE x.q * (1 - power(x.q, $3::int)) / (1 - x.q) END AS lifetime_value
    FROM valued v, LATERAL (SELECT v.retention / (1 + $4::float8) AS q) x
), cluster_value AS (
  SELECT leader.group_account_id AS id, sum(greatest(s.lifetime_value, 0)) AS value
    FROM tiering.cluster_membership leader
    JOIN tiering.cluster_membership member
      ON member.cluster_id = leader.cluster_id AND member.role = 'SUPPORTING'
    JOIN lifetimes s ON s.id = member.group_account_id
   WHERE leader.role = 'LEADER'
   GROUP BY leader.group_account_id
), scored AS (
  SELECT l.*, $12::float8 * coalesce(c.value, 0) AS cluster_bonus,
         greatest(0, l.wallet - l.revenue) + $12::float8 * coalesce(c.value, 0) AS potential_value
    FROM lifetimes l
    LEFT JOIN cluster_value c ON c.id = l.id
), groups AS (
  SELECT head, sum(lifetime_value) AS group_value, count(*) AS group_size FROM scored GROUP BY head
), curve AS (
  -- Accounts make the value curve; groups are placed on it without weighing in. Account rows
  -- carry their columns through, so nothing is joined back after the windows.
  SELECT s.*, s.lifetime_value AS score, 1 AS weight, NULL::bigint AS group_size FROM scored s
  UNION ALL
  SELECT NULL, g.head, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, g.group_value, 0, g.group_size
    FROM groups g
), placed AS (
  -- The value (and the number of accounts) strictly above a score: the sum over the groups of
  -- peers before its own, in the one descending order. The frame only grows, so each sum is
  -- carried from row to row. (EXCLUDE GROUP would say it too, but recomputes the frame for
  -- every row: quadratic over a million accounts.)
  SELECT c.*,
         1 + coalesce(sum(weight) OVER above, 0) AS rank,
         coalesce(sum(weight * greatest(score, 0)) OVER above
                  / nullif(sum(weight * greatest(score, 0)) OVER (), 0), 0) AS share
    FROM curve c
  WINDOW above AS (ORDER BY score DESC GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), tiered AS (
  SELECT p.*,
         CASE WHEN score <= 0 THEN 'C' WHEN share < $15::float8 THEN 'A'
              WHEN share < $16::float8 THEN 'B' ELSE 'C' END AS own_tier
    FROM placed p
), with_group AS (
  -- Each group's place, handed to its members by a window over the group: one sort of the
  -- curve by group, where a self-join would keep the whole curve and read it twice.
  SELECT t.*,
         max(score) FILTER (WHERE weight = 0) OVER grp AS group_value,
         max(own_tier) FILTER (WHERE weight = 0) OVER grp AS group_tier,
         max(share) FILTER (WHERE weight = 0) OVER grp AS group_share,
         max(rank) FILTER (WHERE weight = 0) OVER grp AS group_rank,
         max(group_size) OVER grp AS group_members
    FROM tiered t
  WINDOW grp AS (PARTITION BY head)
), decided AS (
  SELECT g.*,
         CASE WHEN g.id = g.head THEN g.group_tier
              ELSE least(g.own_tier, CASE g.group_tier WHEN 'A' THEN $18::text WHEN 'B' THEN $19::text END)
         END AS computed
    FROM with_group g
   WHERE g.weight = 1
), steady AS (
  SELECT d.*, (d.id <> d.head AND d.computed <> d.own_tier) AS floored,
         -- Hysteresis: keep the previous tier when the move crosses one boundary by a hair.
         (d.previous_tier IS NOT NULL AND d.previous_tier <> d.computed
          AND NOT (d.id <> d.head AND d.computed <> d.own_tier)
          AND least(d.previous_tier, d.computed) || greatest(d.previous_tier, d.computed) IN ('AB', 'BC')
          AND abs(CASE WHEN d.id = d.head THEN d.group_share ELSE d.share END
                  - CASE least(d.previous_tier, d.computed) WHEN 'A' THEN $15::float8 ELSE $16::float8 END)
              <= $17::float8) AS held
    FROM decided d
)
SELECT $1::uuid AS run_id, id AS group_account_id, head AS group_head_id, revenue, cost,
       complaints, tenure AS tenure_years, current_value, retention, lifetime_value, wallet,
       cluster_bonus, potential_value,
       CASE WHEN current_value >= $13::float8 THEN
              CASE WHEN potential_value >= $14::float8 THEN 'VALUE' ELSE 'SECONDARY_VALUE' END
            ELSE CASE WHEN potential_value >= $14::float8 THEN 'POTENTIAL_VALUE' ELSE 'LOW_VALUE' END
       END AS segment,
       rank::bigint AS rank, share AS share_above, own_tier::char(1) AS own_tier, group_value,
       group_tier::char(1) AS group_tier, group_share, group_rank::bigint AS group_rank,
       group_members::int AS group_size,
       previous_tier::char(1) AS previous_tier, tier_in_force::char(1) AS tier_in_force,
       (CASE WHEN held THEN previous_tier ELSE computed END)::char(1) AS tier, floored, held
  FROM steady`;
