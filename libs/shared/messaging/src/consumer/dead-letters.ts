import type { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deadLetterTopic } from '@gap/contracts';
import {
  publishWithin,
  type DeliveredRecord,
  type EventTransport,
  type OutgoingRecord,
} from '../transport/event-transport.js';

/** A consumer's records that cannot be applied, parked on their topics' dead-letter topics with the error. */
export class DeadLetters {
  constructor(
    private readonly transport: EventTransport,
    private readonly groupId: string,
    private readonly logger: Logger,
  ) {}

  /** Parks one record at once, outside any transaction. */
  publish(record: DeliveredRecord, error: string): Promise<void> {
    return this.transport.publish(deadLetterTopic(record.topic), [this.deadLetter(record, error)]);
  }

  /**
   * Parks records on their dead-letter topics: in the batch's transaction when the transport
   * lives in the same database (then exactly once), else before the batch commits (a batch
   * delivered again after a failed commit may park the same record twice).
   */
  async park(
    manager: EntityManager,
    parked: readonly { record: DeliveredRecord; error: string }[],
  ): Promise<void> {
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const { record, error } of parked) {
      const topic = deadLetterTopic(record.topic);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), this.deadLetter(record, error)]);
    }
    for (const [topic, records] of byTopic) {
      await publishWithin(this.transport, manager, topic, records);
    }
  }

  private deadLetter(record: DeliveredRecord, error: string): OutgoingRecord {
    this.logger.error(
      `Dead-lettering record ${record.topic}/${record.partition}@${record.offset}: ${error}`,
    );
    return {
      key: record.key ?? '',
      value: record.value,
      headers: {
        ...record.headers,
        'dlq-error': error.slice(0, 4_000),
        'dlq-consumer-group': this.groupId,
        'dlq-source-topic': record.topic,
        'dlq-source-partition': String(record.partition),
        'dlq-source-offset': record.offset,
        'dlq-failed-at': new Date().toISOString(),
      },
    };
  }
}
