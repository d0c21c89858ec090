import type { ServiceDatabaseOptions } from '@gap/database';
import { BUNDLES_MIGRATIONS, BUNDLES_SCHEMA } from './migrations/index.js';

export function bundlesDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: BUNDLES_SCHEMA,
    entities: [],
    migrations: BUNDLES_MIGRATIONS,
    applicationName: 'bundles',
  };
}
