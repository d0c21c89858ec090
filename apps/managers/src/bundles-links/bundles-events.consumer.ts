import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { BundlesLinksService } from './bundles-links.service.js';

/** Its own group: the bundles topic only, applied apart from the other links. */
export const BUNDLES_LINKS_CONSUMER_GROUP = 'managers-bundles';

/**
 * The bundles service's events the managers service needs: the proposals and trials that open
 * and close work on an account. Each is applied once (the consumer's inbox, in the same
 * transaction as its effect).
 */
@Injectable()
export class BundlesEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly links: BundlesLinksService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({ groupId: BUNDLES_LINKS_CONSUMER_GROUP, handlers: this.handlers() });
  }

  handlers() {
    const links = this.links;
    return {
      ProposalSubmitted: links.onProposalSubmitted.bind(links),
      ProposalRejected: links.onProposalEnded.bind(links),
      ProposalAccepted: links.onProposalEnded.bind(links),
      ProposalDeclined: links.onProposalEnded.bind(links),
      ProposalExpired: links.onProposalEnded.bind(links),
      TrialStarted: links.onTrialStarted.bind(links),
      TrialConverted: links.onTrialEnded.bind(links),
      TrialExpired: links.onTrialEnded.bind(links),
    } as const;
  }
}
