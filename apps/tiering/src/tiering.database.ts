import type { ServiceDatabaseOptions } from '@gap/database';
import { AccountTierEntity } from './tier-assignment/account-tier.entity.js';
import { TIERING_MIGRATIONS, TIERING_SCHEMA } from './migrations/index.js';

export function tieringDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: TIERING_SCHEMA,
    entities: [AccountTierEntity],
    migrations: TIERING_MIGRATIONS,
    applicationName: 'tiering',
  };
}
