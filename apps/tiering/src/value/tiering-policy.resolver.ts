import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { TieringPolicyService } from './tiering-policy.service.js';
import { CreateTieringPolicyInput, TieringPolicyType } from './tiering-policy.types.js';

@Resolver(() => TieringPolicyType)
export class TieringPolicyResolver {
  constructor(private readonly policies: TieringPolicyService) {}

  @Query(() => [TieringPolicyType], { description: 'Every policy version, newest first.' })
  tieringPolicies(@CurrentCaller() caller: Caller): Promise<TieringPolicyType[]> {
    return this.policies.list(caller);
  }

  @Mutation(() => TieringPolicyType, { description: 'Adds a policy version (admins only).' })
  createTieringPolicy(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateTieringPolicyInput,
  ): Promise<TieringPolicyType> {
    return this.policies.create(caller, input);
  }
}
