import type { SubgraphApi } from '@gap/graphql';
import {
  AccountClustersResolver,
  IndustryAssociationResolver,
  IndustryClusterResolver,
} from './clusters/clusters.resolver.js';
import { AccountContactsResolver, ContactResolver } from './contacts/contact.resolver.js';
import {
  GroupAccountConnectionResolver,
  GroupAccountRollupResolver,
} from './group-account/group-account-portfolio.resolver.js';
import { GroupAccountResolver } from './group-account/group-account.resolver.js';
import { HierarchyResolver } from './hierarchy/hierarchy.resolver.js';
import { AccountImportResolver } from './import/account-import.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const ACCOUNTS_API: SubgraphApi = {
  resolvers: [
    GroupAccountResolver,
    GroupAccountConnectionResolver,
    GroupAccountRollupResolver,
    HierarchyResolver,
    IndustryClusterResolver,
    IndustryAssociationResolver,
    AccountClustersResolver,
    ContactResolver,
    AccountContactsResolver,
    AccountImportResolver,
  ],
  orphanedTypes: [],
};
