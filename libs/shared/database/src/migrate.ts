import { createServiceDataSource, schemaOf, type ServiceDatabaseOptions } from './data-source.js';
import type { DataSource, Migration } from 'typeorm';

/** One lock for every schema's migrations, so services starting together do not race. */
const MIGRATION_LOCK = 7_202_611;

/**
 * Creates the data source's schema if needed and runs its pending migrations under a
 * database-wide advisory lock; safe to call from several processes at once.
 */
export async function migrateSchema(dataSource: DataSource): Promise<Migration[]> {
  const schema = schemaOf(dataSource);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Opens a short-lived connection for the service's schema and brings it up to date. */
export async function migrateDatabase(options: ServiceDatabaseOptions): Promise<number> {
  // Two connections: one holds the advisory lock while the other runs the migrations.
  const dataSource = createServiceDataSource({ ...options, poolSize: 2 });
  await dataSource.initialize();
  try {
    return (await migrateSchema(dataSource)).length;
  } finally {
    await dataSource.destroy();
  }
}
