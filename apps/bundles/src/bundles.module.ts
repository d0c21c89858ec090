import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '@gap/service';
import type { BundlesConfig } from './bundles.config.js';
import { bundlesDatabase } from './bundles.database.js';
import {
  ACCOUNTS,
  ADOPTION,
  CATALOGUE,
  CONSUMERS,
  PROPOSALS,
  QUALIFICATION,
  SUBSCRIPTIONS,
  TRIAL_JOBS,
  TRIALS,
} from './bundles.providers.js';
import { ProposalController } from './proposals/proposal.controller.js';
import { PROPOSAL_EXPIRY_EVERY_MS, ProposalExpiryJob } from './proposals/proposal-expiry.job.js';
import { QualificationController } from './qualification/qualification.controller.js';
import { TRIAL_QUEUE_OPTIONS } from './trials/trial-queue.repository.js';
import { BUNDLES_API } from './schema.js';

/**
 * The bundles service: the catalogue of core products and demand modules, bundle templates,
 * qualification of accounts, proposals with their approval chain, and the subscriptions
 * acceptance creates; what it knows of the accounts comes from the other services' events.
 */
@Module({})
export class BundlesModule {
  static forRoot(config: BundlesConfig): DynamicModule {
    return {
      module: BundlesModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'bundles',
          config,
          database: bundlesDatabase(config.DATABASE_URL),
          api: BUNDLES_API,
        }),
      ],
      controllers: [QualificationController, ProposalController],
      providers: [
        ...ACCOUNTS,
        ...CATALOGUE,
        ...QUALIFICATION,
        ...PROPOSALS,
        ...CONSUMERS,
        ...SUBSCRIPTIONS,
        ...TRIALS,
        ...TRIAL_JOBS,
        ...ADOPTION,
        { provide: TRIAL_QUEUE_OPTIONS, useValue: { connectionString: config.DATABASE_URL } },
        ProposalExpiryJob,
        {
          provide: PROPOSAL_EXPIRY_EVERY_MS,
          useValue: config.PROPOSAL_EXPIRY_EVERY_SECONDS * 1000,
        },
      ],
    };
  }
}
