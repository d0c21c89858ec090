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
 * events commit together or not at all. The relay publishes them afterwards.
 */
export class OutboxPublisher {
  private readonly outbox: OutboxRepository;

  constructor(dataSource: DataSource) {
    this.outbox = new OutboxRepository(dataSource);
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
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Events must be recorded inside the transaction that makes the change.');
    }
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
