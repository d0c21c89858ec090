import type { Provider } from '@nestjs/common';
import { AccountEventsConsumer } from '../accounts/account-events.consumer.js';
import { AccountTierRepository } from '../accounts/account-tier.repository.js';
import { GroupAccountRequestsResolver } from './group-account-requests.resolver.js';
import { RequestChange } from './request-change.js';
import { RequestCommandsService } from './request-commands.service.js';
import { RequestQueriesService } from './request-queries.service.js';
import { RequestReadsRepository } from './request-reads.repository.js';
import { RequestRepository } from './request.repository.js';
import { RequestResolver } from './request.resolver.js';
import { RequestViewers } from './request-viewer.js';
import { SlaContextReader } from './sla-context.js';
import { SubmitRequestService } from './submit-request.service.js';
import { TierRetargeter } from '../accounts/tier-retargeter.js';
import { TierRetargetService } from './tier-retarget.service.js';

/** Requests: intake, their life through the departments, their reads; the accounts' projection. */
export const REQUESTS: Provider[] = [
  AccountTierRepository,
  RequestRepository,
  RequestReadsRepository,
  RequestViewers,
  SlaContextReader,
  RequestChange,
  SubmitRequestService,
  RequestCommandsService,
  RequestQueriesService,
  RequestResolver,
  GroupAccountRequestsResolver,
  TierRetargetService,
  { provide: TierRetargeter, useExisting: TierRetargetService },
];

/** What listens to other services' events (not wired in specs, which deliver by hand). */
export const REQUEST_CONSUMERS: Provider[] = [AccountEventsConsumer];
