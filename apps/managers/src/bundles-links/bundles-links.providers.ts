import { BundlesEventsConsumer } from './bundles-events.consumer.js';
import { BundlesLinksService } from './bundles-links.service.js';

/** The links to the bundles service: open proposals and trials for handovers. */
export const BUNDLES_LINKS = [BundlesLinksService, BundlesEventsConsumer];
