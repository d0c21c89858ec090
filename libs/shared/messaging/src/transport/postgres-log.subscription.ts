import { Logger } from '@nestjs/common';
import pg from 'pg';
import {
  batchHandlerOf,
  EVENT_TYPE_HEADER,
  type DeliveredBatch,
  type DeliveredRecord,
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

/** The channel appends notify, so idle consumers wake at once. */
export const CHANNEL = 'event_log';
const LOCK_NAMESPACE = 'event_log';

/** Which of `lanes` batches a record with this key goes to. */
function laneOf(key: string | null, lanes: number): number {
  if (key === null || lanes === 1) return 0;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}

interface LogRow {
  offset: string;
  key: string | null;
  /** Null when the record's event type is one the subscriber does not handle. */
  value: string | null;
  headers: Record<string, string>;
}

/**
 * One consumer group's reader of the event log: the leader of its group (an advisory lock),
 * it reads each topic from the group's committed offset and hands the records on in batches.
 */
export class PostgresLogSubscription implements Subscription {
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
