import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { toType } from './manager-policy.mapper.js';
import { ManagerPolicyService } from './manager-policy.service.js';
import { CreateManagerPolicyInput, ManagerPolicyType } from './manager-policy.types.js';

@Resolver(() => ManagerPolicyType)
export class ManagerPolicyResolver {
  constructor(private readonly policies: ManagerPolicyService) {}

  @Query(() => [ManagerPolicyType], { description: 'Manager policy versions, newest first.' })
  async managerPolicies(@CurrentCaller() caller: Caller): Promise<ManagerPolicyType[]> {
    return (await this.policies.list(caller)).map(toType);
  }

  @Mutation(() => ManagerPolicyType, {
    description: 'Adds a manager policy version (admins); versions are never edited.',
  })
  async createManagerPolicy(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateManagerPolicyInput,
  ): Promise<ManagerPolicyType> {
    return toType(await this.policies.create(caller, input));
  }
}
