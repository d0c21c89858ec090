import { Logger } from '@nestjs/common';
import pg from 'pg';
import type {
  EventTransport,
  OutgoingRecord,
  Subscription,
  SubscriptionOptions,
} from './event-transport.js';
import { Wakeup } from '../wakeup.js';

export interface PostgresLogTransportOptions {
  readonly url: string;
  /** How long an idle consumer waits before it looks again when no notification came. */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
}

const CHANNEL = 'event_log';
const LOCK_NAMESPACE = 'event_log';

class UnknownTopicError extends Error {
  constructor(topic: string) {
    super(`Topic '${topic}' does not exist in the event log; create it with ensureTopics first.`);
    this.name = 'UnknownTopicError';
  }
}

interface LogRow {
  offset: string;
  key: string | null;
  value: string;
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
    if (records.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const counter = await client.query<{ next_offset: string }>(
        'UPDATE event_log.topics SET next_offset = next_offset + $2 WHERE name = $1 RETURNING next_offset',
        [topic, records.length],
      );
      const end = counter.rows[0]?.next_offset;
      if (end === undefined) throw new UnknownTopicError(topic);
      const first = BigInt(end) - BigInt(records.length);
      await client.query(
        `INSERT INTO event_log.records (topic, "offset", key, value, headers)
         SELECT $1, $2::bigint + t.ord - 1, t.key, t.value, t.headers::jsonb
         FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(key, value, headers, ord)`,
        [
          topic,
          first.toString(),
          records.map((r) => r.key),
          records.map((r) => r.value),
          records.map((r) => JSON.stringify(r.headers ?? {})),
        ],
      );
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, topic]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
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

  constructor(
    private readonly transport: PostgresLogTransportOptions,
    private readonly subscription: SubscriptionOptions,
    private readonly onClosed: () => void,
  ) {
    this.logger = new Logger(`event-log:${subscription.groupId}`);
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
        const delivered = await this.deliverAvailable(client);
        if (delivered === 0) await this.sleep(idle);
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

  private async deliverAvailable(client: pg.Client): Promise<number> {
    let delivered = 0;
    for (const topic of this.subscription.topics) {
      const rows = await client.query<LogRow>(
        `SELECT r."offset", r.key, r.value, r.headers
         FROM event_log.records r
         JOIN event_log.consumer_offsets c ON c.group_id = $1 AND c.topic = r.topic
         WHERE r.topic = $2 AND r."offset" > c.committed_offset
         ORDER BY r."offset"
         LIMIT $3`,
        [this.subscription.groupId, topic, this.transport.batchSize ?? 200],
      );
      for (const row of rows.rows) {
        if (this.stopped) return delivered;
        await this.subscription.onRecord({
          topic,
          partition: 0,
          offset: row.offset,
          key: row.key,
          value: row.value,
          headers: row.headers,
        });
        await client.query(
          `UPDATE event_log.consumer_offsets SET committed_offset = $3, updated_at = now()
           WHERE group_id = $1 AND topic = $2`,
          [this.subscription.groupId, topic, row.offset],
        );
        delivered++;
      }
    }
    return delivered;
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
