import type { Provider } from '@nestjs/common';
import { CustomerController } from './customer.controller.js';
import { OrganizationController } from './organization.controller.js';
import {
  CustomerManagementHubController,
  PartyManagementHubController,
} from './party-hub.controller.js';
import { PartyHubConsumer } from './party-hub.consumer.js';
import { PartyHubService } from './party-hub.service.js';
import { PartyRepository } from './party.repository.js';
import { PartyService } from './party.service.js';

/**
 * TM Forum's party (TMF632) and customer (TMF629) APIs over the partner's own leads, with
 * their listeners (hubs); needs `PartnerWebhooksModule`'s endpoints and dispatch.
 */
export const TMF_PROVIDERS: Provider[] = [
  PartyRepository,
  PartyService,
  PartyHubService,
  PartyHubConsumer,
];

/** The TMF controllers: the module's `controllers`, and the service's REST API document. */
export const TMF_CONTROLLERS = [
  OrganizationController,
  CustomerController,
  PartyManagementHubController,
  CustomerManagementHubController,
];
