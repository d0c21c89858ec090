import { Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { requestLoader, type LoaderContext } from '@gap/graphql';
import type { Tier } from '@gap/tiering/domain';
import { GroupAccountReference, TierEnum, TierPolicy } from './dto/tier.type.js';
import { PLACEHOLDER_POLICY_VERSION, TierAssignmentService } from './tier-assignment.service.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

@Resolver(() => GroupAccountReference)
export class GroupAccountTierResolver {
  constructor(private readonly tiers: TierAssignmentService) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): GroupAccountReference {
    return { id: reference.id };
  }

  @ResolveField(() => TierEnum, {
    nullable: true,
    description: 'The A/B/C tier in force; null until the tiering service has seen the account.',
  })
  tier(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<Tier | null> {
    return requestLoader(context, 'tierByAccountId', (ids) => this.tiers.tiersOf(caller, ids)).load(
      account.id,
    );
  }

  @Query(() => TierPolicy)
  tierPolicy(): TierPolicy {
    return {
      version: PLACEHOLDER_POLICY_VERSION,
      description: 'New accounts start in tier C until the value model has scored them.',
    };
  }
}
