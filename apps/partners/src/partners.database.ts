import type { ServiceDatabaseOptions } from '@gap/database';
import { PARTNERS_MIGRATIONS, PARTNERS_SCHEMA } from './migrations/index.js';

export function partnersDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: PARTNERS_SCHEMA,
    entities: [],
    migrations: PARTNERS_MIGRATIONS,
    applicationName: 'partners',
  };
}
