import { Module } from '@nestjs/common';
import { BUNDLES_LINKS } from '../bundles-links/bundles-links.providers.js';
import { TierExplanationRepository } from '../explanation/tier-explanation.repository.js';
import { TierExplanationService } from '../explanation/tier-explanation.service.js';
import { TierOverrideExpiry } from '../overrides/tier-override.scanner.js';
import { TierOverrideRepository } from '../overrides/tier-override.repository.js';
import { TierOverrideResolver } from '../overrides/tier-override.resolver.js';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { ApplyTieringRunService } from '../runs/apply-tiering-run.service.js';
import { ReadTieringRunsService } from '../runs/read-tiering-runs.service.js';
import { StartTieringRunService } from '../runs/start-tiering-run.service.js';
import { TieringRunRepository } from '../runs/tiering-run.repository.js';
import { TieringRunResolver } from '../runs/tiering-run.resolver.js';
import { AccountProfileRepository } from '../value/account-profile.repository.js';
import { TieringPolicyRepository } from '../value/tiering-policy.repository.js';
import { TieringPolicyResolver } from '../value/tiering-policy.resolver.js';
import { TieringPolicyService } from '../value/tiering-policy.service.js';
import { ValueInputImportResolver } from '../value/value-input-import.resolver.js';
import { ValueInputImportService } from '../value/value-input-import.service.js';
import { ValueInputRepository } from '../value/value-input.repository.js';
import { AccountVisibility } from '../visibility/account-visibility.repository.js';
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
    AccountProfileRepository,
    TieringPolicyRepository,
    TieringPolicyService,
    TieringPolicyResolver,
    ValueInputRepository,
    ValueInputImportService,
    ValueInputImportResolver,
    TieringRunRepository,
    StartTieringRunService,
    ApplyTieringRunService,
    ReadTieringRunsService,
    TieringRunResolver,
    TierOverrideRepository,
    TierOverrideService,
    TierOverrideResolver,
    TierOverrideExpiry,
    TierExplanationRepository,
    TierExplanationService,
    AccountVisibility,
    ...BUNDLES_LINKS,
  ],
})
export class TierAssignmentModule {}
