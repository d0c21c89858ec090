import { Logger } from '@nestjs/common';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import {
  batchHandlerOf,
  EVENT_TYPE_HEADER,
  wanted,
  type DeliveredRecord,
  type EventTransport,
  type OutgoingRecord,
  type Subscription,
  type SubscriptionOptions,
} from './event-transport.js';

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /**
   * Partitions of a topic this transport creates (default 6): the instances of one consumer
   * group share a topic's partitions, so this bounds how many of them work at once. Existing
   * topics keep theirs.
   */
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** Records a consumer applies in one transaction at most (default 500). */
  readonly batchSize?: number;
  /** Partitions one consumer applies at the same time, each in its own transaction (default 3). */
  readonly partitionsConsumedConcurrently?: number;
  /** Put before every topic name on the cluster; the platform's own names are used inside. */
  readonly topicPrefix?: string;
}

const TRANSIENT_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSConnectionClosedError',
  'KafkaJSLockTimeout',
]);

function kafkaLogger(namespace: string) {
  const logger = new Logger(`kafkajs:${namespace}`);
  return () =>
    ({ level, log }: LogEntry): void => {
      const { message, ...extra } = log;
      const line = `${message} ${JSON.stringify(extra)}`;
      if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else logger.debug(line);
    };
}

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value instanceof Buffer) headers[name] = value.toString('utf8');
    else if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

const TOPIC_READY_TIMEOUT_MS = 30_000;
export const DEFAULT_PARTITIONS = 6;

/** Another service created the topic between our look and our create: that is success. */
function isTopicAlreadyCreated(error: unknown): boolean {
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}));
  return /TOPIC_ALREADY_EXISTS|already exists/i.test(text);
}

export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly consumers = new Set<Consumer>();

  private readonly prefix: string;

  constructor(private readonly options: KafkaTransportOptions) {
    this.prefix = options.topicPrefix ?? '';
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogger(options.clientId),
      retry: { initialRetryTime: 200, retries: 8 },
    });
  }

  /**
   * Creates the topics that are missing and waits until every partition of every topic has a
   * leader. Services start side by side and create the same topics at the same moment, and a
   * freshly created or just deleted topic answers "does not host this topic-partition" for a
   * while: both are waited out rather than failing the boot.
   */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = [...new Set(topics.map((topic) => this.onCluster(topic)))];
    if (wanted.length === 0) return;
    const admin = await this.getAdmin();
    await this.untilReady(`creating ${wanted.join(', ')}`, async () => {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.options.partitions ?? DEFAULT_PARTITIONS,
            replicationFactor: this.options.replicationFactor ?? 1,
          })),
        });
      }
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: wanted });
      return metadata.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0),
      );
    });
  }

  /** Repeats `attempt` until it says ready, through retriable errors, for up to 30 s. */
  private async untilReady(what: string, attempt: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + TOPIC_READY_TIMEOUT_MS;
    for (;;) {
      let failure: unknown;
      try {
        if (await attempt()) return;
      } catch (error) {
        if (!this.isRetriable(error) && !isTopicAlreadyCreated(error)) throw error;
        failure = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Kafka was not ready in time (${what}): ${failure instanceof Error ? failure.message : 'partitions without a leader'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async publish(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const producer = await this.getProducer();
    await producer.send({
      topic: this.onCluster(topic),
      acks: -1,
      messages: records.map((record) => ({
        key: record.key,
        value: record.value,
        headers: { ...record.headers },
      })),
    });
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { initialRetryTime: 300, retries: 10 },
    });
    this.consumers.add(consumer);
    let running = false;
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    consumer.on(consumer.events.CRASH, () => {
      running = false;
    });
    // After a crash kafkajs restarts the consumer, which joins its group again.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      running = true;
    });
    await consumer.connect();
    await this.untilReady(`subscribing to ${options.topics.join(', ')}`, async () => {
      await consumer.subscribe({
        topics: options.topics.map((topic) => this.onCluster(topic)),
        fromBeginning: true,
      });
      return true;
    });
    const onBatch = batchHandlerOf(options);
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    const batchSize = this.options.batchSize ?? 500;
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatchAutoResolve: false,
      // Offsets are resolved below only once a batch is applied, and committed after each.
      eachBatch: async (payload) => {
        const { batch } = payload;
        const topic = batch.topic.slice(this.prefix.length);
        let pending: DeliveredRecord[] = [];
        let lastOffset: string | undefined;
        const flush = async (): Promise<void> => {
          if (pending.length > 0)
            await onBatch({ topic, partition: batch.partition, records: pending });
          pending = [];
          if (lastOffset !== undefined) payload.resolveOffset(lastOffset);
          await payload.heartbeat();
        };
        for (const message of batch.messages) {
          // Stopping, or the partition moved to another instance: what is left is delivered again.
          if (!payload.isRunning() || payload.isStale()) return;
          lastOffset = message.offset;
          // The type is read from the header: a record of a type nobody here handles is not
          // even decoded.
          const type = message.headers?.[EVENT_TYPE_HEADER]?.toString();
          if (wanted(types, type)) {
            pending.push({
              topic,
              partition: batch.partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? '',
              headers: headersOf(message.headers),
            });
          }
          if (pending.length >= batchSize) await flush();
        }
        await flush();
      },
    });
    running = true;
    return {
      joined,
      isRunning: () => running,
      close: async () => {
        running = false;
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  /** A topic's name on the cluster. */
  private onCluster(topic: string): string {
    return this.prefix + topic;
  }

  async ping(): Promise<void> {
    const admin = await this.getAdmin();
    await admin.describeCluster();
  }

  isRetriable(error: unknown): boolean {
    if (typeof error !== 'object' || error === null) return true;
    const { name, retriable } = error as { name?: string; retriable?: boolean };
    if (name !== undefined && TRANSIENT_ERRORS.has(name)) return true;
    if (name === 'KafkaJSProtocolError' || name === 'KafkaJSNonRetriableError') {
      return retriable === true;
    }
    return true;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    const [producer, admin] = [this.producer, this.admin];
    this.producer = undefined;
    this.admin = undefined;
    await Promise.allSettled([
      producer?.then((p) => p.disconnect()),
      admin?.then((a) => a.disconnect()),
    ]);
  }

  private getProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      // One request in flight keeps each partition's order across retries. Not the idempotent
      // producer: it wants unbounded retries, and a relay must give up and retry later instead;
      // a duplicate from a retry is dropped by the consumers' inbox.
      const producer = this.kafka.producer({
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private getAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}
