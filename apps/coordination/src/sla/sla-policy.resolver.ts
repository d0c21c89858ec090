import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { toSlaPolicyType } from './sla-policy.mapper.js';
import { SlaPolicyService } from './sla-policy.service.js';
import { CreateSlaPolicyInput, SlaPolicyType } from './sla-policy.types.js';

@Resolver(() => SlaPolicyType)
export class SlaPolicyResolver {
  constructor(private readonly policies: SlaPolicyService) {}

  @Query(() => [SlaPolicyType], { description: 'SLA policy versions, newest first.' })
  async slaPolicies(@CurrentCaller() caller: Caller): Promise<SlaPolicyType[]> {
    return (await this.policies.list(caller)).map(toSlaPolicyType);
  }

  @Mutation(() => SlaPolicyType, {
    description: 'Adds an SLA policy version (admins); versions are never edited.',
  })
  async createSlaPolicy(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateSlaPolicyInput,
  ): Promise<SlaPolicyType> {
    return toSlaPolicyType(await this.policies.create(caller, input));
  }
}
