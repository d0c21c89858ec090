import type { SubgraphApi } from '@gap/graphql';
import { GroupAccountManagersResolver } from './assignment/group-account-managers.resolver.js';
import { GroupAccountReference } from './assignment/group-account.reference.js';
import { GroupAccountHandoversResolver } from './handover/group-account-handovers.resolver.js';
import { HandoverResolver } from './handover/handover.resolver.js';
import { AccountManagerResolver } from './managers/account-manager.resolver.js';
import { GroupAccountPrimaryManagerResolver } from './managers/group-account-primary-manager.resolver.js';
import { ManagerPolicyResolver } from './policy/manager-policy.resolver.js';
import { RebalanceResolver } from './rebalance/rebalance.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const MANAGERS_API: SubgraphApi = {
  resolvers: [
    AccountManagerResolver,
    GroupAccountManagersResolver,
    GroupAccountHandoversResolver,
    GroupAccountPrimaryManagerResolver,
    HandoverResolver,
    ManagerPolicyResolver,
    RebalanceResolver,
  ],
  orphanedTypes: [GroupAccountReference],
};
