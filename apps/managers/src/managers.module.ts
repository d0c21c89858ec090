import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ServicePlatformModule } from '@gap/service';
import { ASSIGNMENT_PROVIDERS } from './assignment/assignment.providers.js';
import { HandoverPlanner } from './assignment/handover-planner.js';
import { CancelHandoverService } from './handover/cancel-handover.service.js';
import { CompleteHandoverService } from './handover/complete-handover.service.js';
import { GroupAccountHandoversResolver } from './handover/group-account-handovers.resolver.js';
import { HandoverAccess } from './handover/handover-access.js';
import {
  CHECKLIST_SOURCES,
  checklistSources,
  HandoverChecklist,
} from './handover/handover-checklist.js';
import { HandoverDeadlines } from './handover/handover-deadlines.job.js';
import { HandoverDeadlinesService } from './handover/handover-deadlines.service.js';
import { HandoverQueryService } from './handover/handover-query.service.js';
import { HandoverTransition } from './handover/handover-transition.js';
import { HandoverRepository } from './handover/handover.repository.js';
import { HandoverResolver } from './handover/handover.resolver.js';
import { HandoverService } from './handover/handover.service.js';
import { OffboardingRepository } from './handover/offboarding.repository.js';
import { OffboardingService } from './handover/offboarding.service.js';
import { OpenWorkRepository } from './handover/open-work.repository.js';
import { OpenWorkService } from './handover/open-work.service.js';
import { ResolveChecklistItemService } from './handover/resolve-checklist-item.service.js';
import { StartHandoverService } from './handover/start-handover.service.js';
import { BUNDLES_LINKS } from './bundles-links/bundles-links.providers.js';
import { COORDINATION_LINKS } from './coordination-links/coordination-links.providers.js';
import type { ManagersConfig } from './managers.config.js';
import { managersDatabase } from './managers.database.js';
import { AccountManagerRepository } from './managers/account-manager.repository.js';
import { AccountManagerResolver } from './managers/account-manager.resolver.js';
import { GroupAccountPrimaryManagerResolver } from './managers/group-account-primary-manager.resolver.js';
import { AccountManagerService } from './managers/account-manager.service.js';
import { ManagerScorecardService } from './managers/manager-scorecard.service.js';
import { RegisterAccountManagerService } from './managers/register-account-manager.service.js';
import { UpdateAccountManagerService } from './managers/update-account-manager.service.js';
import { ManagerPolicyRepository } from './policy/manager-policy.repository.js';
import { ManagerPolicyResolver } from './policy/manager-policy.resolver.js';
import { ManagerPolicyService } from './policy/manager-policy.service.js';
import { REBALANCE_PROVIDERS } from './rebalance/rebalance.providers.js';
import { MANAGERS_API } from './schema.js';
import { ManagerVisibilityRepository } from './visibility/manager-visibility.repository.js';
import { ManagerVisibility } from './visibility/manager-visibility.js';

/** Policy, visibility and the manager directory: what every other feature reads. */
export const FOUNDATION: Provider[] = [
  ManagerPolicyRepository,
  ManagerPolicyService,
  ManagerVisibilityRepository,
  ManagerVisibility,
  AccountManagerRepository,
  AccountManagerService,
  RegisterAccountManagerService,
  UpdateAccountManagerService,
  ManagerScorecardService,
];

/** Handovers and offboarding, one service per use case. */
export const HANDOVER: Provider[] = [
  { provide: CHECKLIST_SOURCES, useFactory: checklistSources },
  HandoverChecklist,
  HandoverRepository,
  OffboardingRepository,
  HandoverAccess,
  HandoverTransition,
  HandoverQueryService,
  HandoverService,
  StartHandoverService,
  ResolveChecklistItemService,
  CompleteHandoverService,
  CancelHandoverService,
  OffboardingService,
  HandoverDeadlinesService,
  OpenWorkRepository,
  OpenWorkService,
];

/**
 * Assignment and rebalance, each with its own list (resolvers and consumer included);
 * assignment asks for handovers through a port bound here to the handover feature.
 */
export const ASSIGNMENT: Provider[] = [
  ...ASSIGNMENT_PROVIDERS,
  ...REBALANCE_PROVIDERS,
  { provide: HandoverPlanner, useExisting: HandoverService },
];

/** The edges of the features above: resolvers and jobs. */
const EDGES: Provider[] = [
  HandoverDeadlines,
  AccountManagerResolver,
  GroupAccountHandoversResolver,
  GroupAccountPrimaryManagerResolver,
  HandoverResolver,
  ManagerPolicyResolver,
];

/** The managers service: account managers, who owns which account, and handovers. */
@Module({})
export class ManagersModule {
  static forRoot(config: ManagersConfig): DynamicModule {
    return {
      module: ManagersModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'managers',
          config,
          database: managersDatabase(config.DATABASE_URL),
          api: MANAGERS_API,
        }),
      ],
      providers: [
        ...FOUNDATION,
        ...HANDOVER,
        ...ASSIGNMENT,
        ...EDGES,
        ...COORDINATION_LINKS,
        ...BUNDLES_LINKS,
      ],
    };
  }
}
