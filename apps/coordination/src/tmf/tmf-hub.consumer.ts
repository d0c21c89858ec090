import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestState } from '@gap/coordination/domain';
import { MessagingService } from '@gap/messaging';
import { TmfHubService } from './tmf-hub.service.js';

export const TMF_HUB_CONSUMER_GROUP = 'coordination-tmf621-hub';

/**
 * Reads the service's own topic (its own group, so the hub's pace never holds the rest back)
 * and hands each request event to the hub: a submission is a TroubleTicketCreateEvent, a
 * change of state a TroubleTicketStatusChangeEvent (and a TroubleTicketResolvedEvent).
 */
@Injectable()
export class TmfHubConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly hub: TmfHubService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: TMF_HUB_CONSUMER_GROUP,
      handlers: {
        RequestSubmitted: (event, tx) => this.hub.fanOut(event, ['TroubleTicketCreateEvent'], tx),
        RequestStateChanged: (event, tx) => {
          const to = event.payload.to as RequestState;
          const types =
            to === 'RESOLVED'
              ? (['TroubleTicketStatusChangeEvent', 'TroubleTicketResolvedEvent'] as const)
              : (['TroubleTicketStatusChangeEvent'] as const);
          return this.hub.fanOut(event, types, tx, to);
        },
      },
    });
  }
}
