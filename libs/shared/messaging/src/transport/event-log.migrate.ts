import { migrateDatabase } from '@gap/database';
import { EVENT_LOG_MIGRATIONS, EVENT_LOG_SCHEMA } from './event-log.migrations.js';

/** Creates or updates the PostgreSQL event log's tables in the database at `url`. */
export async function migrateEventLog(url: string): Promise<void> {
  await migrateDatabase({
    url,
    schema: EVENT_LOG_SCHEMA,
    entities: [],
    migrations: EVENT_LOG_MIGRATIONS,
    applicationName: 'event-log-migrations',
  });
}
