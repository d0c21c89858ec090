import type { DataSource, EntityManager } from 'typeorm';
import { qualifiedTable } from '@gap/database';

export interface InboxEntry {
  readonly id: string;
  readonly type: string;
}

/** Processed event ids per consumer group, in the consuming service's schema. */
export class InboxRepository {
  private readonly table: string;

  constructor(dataSource: DataSource) {
    this.table = qualifiedTable(dataSource, 'inbox');
  }

  /**
   * Records the events as processed, in one statement; returns the ids that were not yet
   * (the others are duplicate deliveries). An id twice in `events` is claimed once.
   */
  async claimAll(
    manager: EntityManager,
    group: string,
    events: readonly InboxEntry[],
  ): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const inserted = await manager.query<{ event_id: string }[]>(
      `INSERT INTO ${this.table} (consumer_group, event_id, event_type)
       SELECT $1, t.id, t.type FROM unnest($2::uuid[], $3::text[]) AS t(id, type)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [group, events.map((e) => e.id), events.map((e) => e.type)],
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  /** Gives a claim back: the event was parked, and is applied if it is ever replayed. */
  async release(manager: EntityManager, group: string, eventId: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE consumer_group = $1 AND event_id = $2`, [
      group,
      eventId,
    ]);
  }
}
