import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkReceivedEnvelope,
  deadLetterTopic,
  EVENT_CATALOG,
  type EventEnvelope,
  type EventType,
} from '@gap/contracts';
import { Correlation } from '@gap/observability';
import {
  type DeliveredRecord,
  type EventTransport,
  type Subscription,
} from '../transport/event-transport.js';
import { Wakeup } from '../wakeup.js';
import { DeadLetters } from './dead-letters.js';
import { InboxRepository } from './inbox.repository.js';

export type EventHandler<T extends EventType> = (
  event: EventEnvelope<T>,
  manager: EntityManager,
) => Promise<void>;

export type EventHandlers = { readonly [T in EventType]?: EventHandler<T> };

/**
 * Applies several events at once, set-based (one read and one write for the lot rather than a
 * few statements each), in the order given: delivery order, which keeps each key's events in
 * the order they were published.
 */
export interface BatchEventHandler<T extends EventType = EventType> {
  /** The event types it applies. */
  readonly types: readonly T[];
  handle(events: readonly EventEnvelope<T>[], manager: EntityManager): Promise<void>;
}

export interface EventConsumerOptions {
  /** The consuming service's group: each group sees every event once. */
  readonly groupId: string;
  /** The topics to read: by default those of the handled event types, and no other. */
  readonly topics?: readonly string[];
  readonly handlers: EventHandlers;
  /**
   * Event types applied a batch at a time instead of (or besides) `handlers`: each delivered
   * batch's fresh events of these types go to `handle` together, in order. An event of another
   * type between them is applied after those before it and before those after it. When the
   * batch fails, each event is applied alone (a batch of one), so that only a poison event is
   * parked.
   */
  readonly batchHandler?: BatchEventHandler;
  /** How often a failing event is tried before it goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

type Item =
  | { readonly kind: 'ignored'; readonly record: DeliveredRecord }
  | { readonly kind: 'poison'; readonly record: DeliveredRecord; readonly error: string }
  | { readonly kind: 'event'; readonly record: DeliveredRecord; readonly event: EventEnvelope };

/** A handler failed on the fast path: the batch is applied again, each event isolated. */
class IsolationNeeded extends Error {
  constructor(readonly failure: unknown) {
    super('A handler failed; the batch is applied again with each event isolated.');
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The topics the handled event types are published to. */
export function topicsOf(handlers: EventHandlers, batchHandler?: BatchEventHandler): string[] {
  return [
    ...new Set(
      handledTypes(handlers, batchHandler).map((type) => EVENT_CATALOG[type as EventType].topic),
    ),
  ];
}

/** The event types a consumer applies, one at a time or a batch at a time. */
function handledTypes(handlers: EventHandlers, batchHandler?: BatchEventHandler): string[] {
  return [...new Set([...Object.keys(handlers), ...(batchHandler?.types ?? [])])];
}

/**
 * Applies events to a service's own state exactly once, a batch at a time: the batch's event
 * ids go into the inbox (one statement) in the same transaction as the effects, so a
 * redelivered batch finds its ids and changes nothing. An event that cannot be applied
 * (malformed, or its handler failing every attempt) is rolled back to its savepoint and parked
 * on the topic's dead-letter topic with the error, and the rest of the batch applies.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly inbox: InboxRepository;
  private readonly deadLetters: DeadLetters;
  private subscription?: Subscription;
  private readonly wakeup = new Wakeup();
  private readonly types: ReadonlySet<string>;
  private readonly batchTypes: ReadonlySet<string>;
  readonly topics: readonly string[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`consumer:${options.groupId}`);
    this.inbox = new InboxRepository(dataSource);
    this.deadLetters = new DeadLetters(transport, options.groupId, this.logger);
    this.types = new Set(handledTypes(options.handlers, options.batchHandler));
    this.batchTypes = new Set(options.batchHandler?.types ?? []);
    this.topics = options.topics ?? topicsOf(options.handlers, options.batchHandler);
  }

  get deadLetterTopics(): string[] {
    return this.topics.map(deadLetterTopic);
  }

  async start(): Promise<void> {
    this.subscription = await this.transport.subscribe({
      groupId: this.options.groupId,
      topics: this.topics,
      eventTypes: [...this.types],
      onBatch: async (batch) => {
        await this.consumeBatch(batch.records);
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

  /** Handles one delivered record, as a batch of one. */
  async consume(record: DeliveredRecord): Promise<Outcome> {
    const [outcome] = await this.consumeBatch([record]);
    return outcome ?? 'ignored';
  }

  /**
   * Applies delivered records (in order) in one transaction; returns each record's outcome.
   * Throws, so that the transport delivers the records again, only when the database does not
   * answer: then nothing has been parked.
   */
  async consumeBatch(records: readonly DeliveredRecord[]): Promise<Outcome[]> {
    const items = records.map((record) => this.decode(record));
    if (items.every((item) => item.kind === 'ignored')) return items.map(() => 'ignored');
    const attempts = this.options.maxAttempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.apply(items);
      } catch (error) {
        lastError = error;
        this.logger.warn(
          `A batch of ${records.length} record(s) failed, attempt ${attempt} of ${attempts}: ${messageOf(error)}`,
        );
        if (attempt < attempts) await this.pause(attempt);
      }
    }
    // When the database itself does not answer, no event is poison: leave the batch to be
    // delivered again once the database is back, rather than parking it in the dead letters.
    if (!(await this.databaseAnswers())) throw lastError;
    // The database answers, yet the batch does not go through as a whole: one by one, so that
    // only what cannot be applied is parked.
    const outcomes: Outcome[] = [];
    for (const item of items) outcomes.push(await this.applyAlone(item));
    return outcomes;
  }

  private decode(record: DeliveredRecord): Item {
    let raw: unknown;
    try {
      raw = JSON.parse(record.value);
    } catch (error) {
      return { kind: 'poison', record, error: `Not JSON: ${messageOf(error)}` };
    }
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string') {
      return { kind: 'poison', record, error: 'The record has no event type.' };
    }
    if (!this.types.has(type)) return { kind: 'ignored', record };
    const checked = checkReceivedEnvelope(raw);
    if (!checked.ok) return { kind: 'poison', record, error: checked.problems.join('; ') };
    return { kind: 'event', record, event: checked.value };
  }

  /**
   * Applies the batch without a savepoint per event first (a subtransaction per event would
   * cost two round trips each, and past 64 of them PostgreSQL's snapshots slow down for every
   * session); when a handler fails, applies it again with each event isolated.
   */
  private async apply(items: readonly Item[]): Promise<Outcome[]> {
    if (items.filter((item) => item.kind === 'event').length <= 1) {
      return this.applyInTransaction(items, true);
    }
    try {
      return await this.applyInTransaction(items, false);
    } catch (error) {
      if (!(error instanceof IsolationNeeded)) throw error;
      this.logger.warn(`Isolating each event of the batch: ${messageOf(error.failure)}`);
      return this.applyInTransaction(items, true);
    }
  }

  private applyInTransaction(items: readonly Item[], isolate: boolean): Promise<Outcome[]> {
    return this.dataSource.transaction(async (manager) => {
      const events = items.flatMap((item) =>
        item.kind === 'event' ? [{ id: item.event.id.toLowerCase(), type: item.event.type }] : [],
      );
      const fresh = await this.inbox.claimAll(manager, this.options.groupId, events);
      const outcomes: Outcome[] = [];
      const parked: { record: DeliveredRecord; error: string }[] = [];
      // The batch handler's events so far, applied together before any other event.
      const together: EventEnvelope[] = [];
      const applyTogether = async () => {
        if (together.length === 0) return;
        await this.handleTogether(together.splice(0), manager).catch((error: unknown) => {
          throw new IsolationNeeded(error);
        });
      };
      for (const item of items) {
        if (item.kind === 'ignored') {
          outcomes.push('ignored');
        } else if (item.kind === 'poison') {
          parked.push(item);
          outcomes.push('dead-lettered');
        } else if (!fresh.delete(item.event.id.toLowerCase())) {
          outcomes.push('duplicate');
        } else if (!isolate && this.batchTypes.has(item.event.type)) {
          together.push(item.event);
          outcomes.push('applied');
        } else if (!isolate) {
          await applyTogether();
          await this.handle(item.event, manager).catch((error: unknown) => {
            throw new IsolationNeeded(error);
          });
          outcomes.push('applied');
        } else {
          const error = await this.handleIsolated(item.event, manager);
          if (error === undefined) {
            outcomes.push('applied');
          } else {
            await this.inbox.release(manager, this.options.groupId, item.event.id.toLowerCase());
            parked.push({ record: item.record, error });
            outcomes.push('dead-lettered');
          }
        }
      }
      await applyTogether();
      await this.deadLetters.park(manager, parked);
      return outcomes;
    });
  }

  /** Runs the handler under a savepoint, retrying; returns the last error if it never succeeds. */
  private async handleIsolated(
    event: EventEnvelope,
    manager: EntityManager,
  ): Promise<string | undefined> {
    const attempts = this.options.maxAttempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await manager.query('SAVEPOINT consumer_event');
      try {
        await this.handle(event, manager);
        await manager.query('RELEASE SAVEPOINT consumer_event');
        return undefined;
      } catch (error) {
        // When the database is gone this throws too, and the whole batch is delivered again.
        await manager.query('ROLLBACK TO SAVEPOINT consumer_event');
        lastError = error;
        this.logger.warn(
          `Event ${event.id} (${event.type}) failed, attempt ${attempt} of ${attempts}: ${messageOf(error)}`,
        );
        if (attempt < attempts) await this.pause(attempt);
      }
    }
    return messageOf(lastError);
  }

  private handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (this.batchTypes.has(event.type)) return this.handleTogether([event], manager);
    const handler = this.options.handlers[event.type] as EventHandler<EventType>;
    return Correlation.run({ correlationId: event.correlationId, causationId: event.id }, () =>
      handler(event, manager),
    );
  }

  /** Events of the batch handler's types, applied together, under the first one's correlation. */
  private handleTogether(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    const [first] = events;
    const handler = this.options.batchHandler;
    if (!first || !handler) return Promise.resolve();
    return Correlation.run({ correlationId: first.correlationId, causationId: first.id }, () =>
      handler.handle(events, manager),
    );
  }

  /** One record in a transaction of its own; parked, outside any transaction, if it fails. */
  private async applyAlone(item: Item): Promise<Outcome> {
    try {
      const [outcome] = await this.applyInTransaction([item], true);
      return outcome ?? 'ignored';
    } catch (error) {
      if (!(await this.databaseAnswers())) throw error;
      await this.deadLetters.publish(item.record, messageOf(error));
      return 'dead-lettered';
    }
  }

  private pause(attempt: number): Promise<void> {
    return this.wakeup.sleep((this.options.retryDelayMs ?? 200) * attempt);
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
