import type { Provider } from '@nestjs/common';
import { LeadProspectsService } from './lead-prospects.service.js';
import { GroupAccountLeadsResolver } from './group-account-leads.resolver.js';
import { GroupAccountReference } from './group-account.reference.js';
import { LeadsPolicy } from './lead-access.js';
import { LeadCandidatesRepository } from './lead-candidates.repository.js';
import { LeadCommandsService } from './lead-commands.service.js';
import { LeadController } from './lead.controller.js';
import { LeadEffects } from './lead.effects.js';
import { LeadIntakeService } from './lead-intake.service.js';
import { LeadQueriesService } from './lead-queries.service.js';
import { LeadRepository } from './lead.repository.js';
import { LeadResolver } from './lead.resolver.js';
import { LeadRouting } from './lead-routing.service.js';

/** Partners' leads: intake with de-duplication and conflict, the lifecycle, the staff's graph. */
export const LEADS_PROVIDERS: Provider[] = [
  LeadsPolicy,
  LeadRepository,
  LeadCandidatesRepository,
  LeadEffects,
  LeadRouting,
  LeadIntakeService,
  LeadQueriesService,
  LeadCommandsService,
  LeadProspectsService,
  LeadResolver,
  GroupAccountLeadsResolver,
];

/** The REST controllers: the module's `controllers`, and the service's REST API document. */
export const LEADS_CONTROLLERS = [LeadController];

/** The resolvers of the subgraph's schema (PARTNERS_API.resolvers). */
export const LEADS_RESOLVERS = [LeadResolver, GroupAccountLeadsResolver];

/** Entity types the leads extend (PARTNERS_API.orphanedTypes). */
export const LEADS_ORPHANED_TYPES = [GroupAccountReference];
