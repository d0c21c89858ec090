import { createHash } from 'node:crypto';
import type { EventEnvelope, EventType } from '@gap/contracts';
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  type OutgoingRecord,
} from '../transport/event-transport.js';

/**
 * Many events of one type in one outbox row, as a statement that changes a million rows
 * writes them: the fields they share once, and one array per event with its aggregate and the
 * values of `fields`. The relay publishes each as the envelope the OutboxPublisher would have
 * written, keyed by its aggregate, in order. Each event's id derives from the batch's id and
 * its place in it, so a batch published again carries the same ids (consumers drop repeats).
 */
export interface EventBatch {
  readonly batch: true;
  readonly id: string;
  readonly type: EventType;
  readonly version: number;
  readonly occurredAt: string;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  /** Payload fields with the same value in every event of the batch. */
  readonly common: Readonly<Record<string, unknown>>;
  /** The payload field that holds the aggregate id, if any (it is not repeated in items). */
  readonly aggregateField: string | null;
  readonly fields: readonly string[];
  /** [aggregate id, ...values of `fields`] */
  readonly items: readonly (readonly unknown[])[];
}

/** The outbox message key of a row that holds an EventBatch. */
export const BATCH_MESSAGE_KEY = 'batch';

/** The id of the event at `index` of batch `batchId`: a UUID (version 4 layout) from a hash. */
export function batchEventId(batchId: string, index: number): string {
  const hex = createHash('sha256').update(`${batchId}/${index}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function isEventBatch(value: unknown): value is EventBatch {
  return (
    typeof value === 'object' && value !== null && (value as { batch?: unknown }).batch === true
  );
}

/** An envelope as the relay sends it: its payload is checked by the consumer's contract. */
export type BatchedEnvelope = Omit<EventEnvelope, 'payload'> & {
  readonly payload: Readonly<Record<string, unknown>>;
};

/** The envelopes of a batch, in order. */
export function envelopesOf(batch: EventBatch): BatchedEnvelope[] {
  return batch.items.map(([aggregate, ...values], index) => {
    const eventId = batchEventId(batch.id, index);
    const aggregateId = String(aggregate);
    const payload: Record<string, unknown> = { ...batch.common };
    if (batch.aggregateField) payload[batch.aggregateField] = aggregateId;
    batch.fields.forEach((field, i) => (payload[field] = values[i] ?? null));
    return {
      id: eventId,
      type: batch.type,
      version: batch.version,
      occurredAt: batch.occurredAt,
      aggregateId,
      correlationId: batch.correlationId ?? eventId,
      causationId: batch.causationId,
      payload,
    };
  });
}

/**
 * The records one outbox row stands for: itself, or each event of its batch. Each carries its
 * event id and type as headers, so consumers can skip types they do not handle unparsed.
 */
export function outgoingRecords(row: {
  readonly id: string;
  readonly messageKey: string;
  readonly eventType?: string;
  readonly envelope: string;
}): OutgoingRecord[] {
  // A batch row is keyed 'batch' (see setBasedEventsSql): any other row is sent as it is,
  // without parsing its envelope.
  const batch =
    row.messageKey === BATCH_MESSAGE_KEY ? (JSON.parse(row.envelope) as unknown) : undefined;
  if (!isEventBatch(batch)) {
    const type = row.eventType ?? (JSON.parse(row.envelope) as { type?: unknown } | null)?.type;
    return [
      {
        key: row.messageKey,
        value: row.envelope,
        headers: {
          [EVENT_ID_HEADER]: row.id,
          ...(typeof type === 'string' ? { [EVENT_TYPE_HEADER]: type } : {}),
        },
      },
    ];
  }
  return envelopesOf(batch).map((envelope) => ({
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: { [EVENT_ID_HEADER]: envelope.id, [EVENT_TYPE_HEADER]: envelope.type },
  }));
}
