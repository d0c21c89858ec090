import { Module } from '@nestjs/common';
import { AccountEventsConsumer } from './account-events.consumer.js';
import { AccountTierRepository } from './account-tier.repository.js';
import { GroupAccountTierResolver } from './group-account-tier.resolver.js';
import { TierAssignmentService } from './tier-assignment.service.js';

@Module({
  providers: [
    AccountTierRepository,
    TierAssignmentService,
    GroupAccountTierResolver,
    AccountEventsConsumer,
  ],
})
export class TierAssignmentModule {}
