import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '@gap/service';
import type { AccountsConfig } from './accounts.config.js';
import { accountsDatabase } from './accounts.database.js';
import { ACCOUNTS_API } from './schema.js';
import { GroupAccountModule } from './group-account/group-account.module.js';

/** The accounts service: owner of the group account, its hierarchy, people and dates. */
@Module({})
export class AccountsModule {
  static forRoot(config: AccountsConfig): DynamicModule {
    return {
      module: AccountsModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'accounts',
          config,
          database: accountsDatabase(config.DATABASE_URL),
          api: ACCOUNTS_API,
        }),
        GroupAccountModule,
      ],
    };
  }
}
