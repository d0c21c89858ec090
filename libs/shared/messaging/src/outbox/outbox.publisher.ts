import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EVENT_CATALOG,
  checkPayload,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '@gap/contracts';
import { Correlation } from '@gap/observability';
import { CommitSignal } from './commit-signal.js';
import { OutboxRepository } from './outbox.repository.js';

export interface PendingEvent<T extends EventType = EventType> {
  readonly type: T;
  /** The group account the event is about: the Kafka key that keeps its events in order. */
  readonly aggregateId: string;
  readonly payload: EventPayload<T>;
}

export class EventContractViolation extends Error {
  constructor(type: string, problems: readonly string[]) {
    super(`Event ${type} does not match its contract: ${problems.join('; ')}`);
    this.name = 'EventContractViolation';
  }
}

/**
 * Records events in the outbox inside the caller's transaction: the state change and its
 * events commit together or not at all. The relay publishes them afterwards, woken as soon as
 * such a transaction commits (see `onCommitted`) rather than at its next look.
 */
export class OutboxPublisher {
  private readonly outbox: OutboxRepository;
  private readonly signal: CommitSignal;

  constructor(dataSource: DataSource) {
    this.outbox = new OutboxRepository(dataSource);
    this.signal = CommitSignal.of(dataSource);
  }

  /**
   * Calls `listener` after each commit of a transaction that recorded events on this data
   * source (through any publisher); returns a function that stops it.
   */
  onCommitted(listener: () => void): () => void {
    return this.signal.listen(listener);
  }

  async record<T extends EventType>(
    manager: EntityManager,
    event: PendingEvent<T>,
  ): Promise<EventEnvelope<T>> {
    const [envelope] = await this.recordAll(manager, [event]);
    return envelope as EventEnvelope<T>;
  }

  async recordAll(
    manager: EntityManager,
    events: readonly PendingEvent[],
  ): Promise<EventEnvelope[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('Events must be recorded inside the transaction that makes the change.');
    }
    this.signal.recorded(runner);
    const context = Correlation.current();
    const occurredAt = new Date().toISOString();
    const envelopes = events.map((event): EventEnvelope => {
      const problems = checkPayload(event.type, event.payload, 'publish');
      if (problems.length > 0) throw new EventContractViolation(event.type, problems);
      const id = randomUUID();
      return {
        id,
        type: event.type,
        version: EVENT_CATALOG[event.type].version,
        occurredAt,
        aggregateId: event.aggregateId,
        correlationId: context?.correlationId ?? id,
        causationId: context?.causationId ?? null,
        payload: event.payload,
      };
    });
    await this.outbox.append(
      manager,
      envelopes.map((envelope) => ({ topic: EVENT_CATALOG[envelope.type].topic, envelope })),
    );
    return envelopes;
  }
}
