import type { DataSource, EntityManager } from 'typeorm';
import { qualifiedTable } from '@gap/database';

/** Processed event ids per consumer group, in the consuming service's schema. */
export class InboxRepository {
  private readonly table: string;

  constructor(dataSource: DataSource) {
    this.table = qualifiedTable(dataSource, 'inbox');
  }

  /** Records the event as processed; false when it already was (a duplicate delivery). */
  async claim(
    manager: EntityManager,
    group: string,
    eventId: string,
    type: string,
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO ${this.table} (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [group, eventId, type],
    );
    return inserted.length === 1;
  }
}
