import type { Provider } from '@nestjs/common';
import { AccountEventsConsumer } from './account-events.consumer.js';
import { AccountRepository } from './accounts/account.repository.js';
import { PartnerCommandsService } from './organisations/partner-commands.service.js';
import { PartnerQueriesService } from './organisations/partner-queries.service.js';
import { PartnerRepository } from './organisations/partner.repository.js';
import { PartnerResolver } from './organisations/partner.resolver.js';
import { PartnerPerformanceRepository } from './performance/partner-performance.repository.js';
import { PartnerPerformanceResolver } from './performance/partner-performance.resolver.js';
import { PartnerNotificationsConsumer } from './webhooks/partner-notifications.consumer.js';

/** What the service knows of the accounts. */
export const ACCOUNTS: Provider[] = [AccountRepository];

/** The partner organisations, managed by admins, and what their leads became. */
export const ORGANISATIONS: Provider[] = [
  PartnerRepository,
  PartnerQueriesService,
  PartnerCommandsService,
  PartnerResolver,
  PartnerPerformanceRepository,
  PartnerPerformanceResolver,
];

/**
 * What listens to events (not wired in specs, which deliver by hand): the accounts' facts and
 * the leads that follow them; partners told of their leads and deals.
 */
export const CONSUMERS: Provider[] = [AccountEventsConsumer, PartnerNotificationsConsumer];
