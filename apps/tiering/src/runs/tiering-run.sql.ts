/**
 * One tiering run over the whole book in one statement: value inputs summed per account over
 * the trailing twelve months, the value model, the Pareto cut with window functions, groups
 * placed on the same value curve, floors and hysteresis. Never row by row.
 *
 * Parameters: $1 run, $2 as-of month (first day), $3 horizon years, $4 discount rate,
 * $5..$9 retention (base, per tenure year, per complaint, min, max), $10 wallets (jsonb),
 * $11 default wallet, $12 cluster leader share, $13 / $14 segment thresholds (current,
 * potential), $15 A cut, $16 A + B cut, $17 hysteresis margin, $18 / $19 group floors (A, B).
 */
export const TIERING_RUN_SQL = `
INSERT INTO tiering.tiering_run_result
  (run_id, group_account_id, group_head_id, revenue, cost, complaints, tenure_years, current_value,
   retention, lifetime_value, wallet, cluster_bonus, potential_value, segment, rank, share_above,
   own_tier, group_value, group_tier, previous_tier, tier, floored, held)
WITH inputs AS (
  SELECT group_account_id,
         sum(revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line + revenue_broadband
             + revenue_group_short_number + revenue_cloud + revenue_iot + revenue_other) AS revenue,
         sum(cost_commission + cost_marketing + cost_operating) AS cost,
         sum(complaints)::int AS complaints
    FROM tiering.value_input
   WHERE month > ($2::date - interval '12 months') AND month <= $2::date
   GROUP BY group_account_id
), base AS (
  SELECT p.group_account_id AS id, p.group_head_id AS head, p.industry_code,
         coalesce(p.employees, 0) AS employees,
         coalesce(i.revenue, 0) AS revenue, coalesce(i.cost, 0) AS cost,
         coalesce(i.complaints, 0) AS complaints,
         CASE WHEN p.customer_since IS NULL THEN 0
              ELSE greatest(0, ((extract(year FROM $2::date) - extract(year FROM p.customer_since)) * 12
                                + extract(month FROM $2::date) - extract(month FROM p.customer_since))::int / 12)
         END AS tenure
    FROM tiering.account_profile p
    LEFT JOIN inputs i USING (group_account_id)
), valued AS (
  SELECT b.*, b.revenue - b.cost AS current_value,
         least($9::numeric, greatest($8::numeric, $5::numeric + $6::numeric * b.tenure - $7::numeric * b.complaints)) AS retention,
         coalesce(($10::jsonb ->> b.industry_code)::numeric, $11::numeric) * b.employees AS wallet
    FROM base b
), lifetimes AS (
  SELECT v.*,
         v.current_value * CASE WHEN x.q = 1 THEN $3::int
                                ELSE x.q * (1 - power(x.q, $3::int)) / (1 - x.q) END AS lifetime_value
    FROM valued v, LATERAL (SELECT v.retention / (1 + $4::numeric) AS q) x
), cluster_value AS (
  SELECT leader.group_account_id AS id, sum(greatest(s.lifetime_value, 0)) AS value
    FROM tiering.cluster_membership leader
    JOIN tiering.cluster_membership member
      ON member.cluster_id = leader.cluster_id AND member.role = 'SUPPORTING'
    JOIN lifetimes s ON s.id = member.group_account_id
   WHERE leader.role = 'LEADER'
   GROUP BY leader.group_account_id
), scored AS (
  SELECT l.*, $12::numeric * coalesce(c.value, 0) AS cluster_bonus,
         greatest(0, l.wallet - l.revenue) + $12::numeric * coalesce(c.value, 0) AS potential_value,
         rank() OVER (ORDER BY l.lifetime_value DESC) AS rank
    FROM lifetimes l
    LEFT JOIN cluster_value c ON c.id = l.id
), groups AS (
  SELECT head, sum(lifetime_value) AS group_value FROM scored GROUP BY head
), curve AS (
  -- Accounts make the value curve; groups are placed on it without weighing in.
  SELECT 'account' AS kind, id, lifetime_value AS score, 1 AS weight FROM scored
  UNION ALL
  SELECT 'group', head, group_value, 0 FROM groups
), placed AS (
  SELECT kind, id, score,
         -- The value strictly above a score: the running sum up to and including its peers,
         -- less the peers' own (EXCLUDE GROUP would say it directly, but recomputes the frame
         -- for every row: quadratic over a million accounts).
         (sum(weight * greatest(score, 0)) OVER (ORDER BY score DESC)
          - sum(weight * greatest(score, 0)) OVER (PARTITION BY score))
           / nullif(sum(weight * greatest(score, 0)) OVER (), 0) AS share
    FROM curve
), tiered AS (
  SELECT kind, id, coalesce(share, 0) AS share,
         CASE WHEN score <= 0 THEN 'C' WHEN coalesce(share, 0) < $15::numeric THEN 'A'
              WHEN coalesce(share, 0) < $16::numeric THEN 'B' ELSE 'C' END AS tier
    FROM placed
), decided AS (
  SELECT s.*, own.share AS share_above, own.tier AS own_tier, g.group_value, grp.tier AS group_tier,
         grp.share AS group_share, prev.tier AS previous_tier,
         CASE WHEN s.id = s.head THEN grp.tier
              ELSE least(own.tier, CASE grp.tier WHEN 'A' THEN $18::text WHEN 'B' THEN $19::text END)
         END AS computed,
         (s.id <> s.head AND least(own.tier, CASE grp.tier WHEN 'A' THEN $18::text WHEN 'B' THEN $19::text END) <> own.tier) AS floored
    FROM scored s
    JOIN tiered own ON own.kind = 'account' AND own.id = s.id
    JOIN groups g ON g.head = s.head
    JOIN tiered grp ON grp.kind = 'group' AND grp.id = s.head
    LEFT JOIN tiering.account_tier prev ON prev.group_account_id = s.id
), steady AS (
  SELECT d.*,
         -- Hysteresis: keep the previous tier when the move crosses one boundary by a hair.
         (d.previous_tier IS NOT NULL AND d.previous_tier <> d.computed AND NOT d.floored
          AND least(d.previous_tier, d.computed) || greatest(d.previous_tier, d.computed) IN ('AB', 'BC')
          AND abs(CASE WHEN d.id = d.head THEN d.group_share ELSE d.share_above END
                  - CASE least(d.previous_tier, d.computed) WHEN 'A' THEN $15::numeric ELSE $16::numeric END)
              <= $17::numeric) AS held
    FROM decided d
)
SELECT $1::uuid, id, head, revenue, cost, complaints, tenure, current_value, retention, lifetime_value,
       wallet, cluster_bonus, potential_value,
       CASE WHEN current_value >= $13::numeric THEN
              CASE WHEN potential_value >= $14::numeric THEN 'VALUE' ELSE 'SECONDARY_VALUE' END
            ELSE CASE WHEN potential_value >= $14::numeric THEN 'POTENTIAL_VALUE' ELSE 'LOW_VALUE' END
       END,
       rank, share_above, own_tier, group_value, group_tier, previous_tier,
       CASE WHEN held THEN previous_tier ELSE computed END, floored, held
  FROM steady`;
