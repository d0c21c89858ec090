/**
 * The portfolio read model of the accounts benchmark's book, filled in a few set-based
 * statements (a data load, as the book itself is: no events are consumed), and the events it
 * was folded from, written straight into the PostgreSQL event log for the rebuild to replay.
 *
 * - Values in fen are Pareto-distributed (shape 1.16, the 80/20 rule): current value from
 *   1,000 yuan a year, potential value from 3,000, drawn from the account id.
 * - Tiers by current value: the top `tierA` accounts A, the next 2 × `tierA` B, the rest C.
 * - Segments: current and potential value each high (top 30 %) or not.
 * - Managers: MANAGERS employee numbers (E00001…), each with a contiguous run of the book in
 *   region order (a manager covers neighbouring districts); a supervisor (S0001…) per
 *   TEAM_SIZE managers. The visibility rows (`portfolio_entry`) match, as PortfolioStore
 *   writes them on ManagerAssigned: PRIMARY for the manager, SUPERVISOR for the supervisor.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ACCOUNTS_TOPIC, MANAGERS_TOPIC, TIERING_TOPIC } from '@gap/contracts';

export const MANAGERS = 2_000;
export const TEAM_SIZE = 20;
export const POLICY_VERSION = 'bench-1';
/** The tiering run every account's values come from. */
export const BOOK_RUN_ID = randomUUID();

const managerOf = (place: string) => `'E' || lpad((${place} + 1)::text, 5, '0')`;
const supervisorOf = (place: string) => `'S' || lpad((${place} / ${TEAM_SIZE} + 1)::text, 4, '0')`;

/** A uniform draw in (0, 1] from the id and a seed. */
const draw = (seed: number) =>
  `(((hashtextextended(a.id::text, ${seed}) & 2147483647) + 1) / 2147483648.0)`;

export interface FilledPortfolio {
  readonly accounts: number;
  readonly entries: number;
  readonly seconds: number;
}

/** Replaces the read model of every account in the book; `tierA` accounts are tier A. */
export async function fillPortfolio(
  dataSource: DataSource,
  tierA: number,
): Promise<FilledPortfolio> {
  const started = performance.now();
  await dataSource.query('TRUNCATE accounts.portfolio_account, accounts.portfolio_entry');
  await dataSource.query(
    `WITH drawn AS (
       SELECT a.id, a.region_code, a.status,
              least(floor(100000 * power(${draw(1)}, -1 / 1.16)), 1e13)::bigint AS current_value,
              least(floor(300000 * power(${draw(2)}, -1 / 1.16)), 1e13)::bigint AS potential_value,
              date_trunc('milliseconds', now() - interval '30 days' * ${draw(3)}) AS changed_at,
              (row_number() OVER (ORDER BY a.region_code, a.id) - 1) * ${MANAGERS}
                / count(*) OVER () AS place,
              count(*) OVER () AS n
         FROM accounts.group_account a
     ), ranked AS (
       SELECT d.*, row_number() OVER (ORDER BY current_value DESC, id) AS by_current,
              row_number() OVER (ORDER BY potential_value DESC, id) AS by_potential
         FROM drawn d
     )
     INSERT INTO accounts.portfolio_account
       (group_account_id, tier, tier_change, segment, current_value, potential_value,
        valued_run_id, primary_manager_id, supervisor_id, region_code, status, changed_at,
        applied_at)
     SELECT id,
            CASE WHEN by_current <= $1 THEN 'A' WHEN by_current <= 3 * $1 THEN 'B' ELSE 'C' END,
            'NONE',
            CASE WHEN by_current <= 0.3 * n AND by_potential <= 0.3 * n THEN 'VALUE'
                 WHEN by_current <= 0.3 * n THEN 'SECONDARY_VALUE'
                 WHEN by_potential <= 0.3 * n THEN 'POTENTIAL_VALUE'
                 ELSE 'LOW_VALUE' END,
            current_value, potential_value, $2::uuid,
            ${managerOf('place')}, ${supervisorOf('place')}, region_code, status,
            changed_at, changed_at + interval '2 seconds'
       FROM ranked`,
    [tierA, BOOK_RUN_ID],
  );
  await dataSource.query(
    `INSERT INTO accounts.portfolio_entry (group_account_id, subject, relation, since)
     SELECT group_account_id, primary_manager_id, 'PRIMARY', changed_at FROM accounts.portfolio_account
     UNION ALL
     SELECT group_account_id, supervisor_id, 'SUPERVISOR', changed_at FROM accounts.portfolio_account`,
  );
  // As autovacuum would in time: statistics, and the visibility map index-only scans rely on.
  await dataSource.query('VACUUM ANALYZE accounts.portfolio_account');
  await dataSource.query('VACUUM ANALYZE accounts.portfolio_entry');
  const [counts] = await dataSource.query<{ accounts: number; entries: number }[]>(
    `SELECT (SELECT count(*) FROM accounts.portfolio_account)::int AS accounts,
            (SELECT count(*) FROM accounts.portfolio_entry)::int AS entries`,
  );
  return {
    accounts: counts?.accounts ?? 0,
    entries: counts?.entries ?? 0,
    seconds: (performance.now() - started) / 1000,
  };
}

const iso = (time: string) =>
  `to_char((${time}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One event type of the book as an envelope per account: `occurredAt` is an SQL time no later than the row's `changed_at`, so that
 * folding the events gives the row the fill wrote.
 */
function envelopes(type: string, occurredAt: string, payload: string): string {
  return `SELECT a.id, '${type}' AS type, ${iso(occurredAt)} AS occurred_at,
                 ${payload} AS payload
            FROM accounts.group_account a
            JOIN accounts.portfolio_account p ON p.group_account_id = a.id`;
}

const TOPIC_EVENTS: Record<string, string[]> = {
  [ACCOUNTS_TOPIC]: [
    envelopes(
      'AccountCreated',
      "p.changed_at - interval '30 days'",
      `json_build_object('groupAccountId', a.id, 'accountCode', a.account_code, 'name', a.name,
         'creditCode', a.credit_code, 'type', a.type, 'industryCode', a.industry_code,
         'regionCode', a.region_code, 'status', a.status, 'parentId', a.parent_id,
         'employees', a.employees, 'linesCount', a.lines_count,
         'foundedOn', to_char(a.founded_on, 'YYYY-MM-DD'), 'registeredBy', a.created_by)`,
    ),
  ],
  [TIERING_TOPIC]: [
    envelopes(
      'TierAssigned',
      "p.changed_at - interval '1 second'",
      `json_build_object('groupAccountId', a.id, 'tier', p.tier, 'previousTier', NULL,
         'reason', 'PARETO', 'policyVersion', '${POLICY_VERSION}')`,
    ),
    envelopes(
      'AccountValued',
      "p.changed_at - interval '1 second'",
      `json_build_object('groupAccountId', a.id, 'tier', p.tier, 'previousTier', NULL,
         'segment', p.segment, 'currentValue', p.current_value::text,
         'potentialValue', p.potential_value::text, 'policyVersion', '${POLICY_VERSION}',
         'runId', p.valued_run_id, 'effectiveFrom', to_char(p.changed_at, 'YYYY-MM-DD'))`,
    ),
  ],
  [MANAGERS_TOPIC]: [
    envelopes(
      'ManagerAssigned',
      'p.changed_at',
      `json_build_object('groupAccountId', a.id, 'managerId', p.primary_manager_id,
         'previousManagerId', NULL, 'supervisorId', p.supervisor_id, 'reason', 'INITIAL')`,
    ),
  ],
};

export interface AppendedEvents {
  readonly events: number;
  readonly seconds: number;
}

/**
 * Appends the events the book's read model was folded from (AccountCreated, TierAssigned,
 * AccountValued, ManagerAssigned per account) to the event log, one INSERT … SELECT a topic,
 * with the envelopes and headers the relay writes. With `consumedBy`, that consumer group is
 * placed after them: the live model, filled above, already holds what they say.
 */
export async function appendBookEvents(
  dataSource: DataSource,
  consumedBy?: string,
): Promise<AppendedEvents> {
  const started = performance.now();
  let events = 0;
  for (const [topic, selects] of Object.entries(TOPIC_EVENTS)) {
    await dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO event_log.topics (name) VALUES ($1) ON CONFLICT (name) DO NOTHING',
        [topic],
      );
      const [{ next }] = await manager.query<{ next: string }[]>(
        'SELECT next_offset::text AS next FROM event_log.topics WHERE name = $1 FOR UPDATE',
        [topic],
      );
      const [{ appended }] = await manager.query<{ appended: number }[]>(
        `WITH e AS (${selects.join(' UNION ALL ')}),
         numbered AS (
           SELECT e.*, gen_random_uuid() AS event_id,
                  row_number() OVER () - 1 AS ord FROM e
         ), appended AS (
           INSERT INTO event_log.records (topic, "offset", key, value, headers)
           SELECT $1, $2::bigint + ord, id::text,
                  json_build_object('id', event_id, 'type', type, 'version', 1,
                    'occurredAt', occurred_at, 'aggregateId', id, 'correlationId', event_id,
                    'causationId', NULL, 'payload', payload)::text,
                  jsonb_build_object('event-id', event_id, 'event-type', type)
             FROM numbered
           RETURNING 1
         )
         SELECT count(*)::int AS appended FROM appended`,
        [topic, next],
      );
      await manager.query(
        'UPDATE event_log.topics SET next_offset = next_offset + $2 WHERE name = $1',
        [topic, appended],
      );
      if (consumedBy) {
        await manager.query(
          `INSERT INTO event_log.consumer_offsets (group_id, topic, committed_offset)
           SELECT $1, name, next_offset - 1 FROM event_log.topics WHERE name = $2
           ON CONFLICT (group_id, topic) DO UPDATE SET committed_offset = excluded.committed_offset`,
          [consumedBy, topic],
        );
      }
      events += appended;
    });
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}
