import type { SubgraphApi } from '@gap/graphql';
import { DEALS_RESOLVERS } from './deals/deals.providers.js';
import { LEADS_ORPHANED_TYPES, LEADS_RESOLVERS } from './leads/leads.providers.js';
import { PartnerClientResolver } from './oauth/partner-client.resolver.js';
import { PartnerResolver } from './organisations/partner.resolver.js';
import { PartnerPerformanceResolver } from './performance/partner-performance.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const PARTNERS_API: SubgraphApi = {
  resolvers: [
    PartnerResolver,
    PartnerClientResolver,
    PartnerPerformanceResolver,
    ...LEADS_RESOLVERS,
    ...DEALS_RESOLVERS,
  ],
  orphanedTypes: [...LEADS_ORPHANED_TYPES],
};
