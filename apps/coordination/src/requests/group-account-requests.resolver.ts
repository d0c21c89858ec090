import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { authorize, CurrentCaller, type Caller } from '@gap/auth';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import { GroupAccountReference } from './group-account.reference.js';
import { RequestQueriesService } from './request-queries.service.js';
import { RequestType } from './request.types.js';

/** What coordination adds to a group account: its open requests the caller may see. */
@Resolver(() => GroupAccountReference)
export class GroupAccountRequestsResolver {
  constructor(private readonly queries: RequestQueriesService) {}

  /** A reference carries nothing but the id; its fields check what the caller may see. */
  @ResolveReference()
  resolveReference(
    @Parent() reference: { id: string },
    @CurrentCaller() caller: Caller,
  ): GroupAccountReference {
    authorize(COORDINATION_PERMISSIONS, '_entities.GroupAccount', caller);
    return { id: reference.id };
  }

  @ResolveField(() => [RequestType], {
    description: 'Open coordination requests of the account, the soonest due first.',
  })
  coordinationRequests(@CurrentCaller() caller: Caller, @Parent() account: GroupAccountReference) {
    return this.queries.openOf(caller, account.id);
  }
}
