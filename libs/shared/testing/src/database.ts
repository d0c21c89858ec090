import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  migrateDatabase,
  recreateDatabase,
  type ServiceDatabaseOptions,
} from '@gap/database';
import { testDatabaseUrl } from './environment.js';

/** A connected data source on the test database for one service's schema. */
export async function openTestDataSource(
  options: Omit<ServiceDatabaseOptions, 'url' | 'applicationName'>,
): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    ...options,
    url: testDatabaseUrl(),
    applicationName: `test:${options.schema}`,
    poolSize: 4,
  });
  return dataSource.initialize();
}

/**
 * A database of its own for one spec file (the test database's name with `suffix`), created
 * afresh with the service's migrations: for specs whose subject is the whole service's state,
 * such as who has capacity left, which other specs and the end-to-end run would disturb.
 */
export async function openOwnTestDatabase(
  suffix: string,
  options: Omit<ServiceDatabaseOptions, 'url' | 'applicationName'>,
): Promise<DataSource> {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_${suffix}`;
  const own = { ...options, url: url.toString(), applicationName: `test:${suffix}` };
  await recreateDatabase(own.url);
  await migrateDatabase(own);
  return createServiceDataSource({ ...own, poolSize: 6 }).initialize();
}
