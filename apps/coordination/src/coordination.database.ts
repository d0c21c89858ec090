import type { ServiceDatabaseOptions } from '@gap/database';
import { COORDINATION_MIGRATIONS, COORDINATION_SCHEMA } from './migrations/index.js';

export function coordinationDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: COORDINATION_SCHEMA,
    entities: [],
    migrations: COORDINATION_MIGRATIONS,
    applicationName: 'coordination',
  };
}
