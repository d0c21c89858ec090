import { Module } from '@nestjs/common';
import { TierExplanationService } from '../explanation/tier-explanation.service.js';
import { TierOverrideExpiry } from '../overrides/tier-override.scanner.js';
import { TierOverrideResolver } from '../overrides/tier-override.resolver.js';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { TieringRunResolver } from '../runs/tiering-run.resolver.js';
import { TieringRunService } from '../runs/tiering-run.service.js';
import { AccountProfileProjection } from '../value/account-profile.projection.js';
import { TieringPolicyResolver } from '../value/tiering-policy.resolver.js';
import { ValueInputImportResolver } from '../value/value-input-import.resolver.js';
import { ValueInputImportService } from '../value/value-input-import.service.js';
import { TieringPolicyService } from '../value/tiering-policy.service.js';
import { AccountVisibility } from '../visibility/account-visibility.js';
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
    AccountProfileProjection,
    TieringPolicyService,
    TieringPolicyResolver,
    ValueInputImportService,
    ValueInputImportResolver,
    TieringRunService,
    TieringRunResolver,
    TierOverrideService,
    TierOverrideResolver,
    TierOverrideExpiry,
    TierExplanationService,
    AccountVisibility,
  ],
})
export class TierAssignmentModule {}
