import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { MessagingService, type EventHandlers } from '@gap/messaging';
import { LEAD_EVENTS, type LeadEvent } from './party-hub.js';
import { PartyHubService } from './party-hub.service.js';

/** A group of its own: TMF listeners are told at their pace, beside the outcome webhooks. */
export const PARTY_HUB_CONSUMER_GROUP = 'partners-tmf-hub';

/**
 * The partners' TMF632 and TMF629 listeners follow the leads' events: each step, consumed once,
 * queues its TMF events for the lead's partner's hubs in the consumption's transaction.
 */
@Injectable()
export class PartyHubConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly hubs: PartyHubService,
  ) {}

  onModuleInit(): void {
    const handlers = Object.fromEntries(
      LEAD_EVENTS.map((type) => [
        type,
        (event: EventEnvelope, tx: EntityManager) =>
          this.hubs.fanOut(event, event.type as LeadEvent, tx),
      ]),
    ) as EventHandlers;
    this.messaging.consume({ groupId: PARTY_HUB_CONSUMER_GROUP, handlers });
  }
}
