/**
 * Makes a previewed run effective, in one statement: the accounts whose tier changes get
 * their new tier, a history row and a TierChanged event in the outbox, built in SQL so that a
 * run over a million accounts writes its events in one pass. An account whose tier does not
 * change is not touched, so re-applying an unchanged book writes nothing.
 *
 * Parameters: $1 run, $2 policy version, $3 effective from (date), $4 correlation id (or null),
 * $5 occurred at (ISO-8601).
 */
export const TIERING_APPLY_SQL = `
WITH changed AS (
  SELECT r.group_account_id, r.tier, r.segment, t.tier AS previous_tier,
         CASE WHEN r.held THEN 'HYSTERESIS' WHEN r.floored THEN 'GROUP_FLOOR' ELSE 'PARETO' END AS reason
    FROM tiering.tiering_run_result r
    LEFT JOIN tiering.account_tier t USING (group_account_id)
   WHERE r.run_id = $1 AND t.tier IS DISTINCT FROM r.tier
), tiers AS (
  INSERT INTO tiering.account_tier
    (group_account_id, tier, reason, policy_version, effective_from, segment, run_id)
  SELECT group_account_id, tier, reason, $2, $3::date, segment, $1 FROM changed
  ON CONFLICT (group_account_id) DO UPDATE
     SET tier = EXCLUDED.tier, reason = EXCLUDED.reason, policy_version = EXCLUDED.policy_version,
         effective_from = EXCLUDED.effective_from, segment = EXCLUDED.segment,
         run_id = EXCLUDED.run_id, version = tiering.account_tier.version + 1
  RETURNING group_account_id
), history AS (
  INSERT INTO tiering.tier_history
    (group_account_id, tier, previous_tier, segment, reason, policy_version, run_id, effective_from)
  SELECT group_account_id, tier, previous_tier, segment, reason, $2, $1, $3::date FROM changed
  RETURNING group_account_id
), events AS (
  SELECT c.*, gen_random_uuid() AS event_id FROM changed c
)
INSERT INTO tiering.outbox (id, topic, message_key, event_type, envelope)
SELECT e.event_id, 'tiering.events.v1', e.group_account_id::text, 'TierChanged',
       jsonb_build_object(
         'id', e.event_id, 'type', 'TierChanged', 'version', 1, 'occurredAt', $5::text,
         'aggregateId', e.group_account_id, 'correlationId', coalesce($4::text, e.event_id::text),
         'causationId', NULL,
         'payload', jsonb_build_object(
           'groupAccountId', e.group_account_id, 'tier', e.tier, 'previousTier', e.previous_tier,
           'reason', e.reason, 'policyVersion', $2::text, 'runId', $1::uuid,
           'effectiveFrom', to_char($3::date, 'YYYY-MM-DD')))
  FROM events e
RETURNING id`;
// The data-modifying CTEs (tiers, history) run exactly once whether or not they are read.
