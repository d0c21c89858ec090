import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '@gap/service';
import type { TieringConfig } from './tiering.config.js';
import { tieringDatabase } from './tiering.database.js';
import { TIERING_API } from './schema.js';
import { TierAssignmentModule } from './tier-assignment/tier-assignment.module.js';

/** The tiering service: customer value and the A/B/C tier of every group account. */
@Module({})
export class TieringModule {
  static forRoot(config: TieringConfig): DynamicModule {
    return {
      module: TieringModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'tiering',
          config,
          database: tieringDatabase(config.DATABASE_URL),
          api: TIERING_API,
        }),
        TierAssignmentModule,
      ],
    };
  }
}
