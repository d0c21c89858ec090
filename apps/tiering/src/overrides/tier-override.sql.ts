import { setBasedEventsSql } from '@gap/messaging';
import { namedParameters, type NamedParameters } from '../sql/named-parameters.js';

/**
 * Ends overrides and gives their accounts back the tier the last applied run computed (or,
 * for an account no run has seen, the tier it had before), with history and TierChanged where
 * the tier in force changes. One statement for one override or every one due.
 *
 * Parameters by name (EndOverridesParameters). Returns how many ended and how many tiers changed.
 */
export interface EndOverridesParameters extends Record<string, unknown> {
  readonly ids: readonly string[];
  readonly endedBy: string;
  readonly endReason: 'EXPIRED' | 'REVOKED';
  readonly note: string | null;
  readonly changeReason: 'OVERRIDE_EXPIRED' | 'OVERRIDE_REVOKED';
  /** Null: the day after each override's last day. */
  readonly effectiveFrom: string | null;
  /** ISO-8601. */
  readonly occurredAt: string;
  readonly correlationId: string | null;
}

type EndRef = NamedParameters<EndOverridesParameters>['ref'];

export function endOverridesStatement(parameters: EndOverridesParameters): {
  readonly text: string;
  readonly values: unknown[];
} {
  const bound = namedParameters(parameters);
  return { text: endOverridesSql(bound.ref), values: bound.values };
}

function endOverridesSql(p: EndRef): string {
  return `
WITH ended AS (
  UPDATE tiering.tier_override
     SET ended_at = now(), ended_by = ${p.endedBy}, end_reason = ${p.endReason}, end_note = ${p.note}
   WHERE id = ANY(${p.ids}::uuid[]) AND ended_at IS NULL
  RETURNING id, group_account_id, tier_before, coalesce(${p.effectiveFrom}::date, valid_until + 1) AS effective_from
), restored AS (
  SELECT e.id AS override_id, e.group_account_id AS id, e.effective_from, t.tier AS previous_tier,
         coalesce(t.computed_tier, e.tier_before) AS tier, t.segment, t.policy_version
    FROM ended e
    JOIN tiering.account_tier t USING (group_account_id)
), updated AS (
  UPDATE tiering.account_tier t
     SET tier = r.tier, override_id = NULL, version = t.version + 1,
         reason = CASE WHEN r.tier <> r.previous_tier THEN ${p.changeReason} ELSE t.reason END,
         effective_from = CASE WHEN r.tier <> r.previous_tier THEN r.effective_from ELSE t.effective_from END
    FROM restored r
   WHERE t.group_account_id = r.id
), history AS (
  INSERT INTO tiering.tier_history
    (group_account_id, tier, previous_tier, segment, previous_segment, reason, policy_version,
     override_id, effective_from)
  SELECT id, tier, previous_tier, segment, segment, ${p.changeReason}, policy_version, override_id, effective_from
    FROM restored WHERE tier <> previous_tier
), tier_events AS (
  SELECT id AS aggregate_id, tier, previous_tier AS "previousTier",
         policy_version AS "policyVersion", override_id AS "overrideId",
         to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
    FROM restored WHERE tier <> previous_tier
), written AS (${setBasedEventsSql({
    outbox: 'tiering.outbox',
    events: [
      {
        type: 'TierChanged',
        rows: 'tier_events',
        aggregateField: 'groupAccountId',
        fields: ['tier', 'previousTier', 'policyVersion', 'overrideId', 'effectiveFrom'],
        common: { reason: `${p.changeReason}::text`, runId: 'NULL::uuid' },
      },
    ],
    occurredAt: p.occurredAt,
    correlationId: p.correlationId,
  })})
SELECT (SELECT count(*) FROM ended)::int AS ended, (SELECT coalesce(sum(events), 0) FROM written)::int AS changed`;
}
