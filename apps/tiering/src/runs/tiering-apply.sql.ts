import { setBasedEventsSql } from '@gap/messaging';
import { namedParameters, type NamedParameters } from '../sql/named-parameters.js';

/**
 * Makes a previewed run effective, in one statement. For every account whose tier in force,
 * computed tier, value segment or override changes, the account's tier row is updated; a tier
 * or segment change leaves a history row and a TierChanged or ValueSegmentChanged event in
 * the outbox, and every account of the run an AccountValued event (its tier, segment and values), all built in SQL so that a run over a million accounts writes them in one pass.
 * An override in force wins over the computed tier. An account whose tier, segment and
 * override are unchanged is not touched, so re-applying an unchanged book writes nothing.
 *
 * Parameters by name (ApplyParameters). Returns the number of events written per type (they go to the outbox in batches), and the
 * distribution of tiers in force and segments the run leaves.
 */
export interface ApplyParameters extends Record<string, unknown> {
  /** The run whose results are applied (itself, or an earlier run it reuses). */
  readonly resultsOf: string;
  readonly policyVersion: string;
  /** A date, YYYY-MM-DD. */
  readonly effectiveFrom: string;
  readonly correlationId: string | null;
  /** ISO-8601. */
  readonly occurredAt: string;
  /** The run being applied. */
  readonly runId: string;
}

type ApplyRef = NamedParameters<ApplyParameters>['ref'];

export function tieringApplyStatement(parameters: ApplyParameters): {
  readonly text: string;
  readonly values: unknown[];
} {
  const bound = namedParameters(parameters);
  return { text: tieringApplySql(bound.ref), values: bound.values };
}

/** What every event of an applied run says alike. */
const runCommon = (p: ApplyRef) => ({
  policyVersion: `${p.policyVersion}::text`,
  runId: `${p.runId}::uuid`,
  effectiveFrom: `to_char(${p.effectiveFrom}::date, 'YYYY-MM-DD')`,
});

function tieringApplySql(p: ApplyRef): string {
  return `
WITH result AS (
  SELECT r.group_account_id AS id, r.tier AS computed_tier, r.segment, r.held, r.floored,
         r.lifetime_value, r.revenue, r.current_value, r.potential_value,
         o.id AS override_id, coalesce(o.tier, r.tier) AS tier,
         t.tier AS previous_tier, t.segment AS previous_segment, t.computed_tier AS previous_computed,
         t.override_id AS previous_override, t.group_account_id IS NULL AS is_new
    FROM tiering.tiering_run_result r
    LEFT JOIN tiering.tier_override o ON o.group_account_id = r.group_account_id AND o.ended_at IS NULL
    LEFT JOIN tiering.account_tier t ON t.group_account_id = r.group_account_id
   WHERE r.run_id = ${p.resultsOf}
), changed AS (
  SELECT x.*,
         CASE WHEN x.override_id IS NOT NULL THEN 'OVERRIDE' WHEN x.held THEN 'HYSTERESIS'
              WHEN x.floored THEN 'GROUP_FLOOR' ELSE 'PARETO' END AS reason,
         x.previous_tier IS DISTINCT FROM x.tier AS tier_changed,
         x.previous_segment IS DISTINCT FROM x.segment AS segment_changed
    FROM result x
   WHERE x.previous_tier IS DISTINCT FROM x.tier OR x.previous_segment IS DISTINCT FROM x.segment
      OR x.previous_computed IS DISTINCT FROM x.computed_tier
      OR x.previous_override IS DISTINCT FROM x.override_id
), updated AS (
  UPDATE tiering.account_tier t
     SET tier = c.tier, computed_tier = c.computed_tier, segment = c.segment, override_id = c.override_id,
         reason = CASE WHEN c.tier_changed THEN c.reason ELSE t.reason END,
         policy_version = CASE WHEN c.tier_changed THEN ${p.policyVersion} ELSE t.policy_version END,
         effective_from = CASE WHEN c.tier_changed THEN ${p.effectiveFrom}::date ELSE t.effective_from END,
         run_id = ${p.runId}, version = t.version + 1
    FROM changed c
   WHERE t.group_account_id = c.id AND NOT c.is_new
), inserted AS (
  INSERT INTO tiering.account_tier
    (group_account_id, tier, computed_tier, segment, override_id, reason, policy_version, effective_from, run_id)
  SELECT id, tier, computed_tier, segment, override_id, reason, ${p.policyVersion}, ${p.effectiveFrom}::date, ${p.runId} FROM changed WHERE is_new
  ON CONFLICT (group_account_id) DO NOTHING
), history AS (
  INSERT INTO tiering.tier_history
    (group_account_id, tier, previous_tier, segment, previous_segment, reason, policy_version, run_id,
     override_id, effective_from)
  SELECT id, tier, previous_tier, segment, previous_segment,
         CASE WHEN tier_changed THEN reason ELSE 'VALUE_SEGMENT' END, ${p.policyVersion}, ${p.runId}, override_id, ${p.effectiveFrom}::date
    FROM changed WHERE tier_changed OR segment_changed
   -- In the order of the account index: its pages fill one after another, not at random.
   ORDER BY id
), tier_events AS (
  SELECT id AS aggregate_id, tier, previous_tier AS "previousTier", reason, override_id AS "overrideId"
    FROM changed WHERE tier_changed
), segment_events AS (
  SELECT id AS aggregate_id, segment, previous_segment AS "previousSegment"
    FROM changed WHERE segment_changed
), value_events AS (
  -- Every account of the run, changed or not: the portfolio sorts and filters by its values.
  SELECT id AS aggregate_id, tier, previous_tier AS "previousTier", segment,
         round(coalesce(current_value, 0) * 100)::bigint::text AS "currentValue",
         round(coalesce(potential_value, 0) * 100)::bigint::text AS "potentialValue"
    FROM result
), written AS (${setBasedEventsSql({
    outbox: 'tiering.outbox',
    events: [
      {
        type: 'TierChanged',
        rows: 'tier_events',
        aggregateField: 'groupAccountId',
        fields: ['tier', 'previousTier', 'reason', 'overrideId'],
        common: runCommon(p),
      },
      {
        type: 'ValueSegmentChanged',
        rows: 'segment_events',
        aggregateField: 'groupAccountId',
        fields: ['segment', 'previousSegment'],
        common: runCommon(p),
      },
      {
        type: 'AccountValued',
        rows: 'value_events',
        aggregateField: 'groupAccountId',
        fields: ['tier', 'previousTier', 'segment', 'currentValue', 'potentialValue'],
        common: runCommon(p),
      },
    ],
    occurredAt: p.occurredAt,
    correlationId: p.correlationId,
  })}), distribution AS (
  -- The tiers in force and the segments the run leaves, from the rows it has just read.
  SELECT CASE WHEN grouping(tier) = 0 THEN tier END AS tier,
         CASE WHEN grouping(segment) = 0 THEN segment END AS segment,
         count(*)::int AS accounts, sum(greatest(lifetime_value, 0)) AS value, sum(revenue) AS revenue
    FROM result
   GROUP BY GROUPING SETS ((tier), (segment))
)
SELECT 'EVENTS' AS kind, event_type AS "eventType", NULL AS tier, NULL AS segment,
       sum(events)::int AS accounts, NULL::float8 AS value, NULL::float8 AS revenue, 0 AS up, 0 AS down
  FROM written GROUP BY event_type
UNION ALL
SELECT 'DISTRIBUTION', NULL, tier, segment, accounts, value, revenue, 0, 0 FROM distribution`;
}
// Data-modifying CTEs (updated, inserted, history) run exactly once whether or not they are read.
