import type { SubgraphApi } from '@gap/graphql';
import { GroupAccountResolver } from './group-account/group-account.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const ACCOUNTS_API: SubgraphApi = {
  resolvers: [GroupAccountResolver],
  orphanedTypes: [],
};
