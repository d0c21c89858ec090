/**
 * The portfolio read model's lag: tiering and managers events for accounts of the book,
 * appended to the PostgreSQL event log at a steady rate (as the producers' relays would), and
 * for each, the time from its `occurredAt` to the read model's `applied_at` of the row it
 * changed (both clocks are this machine's).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MANAGERS_TOPIC, TIERING_TOPIC } from '@gap/contracts';
import { createTransport, type OutgoingRecord } from '@gap/messaging';
import { MANAGERS, POLICY_VERSION, TEAM_SIZE } from './portfolio-book.js';

/** A batch every 50 ms: on a busy machine, smaller batches fell behind the rate. */
const TICK_MS = 50;

interface Target {
  readonly id: string;
  readonly tier: string;
  readonly segment: string;
  readonly currentValue: string;
  readonly potentialValue: string;
  readonly managerId: string;
}

export interface LagFigures {
  readonly published: number;
  readonly rate: number;
  /** Events whose effect is the row's latest (an account hit twice counts its last event). */
  readonly measured: number;
  readonly applied: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return (
    sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  );
}

const record = (event: { id: string; type: string; aggregateId: string }, value: object) => ({
  key: event.aggregateId,
  value: JSON.stringify(value),
  headers: { 'event-id': event.id, 'event-type': event.type },
});

/** One event for the account, in turn AccountValued, TierChanged, AccountValued, ManagerAssigned. */
function eventFor(target: Target, n: number): { topic: string; record: OutgoingRecord } {
  const id = randomUUID();
  const occurredAt = new Date().toISOString();
  const envelope = (type: string, payload: object) => {
    const event = { id, type, aggregateId: target.id };
    return record(event, {
      ...event,
      version: 1,
      occurredAt,
      correlationId: id,
      causationId: null,
      payload: { groupAccountId: target.id, ...payload },
    });
  };
  const effectiveFrom = occurredAt.slice(0, 10);
  switch (n % 4) {
    case 1: {
      // A → B, B → C, C → B: the tier-A export stays the size it was.
      const tier = target.tier === 'B' ? 'C' : 'B';
      return {
        topic: TIERING_TOPIC,
        record: envelope('TierChanged', {
          tier,
          previousTier: target.tier,
          reason: 'OVERRIDE',
          policyVersion: POLICY_VERSION,
          runId: null,
          overrideId: randomUUID(),
          effectiveFrom,
        }),
      };
    }
    case 3: {
      const place = (Number(target.managerId.slice(1)) % MANAGERS) + 1;
      return {
        topic: MANAGERS_TOPIC,
        record: envelope('ManagerAssigned', {
          managerId: `E${String(place).padStart(5, '0')}`,
          previousManagerId: target.managerId,
          supervisorId: `S${String(Math.floor((place - 1) / TEAM_SIZE) + 1).padStart(4, '0')}`,
          reason: 'REBALANCE',
        }),
      };
    }
    default:
      return {
        topic: TIERING_TOPIC,
        record: envelope('AccountValued', {
          tier: target.tier,
          previousTier: target.tier,
          segment: target.segment,
          currentValue: String(BigInt(target.currentValue) + 100n),
          potentialValue: target.potentialValue,
          policyVersion: POLICY_VERSION,
          runId: randomUUID(),
          effectiveFrom,
        }),
      };
  }
}

/**
 * Publishes `rate` events a second for `seconds` (a batch every 50 ms, one append per topic,
 * not waiting for the previous one), each for another account of the book taken at random,
 * then waits for the service to apply them and reads each account's lag from its row.
 */
export async function measureLag(
  dataSource: DataSource,
  url: string,
  rate: number,
  seconds: number,
): Promise<LagFigures> {
  const total = Math.round(rate * seconds);
  const targets = await dataSource.query<Target[]>(
    `SELECT group_account_id AS id, tier, segment, current_value::text AS "currentValue",
            potential_value::text AS "potentialValue", primary_manager_id AS "managerId"
       FROM accounts.portfolio_account
      WHERE tier IS NOT NULL AND primary_manager_id IS NOT NULL
      ORDER BY hashtext(group_account_id::text) LIMIT $1`,
    [total],
  );
  const transport = createTransport({ kind: 'postgres', url });
  const last = new Map<string, string>();
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
  const writes: Promise<void>[] = [];
  const started = performance.now();
  let published = 0;
  try {
    for (let tick = 0; published < total; tick++) {
      const wait = started + tick * TICK_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const byTopic = new Map<string, OutgoingRecord[]>();
      for (let i = 0; i < perTick && published < total; i++, published++) {
        const target = targets[published % targets.length];
        if (!target) break;
        const { topic, record: r } = eventFor(target, published);
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), r]);
        last.set(target.id, (JSON.parse(r.value) as { occurredAt: string }).occurredAt);
      }
      for (const [topic, records] of byTopic) writes.push(transport.publish(topic, records));
    }
    await Promise.all(writes);
  } finally {
    await transport.close();
  }
  const publishSeconds = (performance.now() - started) / 1000;
  const ids = [...last.keys()];
  const expected = ids.map((id) => last.get(id) ?? '');
  const appliedNow = async () => {
    const [row] = await dataSource.query<{ applied: number }[]>(
      `SELECT count(*)::int AS applied FROM accounts.portfolio_account p
         JOIN unnest($1::uuid[], $2::timestamptz[]) AS x(id, at) ON x.id = p.group_account_id
        WHERE p.changed_at >= x.at`,
      [ids, expected],
    );
    return row?.applied ?? 0;
  };
  let [applied, movedAt] = [0, Date.now()];
  while (applied < ids.length && Date.now() - movedAt < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await appliedNow();
    if (now > applied) [applied, movedAt] = [now, Date.now()];
  }
  const lags = await dataSource.query<{ ms: number }[]>(
    `SELECT extract(epoch FROM p.applied_at - x.at)::float8 * 1000 AS ms
       FROM accounts.portfolio_account p
       JOIN unnest($1::uuid[], $2::timestamptz[]) AS x(id, at) ON x.id = p.group_account_id
      WHERE p.changed_at = x.at`,
    [ids, expected],
  );
  const sorted = lags.map((row) => row.ms).sort((a, b) => a - b);
  return {
    published,
    rate: published / publishSeconds,
    measured: ids.length,
    applied,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
  };
}
