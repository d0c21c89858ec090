import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageSizeArg, UuidArg } from '@gap/graphql';
import { TierOverrideService } from './tier-override.service.js';
import {
  RevokeTierOverrideInput,
  SetTierOverrideInput,
  TierOverrideType,
} from './tier-override.types.js';

@Resolver(() => TierOverrideType)
export class TierOverrideResolver {
  constructor(private readonly overrides: TierOverrideService) {}

  @Mutation(() => TierOverrideType, {
    description:
      'Sets an account’s tier until a last day, with a reason (supervisors and admins). It takes effect at once and replaces an override in force.',
  })
  setTierOverride(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetTierOverrideInput,
  ): Promise<TierOverrideType> {
    return this.overrides.set(caller, input);
  }

  @Mutation(() => TierOverrideType, {
    description: 'Ends an override before its last day; the account gets its computed tier back.',
  })
  revokeTierOverride(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RevokeTierOverrideInput,
  ): Promise<TierOverrideType> {
    return this.overrides.revoke(caller, input);
  }

  @Query(() => [TierOverrideType], {
    description: 'Overrides, newest first: those in force, or every one with how it ended.',
  })
  tierOverrides(
    @CurrentCaller() caller: Caller,
    @UuidArg('groupAccountId', { nullable: true }) groupAccountId?: string | null,
    @Args('inForceOnly', { type: () => Boolean, defaultValue: true }) inForceOnly = true,
    @PageSizeArg('first', 50, { what: 'overrides' }) first = 50,
  ): Promise<TierOverrideType[]> {
    return this.overrides.list(caller, { groupAccountId, inForceOnly, first });
  }
}
