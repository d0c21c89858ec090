import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { authorize, CurrentCaller, type Caller } from '@gap/auth';
import { PARTNERS_PERMISSIONS } from '@gap/partners/domain';
import { GroupAccountReference } from './group-account.reference.js';
import { LeadQueriesService } from './lead-queries.service.js';
import { LeadType, toLeadType } from './lead.types.js';

/** What the partners service adds to a group account: partners' leads for it. */
@Resolver(() => GroupAccountReference)
export class GroupAccountLeadsResolver {
  constructor(private readonly queries: LeadQueriesService) {}

  @ResolveReference()
  resolveReference(
    @Parent() reference: { id: string },
    @CurrentCaller() caller: Caller,
  ): GroupAccountReference {
    authorize(PARTNERS_PERMISSIONS, '_entities.GroupAccount', caller);
    return { id: reference.id };
  }

  @ResolveField(() => [LeadType], {
    description:
      'Partners’ leads for the account within the caller’s reach, newest first (100 at most).',
  })
  async leads(@CurrentCaller() caller: Caller, @Parent() account: GroupAccountReference) {
    return (await this.queries.ofAccount(caller, account.id)).map(toLeadType);
  }
}
