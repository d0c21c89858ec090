import type { SubgraphApi } from '@gap/graphql';
import { TierOverrideResolver } from './overrides/tier-override.resolver.js';
import { TieringRunResolver } from './runs/tiering-run.resolver.js';
import { GroupAccountReference } from './tier.type.js';
import { GroupAccountTierResolver } from './tier-assignment/group-account-tier.resolver.js';
import { TieringPolicyResolver } from './value/tiering-policy.resolver.js';
import { ValueInputImportResolver } from './value/value-input-import.resolver.js';

/** The classes that make up this subgraph's schema, for the service and for composition. */
export const TIERING_API: SubgraphApi = {
  resolvers: [
    GroupAccountTierResolver,
    TieringPolicyResolver,
    ValueInputImportResolver,
    TieringRunResolver,
    TierOverrideResolver,
  ],
  orphanedTypes: [GroupAccountReference],
};
