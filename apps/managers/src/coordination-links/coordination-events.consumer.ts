import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { CoordinationLinksService } from './coordination-links.service.js';

/** Its own group: the coordination topic only, applied apart from assignment's work. */
export const COORDINATION_LINKS_CONSUMER_GROUP = 'managers-coordination';

/**
 * The coordination service's events the managers service needs: the requests that open and
 * close work on an account, and closed complaints with their satisfaction. Each is applied once
 * (the consumer's inbox, in the same transaction as its effect).
 */
@Injectable()
export class CoordinationEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly links: CoordinationLinksService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: COORDINATION_LINKS_CONSUMER_GROUP,
      handlers: this.handlers(),
    });
  }

  handlers() {
    return {
      RequestSubmitted: this.links.onSubmitted.bind(this.links),
      RequestReopened: this.links.onReopened.bind(this.links),
      RequestClosed: this.links.onEnded.bind(this.links),
      RequestRejected: this.links.onEnded.bind(this.links),
      RequestCancelled: this.links.onEnded.bind(this.links),
      ComplaintClosed: this.links.onComplaintClosed.bind(this.links),
    } as const;
  }
}
