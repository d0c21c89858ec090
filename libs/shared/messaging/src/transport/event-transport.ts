import type { EntityManager } from 'typeorm';

/** A record as the transports carry it: the envelope serialised, keyed by group account. */
export interface OutgoingRecord {
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface DeliveredRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Records of one topic partition, in offset order (so in order per key). */
export interface DeliveredBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly DeliveredRecord[];
}

/** The header naming a record's event type, so consumers can skip a record without parsing it. */
export const EVENT_TYPE_HEADER = 'event-type';
export const EVENT_ID_HEADER = 'event-id';

interface SubscriptionBase {
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * The event types the subscriber handles. A record whose `event-type` header names another
   * type is not delivered (its offset still advances); a record without the header is.
   */
  readonly eventTypes?: readonly string[];
}

export type SubscriptionOptions = SubscriptionBase &
  (
    | {
        /**
         * Called with each batch, batches of one partition one after another. Offsets past a
         * batch are committed only after it resolves; when it throws, the transport delivers
         * the same records again later: nothing is skipped.
         */
        readonly onBatch: (batch: DeliveredBatch) => Promise<void>;
      }
    | {
        /** Called once per record, in order per key; a throw redelivers from that record on. */
        readonly onRecord: (record: DeliveredRecord) => Promise<void>;
      }
  );

/** The batch handler of a subscription, records handed one by one when it asked for that. */
export function batchHandlerOf(
  options: SubscriptionOptions,
): (batch: DeliveredBatch) => Promise<void> {
  if ('onBatch' in options) return options.onBatch;
  const { onRecord } = options;
  return async (batch) => {
    for (const record of batch.records) await onRecord(record);
  };
}

/** True when the subscriber wants a record with these headers. */
export function wanted(
  eventTypes: ReadonlySet<string> | undefined,
  type: string | undefined,
): boolean {
  return eventTypes === undefined || type === undefined || eventTypes.has(type);
}

export interface Subscription {
  /** Resolves once the consumer has joined its group and will receive records. */
  readonly joined: Promise<void>;
  isRunning(): boolean;
  close(): Promise<void>;
}

/**
 * The one port the outbox relay and the consumers talk to. Kafka is the production engine;
 * the PostgreSQL event log is the embedded single-machine default. Same envelope, same
 * consumer code.
 */
export interface EventTransport {
  readonly kind: TransportKind;
  ensureTopics(topics: readonly string[]): Promise<void>;
  publish(topic: string, records: readonly OutgoingRecord[]): Promise<void>;
  /**
   * Appends inside the caller's transaction when the transport lives in the caller's database
   * (the PostgreSQL event log in the embedded mode): the records become visible when, and
   * only if, that transaction commits. False when it cannot (another database, or Kafka):
   * the caller publishes with `publish` instead.
   */
  appendWithin?(
    manager: EntityManager,
    topic: string,
    records: readonly OutgoingRecord[],
  ): Promise<boolean>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** Throws when the transport cannot be reached: readiness uses it. */
  ping(): Promise<void>;
  /** False when publishing the same record again can never succeed (a poison record). */
  isRetriable(error: unknown): boolean;
  close(): Promise<void>;
}

/**
 * Publishes in the caller's transaction when the transport can, else through the transport
 * (then the records are out even if the caller's transaction rolls back).
 */
export async function publishWithin(
  transport: EventTransport,
  manager: EntityManager,
  topic: string,
  records: readonly OutgoingRecord[],
): Promise<void> {
  if (records.length === 0) return;
  if (await transport.appendWithin?.(manager, topic, records)) return;
  await transport.publish(topic, records);
}

export const TRANSPORT_KINDS = ['postgres', 'kafka'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];
