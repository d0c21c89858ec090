import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type EventTransport,
  type OutgoingRecord,
  type Subscription,
  type SubscriptionOptions,
} from './event-transport.js';
import {
  CHANNEL,
  PostgresLogSubscription,
  type PostgresLogTransportOptions,
} from './postgres-log.subscription.js';

/** Runs one statement and returns its rows: a pool's, a client's or a transaction's. */
type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * One statement takes the offsets (the topic's counter row stays locked until the statement's
 * transaction commits, so records become visible in offset order), appends the records and
 * queues the wakeup of the topic's consumers, sent when the transaction commits.
 */
const APPEND = `
WITH counter AS (
  UPDATE event_log.topics SET next_offset = next_offset + $2 WHERE name = $1 RETURNING next_offset
), appended AS (
  INSERT INTO event_log.records (topic, "offset", key, value, headers)
  SELECT $1, counter.next_offset - $2 + t.ord - 1, t.key, t.value, t.headers::jsonb
    FROM counter,
         ROWS FROM (json_array_elements_text($3::json), json_array_elements_text($4::json),
                    json_array_elements($5::json)) WITH ORDINALITY AS t(key, value, headers, ord)
  RETURNING 1
)
SELECT count(*)::int AS appended, pg_notify('${CHANNEL}', $1) IS NULL AS notified FROM appended`;

/** Which server, and which database on it, a session is connected to. */
const IDENTITY = `SELECT current_database() AS database, inet_server_port() AS port,
  pg_postmaster_start_time()::text AS started, to_regclass('event_log.records') IS NOT NULL AS log`;

class UnknownTopicError extends Error {
  constructor(topic: string) {
    super(`Topic '${topic}' does not exist in the event log; create it with ensureTopics first.`);
    this.name = 'UnknownTopicError';
  }
}

/**
 * The embedded default transport: an append-only log in PostgreSQL, one gap-free offset
 * sequence per topic and one committed offset per consumer group and topic.
 *
 * Offsets are handed out by updating the topic's counter row, whose lock is held until the
 * appending transaction commits, so records become visible in offset order and a consumer
 * never skips a record that commits late. One consumer per group reads at a time (an advisory
 * lock); others wait as standbys.
 */
export class PostgresLogTransport implements EventTransport {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly subscriptions = new Set<PostgresLogSubscription>();
  /** Per data source: does it connect to the database that holds this event log? */
  private readonly sharing = new WeakMap<DataSource, Promise<boolean>>();

  constructor(private readonly options: PostgresLogTransportOptions) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: 4,
      application_name: 'event-log',
    });
    this.pool.on('error', (error) => new Logger(PostgresLogTransport.name).warn(error.message));
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    await this.pool.query(
      'INSERT INTO event_log.topics (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING',
      [[...new Set(topics)]],
    );
  }

  async publish(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    await this.append(
      async <T>(sql: string, params: unknown[]) => (await this.pool.query(sql, params)).rows as T[],
      topic,
      records,
    );
  }

  /**
   * In the embedded mode the services' schemas and the event log share one database: then the
   * relay appends in the transaction that marks its outbox rows sent, and a consumer parks a
   * dead letter in the transaction that records its batch, so neither can happen twice.
   */
  async appendWithin(
    manager: EntityManager,
    topic: string,
    records: readonly OutgoingRecord[],
  ): Promise<boolean> {
    if (!(await this.sharesDatabaseWith(manager))) return false;
    await this.append((sql, params) => manager.query(sql, params), topic, records);
    return true;
  }

  private async append(
    query: Query,
    topic: string,
    records: readonly OutgoingRecord[],
  ): Promise<void> {
    if (records.length === 0) return;
    const [result] = await query<{ appended: number }>(APPEND, [
      topic,
      records.length,
      // As JSON rather than text arrays: JSON.stringify escapes natively, where the driver's
      // array literal escapes each value in JavaScript (a relay pass carries 1,000 envelopes).
      JSON.stringify(records.map((r) => r.key)),
      JSON.stringify(records.map((r) => r.value)),
      JSON.stringify(records.map((r) => r.headers ?? {})),
    ]);
    if (result?.appended !== records.length) throw new UnknownTopicError(topic);
  }

  private sharesDatabaseWith(manager: EntityManager): Promise<boolean> {
    const key = manager.dataSource;
    let known = this.sharing.get(key);
    if (!known) {
      known = Promise.all([
        this.pool.query(IDENTITY).then((result) => result.rows[0] as unknown),
        manager.query<unknown[]>(IDENTITY).then((rows) => rows[0]),
      ]).then(([ours, theirs]) => JSON.stringify(ours) === JSON.stringify(theirs));
      this.sharing.set(key, known);
      known.catch(() => this.sharing.delete(key));
    }
    return known;
  }

  subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const subscription = new PostgresLogSubscription(this.options, options, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return Promise.resolve(subscription);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 FROM event_log.topics LIMIT 1');
  }

  isRetriable(error: unknown): boolean {
    return !(error instanceof UnknownTopicError);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
    await this.pool.end();
  }
}

export type { PostgresLogTransportOptions } from './postgres-log.subscription.js';
