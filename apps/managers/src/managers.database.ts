import type { ServiceDatabaseOptions } from '@gap/database';
import { MANAGERS_MIGRATIONS, MANAGERS_SCHEMA } from './migrations/index.js';

export function managersDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: MANAGERS_SCHEMA,
    entities: [],
    migrations: MANAGERS_MIGRATIONS,
    applicationName: 'managers',
  };
}
