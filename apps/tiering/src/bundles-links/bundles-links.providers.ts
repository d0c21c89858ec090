import { BundlesEventsConsumer } from './bundles-events.consumer.js';
import { BundlesLinksService } from './bundles-links.service.js';
import { SubscriptionRevenueRepository } from './subscription-revenue.repository.js';

/** The links to the bundles service: subscriptions' monthly recurring revenue. */
export const BUNDLES_LINKS = [
  SubscriptionRevenueRepository,
  BundlesLinksService,
  BundlesEventsConsumer,
];
