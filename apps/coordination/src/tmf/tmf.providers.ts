import type { Provider } from '@nestjs/common';
import { TmfHubConsumer } from './tmf-hub.consumer.js';
import { TmfHubDelivery } from './tmf-hub.delivery.js';
import { TmfHubQueue } from './tmf-hub-queue.repository.js';
import { TmfHubRepository } from './tmf-hub.repository.js';
import { TmfHubService } from './tmf-hub.service.js';
import { TroubleTicketRepository } from './trouble-ticket.repository.js';
import { TroubleTicketService } from './trouble-ticket.service.js';

/** The TMF621 Trouble Ticket facade and its event hub. */
export const TMF: Provider[] = [
  TroubleTicketRepository,
  TroubleTicketService,
  TmfHubRepository,
  TmfHubQueue,
  TmfHubDelivery,
  TmfHubService,
];

/** The hub's reader of the service's own topic (not wired in specs, which deliver by hand). */
export const TMF_CONSUMERS: Provider[] = [TmfHubConsumer];
