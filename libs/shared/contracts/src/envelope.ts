import type { EventPayload, EventType } from './catalog.js';

/**
 * The envelope every event travels in, on Kafka and on the PostgreSQL event log alike.
 * `aggregateId` is the group account the event is about: it is the Kafka key, so each
 * account's events stay in order.
 */
export interface EventEnvelope<T extends EventType = EventType> {
  readonly id: string;
  readonly type: T;
  readonly version: number;
  readonly occurredAt: string;
  readonly aggregateId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly payload: EventPayload<T>;
}
