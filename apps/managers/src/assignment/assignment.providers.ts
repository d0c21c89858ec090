import { AccountEventsConsumer } from './account-events.consumer.js';
import { AccountProjectionRepository } from './account-projection.repository.js';
import { AssignmentQueriesService } from './assignment-queries.service.js';
import { AssignmentReadsRepository } from './assignment-reads.repository.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AutomaticAssignmentService } from './automatic-assignment.service.js';
import { GroupAccountManagersResolver } from './group-account-managers.resolver.js';
import { ManualAssignmentService } from './manual-assignment.service.js';
import { PlacementBookService } from './placement-book.service.js';
import { PlacementRepository } from './placement.repository.js';
import { TeamRepository } from './team.repository.js';
import { TeamService } from './team.service.js';

/**
 * The assignment feature's providers, for the managers module. It also needs
 * ManagerPolicyService, ManagerVisibility, OutboxPublisher, MessagingService and a
 * HandoverPlanner (bound to HandoverService: `{ provide: HandoverPlanner, useExisting:
 * HandoverService }`).
 */
export const ASSIGNMENT_PROVIDERS = [
  AssignmentRepository,
  AccountProjectionRepository,
  PlacementRepository,
  AssignmentReadsRepository,
  TeamRepository,
  PlacementBookService,
  AutomaticAssignmentService,
  ManualAssignmentService,
  TeamService,
  AssignmentQueriesService,
  GroupAccountManagersResolver,
  AccountEventsConsumer,
];
