import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { BundlesLinksService } from './bundles-links.service.js';

/** Its own group: the bundles topic only, applied apart from the accounts and managers events. */
export const BUNDLES_LINKS_CONSUMER_GROUP = 'tiering-bundles';

/**
 * The bundles service's events the tiering service needs: the subscriptions that make an
 * account's contracted monthly recurring revenue. Each is applied once (the consumer's inbox,
 * in the same transaction as its effect).
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
      SubscriptionStarted: links.onSubscriptionStarted.bind(links),
      SubscriptionChanged: links.onSubscriptionChanged.bind(links),
      SubscriptionEnded: links.onSubscriptionEnded.bind(links),
    } as const;
  }
}
