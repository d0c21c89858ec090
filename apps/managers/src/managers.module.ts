import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '@gap/service';
import { AccountEventsConsumer } from './assignment/account-events.consumer.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { AssignmentStore } from './assignment/assignment.store.js';
import { GroupAccountManagersResolver } from './assignment/group-account-managers.resolver.js';
import { CHECKLIST_SOURCES, checklistSources, HandoverChecklist } from './handover/checklist.js';
import { HandoverDeadlines } from './handover/handover-deadlines.job.js';
import { HandoverResolver } from './handover/handover.resolver.js';
import { HandoverService } from './handover/handover.service.js';
import { OffboardingService } from './handover/offboarding.service.js';
import type { ManagersConfig } from './managers.config.js';
import { managersDatabase } from './managers.database.js';
import { AccountManagerResolver } from './managers/account-manager.resolver.js';
import { AccountManagerService } from './managers/account-manager.service.js';
import { ManagerPolicyResolver } from './policy/manager-policy.resolver.js';
import { ManagerPolicyService } from './policy/manager-policy.service.js';
import { RebalanceResolver } from './rebalance/rebalance.resolver.js';
import { RebalanceService } from './rebalance/rebalance.service.js';
import { MANAGERS_API } from './schema.js';
import { ManagerVisibility } from './visibility/manager-visibility.js';

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
        { provide: CHECKLIST_SOURCES, useFactory: checklistSources },
        ManagerPolicyService,
        ManagerVisibility,
        AssignmentStore,
        AccountManagerService,
        AssignmentService,
        HandoverChecklist,
        HandoverService,
        OffboardingService,
        HandoverDeadlines,
        AccountEventsConsumer,
        AccountManagerResolver,
        GroupAccountManagersResolver,
        HandoverResolver,
        ManagerPolicyResolver,
        RebalanceService,
        RebalanceResolver,
      ],
    };
  }
}
