import type { SubgraphApi } from '@gap/graphql';
import { GroupAccountBundlesResolver } from './group-account/group-account-bundles.resolver.js';
import { GroupAccountReference } from './group-account/group-account.reference.js';
import { CatalogueResolver } from './catalogue/catalogue.resolver.js';
import { PolicyResolver } from './policy/policy.resolver.js';
import { ProposalResolver } from './proposals/proposal.resolver.js';
import { QualificationResolver } from './qualification/qualification.resolver.js';
import { SubscriptionResolver } from './subscriptions/subscription.resolver.js';
import { GroupAccountTrialsResolver, TrialResolver } from './trials/trial.resolver.js';
import { AdoptionResolver, GroupAccountAdoptionResolver } from './adoption/adoption.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const BUNDLES_API: SubgraphApi = {
  resolvers: [
    CatalogueResolver,
    PolicyResolver,
    QualificationResolver,
    ProposalResolver,
    GroupAccountBundlesResolver,
    TrialResolver,
    GroupAccountTrialsResolver,
    SubscriptionResolver,
    AdoptionResolver,
    GroupAccountAdoptionResolver,
  ],
  orphanedTypes: [GroupAccountReference],
};
