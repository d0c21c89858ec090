import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { authorize, CurrentCaller, type Caller } from '@gap/auth';
import { BUNDLES_PERMISSIONS } from '@gap/bundles/domain';
import { ProposalQueriesService } from '../proposals/proposal-queries.service.js';
import { ProposalType } from '../proposals/proposal.types.js';
import { SubscriptionType } from '../subscriptions/subscription.types.js';
import { QualificationService } from '../qualification/qualification.service.js';
import { QualificationType } from '../qualification/qualification.types.js';
import { GroupAccountReference } from './group-account.reference.js';

/** What bundles adds to a group account; an account outside the caller's scope shows none. */
@Resolver(() => GroupAccountReference)
export class GroupAccountBundlesResolver {
  constructor(
    private readonly qualification: QualificationService,
    private readonly proposalQueries: ProposalQueriesService,
  ) {}

  @ResolveReference()
  resolveReference(
    @Parent() reference: { id: string },
    @CurrentCaller() caller: Caller,
  ): GroupAccountReference {
    authorize(BUNDLES_PERMISSIONS, '_entities.GroupAccount', caller);
    return { id: reference.id };
  }

  @ResolveField(() => [QualificationType], {
    description: 'Every bundle on sale: eligible, or every reason why not.',
  })
  async qualifiedBundles(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountReference,
  ) {
    return (
      (await this.qualification.forAccount(caller, account.id, 'GroupAccount.qualifiedBundles')) ??
      []
    );
  }

  @ResolveField(() => [ProposalType], {
    description: 'Bundle proposals, newest first (100 at most).',
  })
  proposals(@CurrentCaller() caller: Caller, @Parent() account: GroupAccountReference) {
    return this.proposalQueries.ofAccount(caller, account.id);
  }

  @ResolveField(() => [SubscriptionType], {
    description: 'Subscriptions, latest first (100 at most).',
  })
  subscriptions(@CurrentCaller() caller: Caller, @Parent() account: GroupAccountReference) {
    return this.proposalQueries.subscriptionsOf(caller, account.id);
  }
}
