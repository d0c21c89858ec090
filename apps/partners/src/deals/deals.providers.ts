import type { Provider } from '@nestjs/common';
import { DealController } from './deal.controller.js';
import { DealExpiryJob } from './deal-expiry.job.js';
import { DealRepository } from './deal.repository.js';
import { DealResolver } from './deal.resolver.js';
import { DealService } from './deal.service.js';

/** Deal registrations (they need LeadsPolicy, which comes with LEADS_PROVIDERS). */
export const DEALS_PROVIDERS: Provider[] = [
  DealRepository,
  DealService,
  DealResolver,
  DealExpiryJob,
];

/** The REST controllers: the module's `controllers`, and the service's REST API document. */
export const DEALS_CONTROLLERS = [DealController];

/** The resolvers of the subgraph's schema (PARTNERS_API.resolvers). */
export const DEALS_RESOLVERS = [DealResolver];
