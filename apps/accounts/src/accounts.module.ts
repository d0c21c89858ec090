import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServicePlatformModule } from '@gap/service';
import type { AccountsConfig } from './accounts.config.js';
import { accountsDatabase } from './accounts.database.js';
import { ACCOUNTS_PROVIDERS } from './accounts.providers.js';
import { PortfolioExportController } from './portfolio/portfolio-export.controller.js';
import { GroupAccountController } from './group-account/group-account.controller.js';
import { GroupAccountEntity } from './group-account/group-account.entity.js';
import { ACCOUNTS_API } from './schema.js';

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
        TypeOrmModule.forFeature([GroupAccountEntity]),
      ],
      controllers: [GroupAccountController, PortfolioExportController],
      providers: ACCOUNTS_PROVIDERS,
    };
  }
}
