import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import {
  batchHandlerOf,
  EVENT_TYPE_HEADER,
  type DeliveredBatch,
  type DeliveredRecord,
  type EventTransport,
  type OutgoingRecord,
  type Subscription,
  type SubscriptionOptions,
} from './event-transport.js';
import { Wakeup } from '../wakeup.js';

export interface PostgresLogTransportOptions {
  readonly url: string;
  /** How long an idle consumer waits before it looks again when no notification came. */
  readonly pollIntervalMs?: number;
  /** Records handed to the consumer in one batch at most (default 500). */
  readonly batchSize?: number;
  /**
   * Batches a consumer applies at the same time (default 2): the records read are split among
   * them by key, as Kafka splits a topic among partitions, so one key's records stay in order.
   */
  readonly concurrency?: number;
}

/** Which of `lanes` batches a record with this key goes to. */
function laneOf(key: string | null, lanes: number): number {
  if (key === null || lanes === 1) return 0;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}

const CHANNEL = 'event_log';
const LOCK_NAMESPACE = 'event_log';

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

interface LogRow {
  offset: string;
  key: string | null;
  /** Null when the record's event type is one the subscriber does not handle. */
  value: string | null;
  headers: Record<string, string>;
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

class PostgresLogSubscription implements Subscription {
  private readonly logger: Logger;
  private client?: pg.Client;
  private leader = false;
  private stopped = false;
  private loop?: Promise<void>;
  private readonly wakeup = new Wakeup();
  private markJoined!: () => void;
  readonly joined = new Promise<void>((resolve) => (this.markJoined = resolve));
  private readonly onBatch: (batch: DeliveredBatch) => Promise<void>;
  private readonly eventTypes: string[] | null;

  constructor(
    private readonly transport: PostgresLogTransportOptions,
    private readonly subscription: SubscriptionOptions,
    private readonly onClosed: () => void,
  ) {
    this.logger = new Logger(`event-log:${subscription.groupId}`);
    this.onBatch = batchHandlerOf(subscription);
    this.eventTypes = subscription.eventTypes ? [...subscription.eventTypes] : null;
  }

  start(): void {
    this.loop = this.run();
  }

  isRunning(): boolean {
    return !this.stopped && this.client !== undefined;
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wakeup.wake();
    await this.loop;
    this.onClosed();
  }

  private async run(): Promise<void> {
    const idle = this.transport.pollIntervalMs ?? 500;
    while (!this.stopped) {
      try {
        const client = await this.connected();
        if (!this.leader) {
          this.leader = await this.tryLead(client);
          if (!this.leader) {
            await this.sleep(idle);
            continue;
          }
        }
        const read = await this.deliverAvailable(client);
        if (read === 0) await this.sleep(idle);
      } catch (error) {
        this.logger.warn(`Event log consumer paused: ${(error as Error).message}`);
        await this.disconnect();
        await this.sleep(Math.min(idle * 4, 5_000));
      }
    }
    await this.disconnect();
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.transport.url,
      application_name: `event-log:${this.subscription.groupId}`,
    });
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      if (message.payload !== undefined && this.subscription.topics.includes(message.payload)) {
        this.wakeup.wake();
      }
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    await client.query(
      `INSERT INTO event_log.consumer_offsets (group_id, topic)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [this.subscription.groupId, [...this.subscription.topics]],
    );
    this.client = client;
    this.markJoined();
    return client;
  }

  private async tryLead(client: pg.Client): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
      [LOCK_NAMESPACE, this.subscription.groupId],
    );
    return result.rows[0]?.locked === true;
  }

  /**
   * Hands each topic's next records to the subscriber, split by key into batches applied side
   * by side; the topic's offset moves past them once every batch is applied. Returns how many
   * records it read.
   */
  private async deliverAvailable(client: pg.Client): Promise<number> {
    const lanes = Math.max(1, this.transport.concurrency ?? 2);
    let read = 0;
    for (const topic of this.subscription.topics) {
      if (this.stopped) return read;
      // The body of a record the subscriber does not handle is not even fetched.
      const rows = await client.query<LogRow>(
        `SELECT r."offset", r.key, r.headers,
                CASE WHEN $4::text[] IS NULL OR NOT r.headers ? '${EVENT_TYPE_HEADER}'
                       OR r.headers ->> '${EVENT_TYPE_HEADER}' = ANY($4::text[])
                     THEN r.value END AS value
         FROM event_log.records r
         WHERE r.topic = $2 AND r."offset" > (
           SELECT committed_offset FROM event_log.consumer_offsets WHERE group_id = $1 AND topic = $2)
         ORDER BY r."offset"
         LIMIT $3`,
        [
          this.subscription.groupId,
          topic,
          (this.transport.batchSize ?? 500) * lanes,
          this.eventTypes,
        ],
      );
      const last = rows.rows.at(-1);
      if (!last) continue;
      const batches: DeliveredRecord[][] = Array.from({ length: lanes }, () => []);
      for (const row of rows.rows) {
        if (row.value === null) continue;
        batches[laneOf(row.key, lanes)]?.push({
          topic,
          partition: 0,
          offset: row.offset,
          key: row.key,
          value: row.value,
          headers: row.headers,
        });
      }
      const applied = await Promise.allSettled(
        batches
          .filter((records) => records.length > 0)
          .map((records) => this.onBatch({ topic, partition: 0, records })),
      );
      // Every batch has ended before any is delivered again: one key is never applied twice at once.
      const failed = applied.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      await client.query(
        `UPDATE event_log.consumer_offsets SET committed_offset = $3, updated_at = now()
         WHERE group_id = $1 AND topic = $2`,
        [this.subscription.groupId, topic, last.offset],
      );
      read += rows.rows.length;
    }
    return read;
  }

  private sleep(ms: number): Promise<void> {
    return this.wakeup.sleep(ms);
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.leader = false;
    // Closing the session releases the advisory lock, so a standby can take over.
    await client?.end().catch(() => undefined);
  }
}
