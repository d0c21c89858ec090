import { ensureDatabase, migrateDatabase } from '@gap/database';
import { migrateEventLog } from '@gap/messaging';
import { accountsDatabase } from '@gap/accounts/app/database';
import { tieringDatabase } from '@gap/tiering/app/database';
import { managersDatabase } from '@gap/managers/app/database';
import { coordinationDatabase } from '@gap/coordination/app/database';
import { bundlesDatabase } from '@gap/bundles/app/database';
import { partnersDatabase } from '@gap/partners/app/database';

export interface MigrationReport {
  readonly schema: string;
  /** Migrations applied by this call; unknown for the event log, which does not say. */
  readonly applied?: number;
}

/**
 * Creates the database if needed and brings the PostgreSQL event log and every service's
 * schema up to date. Idempotent: on an up-to-date database it applies nothing. The event log
 * comes first because the services' consumers read it as soon as they start.
 */
export async function migratePlatform(url: string): Promise<MigrationReport[]> {
  await ensureDatabase(url);
  await migrateEventLog(url);
  const reports: MigrationReport[] = [{ schema: 'event_log' }];
  for (const [schema, options] of [
    ['accounts', accountsDatabase(url)],
    ['tiering', tieringDatabase(url)],
    ['managers', managersDatabase(url)],
    ['coordination', coordinationDatabase(url)],
    ['bundles', bundlesDatabase(url)],
    ['partners', partnersDatabase(url)],
  ] as const) {
    reports.push({ schema, applied: await migrateDatabase(options) });
  }
  return reports;
}
