import type { DataSource } from 'typeorm';
import { createServiceDataSource, type ServiceDatabaseOptions } from '@gap/database';
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
