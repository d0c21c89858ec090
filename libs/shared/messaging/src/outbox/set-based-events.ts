import { EVENT_CATALOG, type EventType } from '@gap/contracts';
import { BATCH_MESSAGE_KEY } from './event-batch.js';

export interface SetBasedEventType {
  readonly type: EventType;
  /**
   * A relation (a CTE name) with one row per event: `aggregate_id` and one column per field of
   * `fields`, named as the field (`"previousTier"`).
   */
  readonly rows: string;
  /** The payload field that holds the aggregate id (`groupAccountId`), if any. */
  readonly aggregateField?: string;
  /** Payload fields that differ from event to event. */
  readonly fields: readonly string[];
  /** Payload fields with one value for every event: name → SQL expression. */
  readonly common: Readonly<Record<string, string>>;
}

export interface SetBasedEvents {
  /** The outbox table, schema-qualified. */
  readonly outbox: string;
  readonly events: readonly SetBasedEventType[];
  /** Placeholders of the statement's parameters: occurred-at (ISO-8601 text), correlation id (text or null). */
  readonly occurredAt: string;
  readonly correlationId: string;
  /** Events per outbox row. */
  readonly batchSize?: number;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The INSERT that writes events built in SQL to the outbox, for a change one statement makes
 * to many rows (a tiering run over the whole book), in the same transaction as the change.
 * Events go in batches: one outbox row per `batchSize` events of a type (an EventBatch, the
 * shared fields once), which the relay publishes as one record per event with the envelope
 * the OutboxPublisher writes. A type's rows are taken in no particular order, so they should be
 * events that do not depend on one another (one per aggregate). Payloads are not checked
 * against their contracts here; the statement's tests do that.
 *
 * Returns, per row written, its `event_type` and the number of `events` in it.
 */
export function setBasedEventsSql(spec: SetBasedEvents): string {
  const size = spec.batchSize ?? 500;
  const batches = spec.events.map((events) => {
    const { topic, version } = EVENT_CATALOG[events.type];
    const common = Object.entries(events.common)
      .map(([name, sql]) => `'${name}', ${sql}`)
      .join(', ');
    const values = ['x.aggregate_id', ...events.fields.map((field) => `x.${quoted(field)}`)];
    return `
    SELECT '${events.type}' AS event_type, '${topic}' AS topic, ${version} AS version,
           json_build_object(${common}) AS common,
           ${events.aggregateField ? `'${events.aggregateField}'` : 'NULL'}::text AS aggregate_field,
           json_build_array(${events.fields.map((f) => `'${f}'`).join(', ')}) AS fields,
           json_agg(json_build_array(${values.join(', ')})) AS items
      FROM (SELECT r.*, row_number() OVER () - 1 AS n FROM ${events.rows} r) x
     GROUP BY x.n / ${size}`;
  });
  // The envelope is built as json text and read into jsonb once: a batch holds hundreds of
  // events, and every jsonb step over it (a cast, a concatenation) would walk all of them.
  return `
INSERT INTO ${spec.outbox} (id, topic, message_key, event_type, envelope)
SELECT b.id, b.topic, '${BATCH_MESSAGE_KEY}', b.event_type,
       json_build_object(
         'id', b.id, 'batch', true, 'type', b.event_type, 'version', b.version,
         'occurredAt', ${spec.occurredAt}::text, 'correlationId', ${spec.correlationId}::text,
         'causationId', NULL, 'common', b.common, 'aggregateField', b.aggregate_field,
         'fields', b.fields, 'items', b.items
       )::jsonb
  FROM (SELECT gen_random_uuid() AS id, g.* FROM (${batches.join('\n    UNION ALL')}) g) b
RETURNING event_type, jsonb_array_length(envelope -> 'items') AS events`;
}
