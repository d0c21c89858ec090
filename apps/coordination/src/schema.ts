import type { SubgraphApi } from '@gap/graphql';
import { DepartmentResolver } from './departments/department.resolver.js';
import { EscalationResolver } from './escalation/escalation.resolver.js';
import { GroupAccountReference } from './requests/group-account.reference.js';
import { GroupAccountRequestsResolver } from './requests/group-account-requests.resolver.js';
import { RequestResolver } from './requests/request.resolver.js';
import { CalendarDayResolver } from './sla/calendar-day.resolver.js';
import { SlaPolicyResolver } from './sla/sla-policy.resolver.js';
import { GroupAccountSlaResolver, SlaBoardResolver } from './sla-board/sla-board.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const COORDINATION_API: SubgraphApi = {
  resolvers: [
    DepartmentResolver,
    SlaPolicyResolver,
    CalendarDayResolver,
    EscalationResolver,
    RequestResolver,
    GroupAccountRequestsResolver,
    SlaBoardResolver,
    GroupAccountSlaResolver,
  ],
  orphanedTypes: [GroupAccountReference],
};
