import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkReceivedEnvelope,
  deadLetterTopic,
  type EventEnvelope,
  type EventType,
} from '@gap/contracts';
import { Correlation } from '@gap/observability';
import type {
  DeliveredRecord,
  EventTransport,
  Subscription,
} from '../transport/event-transport.js';
import { Wakeup } from '../wakeup.js';
import { InboxRepository } from './inbox.repository.js';

export type EventHandler<T extends EventType> = (
  event: EventEnvelope<T>,
  manager: EntityManager,
) => Promise<void>;

export type EventHandlers = { readonly [T in EventType]?: EventHandler<T> };

export interface EventConsumerOptions {
  /** The consuming service's group: each group sees every event once. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handlers: EventHandlers;
  /** How often a failing event is tried before it goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Applies events to a service's own state exactly once: the event id goes into the inbox in
 * the same transaction as the effect, so a redelivered event finds its id and changes nothing.
 * An event that cannot be applied (malformed, or failing every attempt) is published to the
 * topic's dead-letter topic with the error, and the consumer moves on.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly inbox: InboxRepository;
  private subscription?: Subscription;
  private readonly wakeup = new Wakeup();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`consumer:${options.groupId}`);
    this.inbox = new InboxRepository(dataSource);
  }

  get topics(): readonly string[] {
    return this.options.topics;
  }

  get deadLetterTopics(): string[] {
    return this.options.topics.map(deadLetterTopic);
  }

  async start(): Promise<void> {
    this.subscription = await this.transport.subscribe({
      groupId: this.options.groupId,
      topics: this.options.topics,
      onRecord: async (record) => {
        await this.consume(record);
      },
    });
  }

  /** Resolves once the consumer has joined its group. */
  async joined(): Promise<void> {
    if (!this.subscription) throw new Error(`Consumer ${this.options.groupId} was not started.`);
    await this.subscription.joined;
  }

  isRunning(): boolean {
    return this.subscription?.isRunning() ?? false;
  }

  async stop(): Promise<void> {
    this.wakeup.wake();
    await this.subscription?.close();
    this.subscription = undefined;
  }

  /** Handles one delivered record; public so the delivery rules can be tested record by record. */
  async consume(record: DeliveredRecord): Promise<Outcome> {
    let raw: unknown;
    try {
      raw = JSON.parse(record.value);
    } catch (error) {
      return this.deadLetter(record, `Not JSON: ${messageOf(error)}`);
    }
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in this.options.handlers)) {
      if (typeof type === 'string') return 'ignored';
      return this.deadLetter(record, 'The record has no event type.');
    }
    const checked = checkReceivedEnvelope(raw);
    if (!checked.ok) return this.deadLetter(record, checked.problems.join('; '));

    const attempts = this.options.maxAttempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.applyOnce(checked.value);
      } catch (error) {
        lastError = error;
        this.logger.warn(
          `Event ${checked.value.id} (${checked.value.type}) failed, attempt ${attempt} of ${attempts}: ${messageOf(error)}`,
        );
        if (attempt < attempts)
          await this.wakeup.sleep((this.options.retryDelayMs ?? 200) * attempt);
      }
    }
    // When the database itself does not answer, the event is not poison: leave it to be
    // delivered again once the database is back, rather than parking it in the dead letters.
    if (!(await this.databaseAnswers())) throw lastError;
    return this.deadLetter(record, messageOf(lastError));
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async applyOnce(event: EventEnvelope): Promise<Outcome> {
    const handler = this.options.handlers[event.type] as EventHandler<EventType>;
    return this.dataSource.transaction(async (manager) => {
      const first = await this.inbox.claim(manager, this.options.groupId, event.id, event.type);
      if (!first) return 'duplicate';
      await Correlation.run({ correlationId: event.correlationId, causationId: event.id }, () =>
        handler(event, manager),
      );
      return 'applied';
    });
  }

  private async deadLetter(record: DeliveredRecord, error: string): Promise<Outcome> {
    this.logger.error(
      `Dead-lettering record ${record.topic}/${record.partition}@${record.offset}: ${error}`,
    );
    await this.transport.publish(deadLetterTopic(record.topic), [
      {
        key: record.key ?? '',
        value: record.value,
        headers: {
          'dlq-error': error.slice(0, 4_000),
          'dlq-consumer-group': this.options.groupId,
          'dlq-source-topic': record.topic,
          'dlq-source-partition': String(record.partition),
          'dlq-source-offset': record.offset,
          'dlq-failed-at': new Date().toISOString(),
        },
      },
    ]);
    return 'dead-lettered';
  }
}
