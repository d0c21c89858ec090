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

export interface SubscriptionOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * Called once per record, in order per key. When it throws, the transport delivers the
   * same record again later: nothing is skipped.
   */
  readonly onRecord: (record: DeliveredRecord) => Promise<void>;
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
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** Throws when the transport cannot be reached: readiness uses it. */
  ping(): Promise<void>;
  /** False when publishing the same record again can never succeed (a poison record). */
  isRetriable(error: unknown): boolean;
  close(): Promise<void>;
}

export const TRANSPORT_KINDS = ['postgres', 'kafka'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];
