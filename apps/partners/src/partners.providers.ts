import type { Provider } from '@nestjs/common';
import { AccountEventsConsumer } from './accounts/account-events.consumer.js';
import { AccountRepository } from './accounts/account.repository.js';
import { PartnerCommandsService } from './organisations/partner-commands.service.js';
import { PartnerQueriesService } from './organisations/partner-queries.service.js';
import { PartnerRepository } from './organisations/partner.repository.js';
import { PartnerResolver } from './organisations/partner.resolver.js';

/** What the service knows of the accounts. */
export const ACCOUNTS: Provider[] = [AccountRepository];

/** The partner organisations, managed by admins. */
export const ORGANISATIONS: Provider[] = [
  PartnerRepository,
  PartnerQueriesService,
  PartnerCommandsService,
  PartnerResolver,
];

/** What listens to other services' events (not wired in specs, which deliver by hand). */
export const CONSUMERS: Provider[] = [AccountEventsConsumer];
