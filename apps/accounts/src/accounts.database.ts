import type { ServiceDatabaseOptions } from '@gap/database';
import { GroupAccountEntity } from './group-account/group-account.entity.js';
import { ACCOUNTS_MIGRATIONS, ACCOUNTS_SCHEMA } from './migrations/index.js';

export function accountsDatabase(url: string): ServiceDatabaseOptions {
  return {
    url,
    schema: ACCOUNTS_SCHEMA,
    entities: [GroupAccountEntity],
    migrations: ACCOUNTS_MIGRATIONS,
    applicationName: 'accounts',
  };
}
