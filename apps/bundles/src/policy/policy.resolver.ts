import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { SetApproverInput } from '../catalogue/dto/catalogue.input.js';
import { PolicyService } from './policy.service.js';
import { ApproverType, BundlesPolicyType } from './policy.types.js';

@Resolver()
export class PolicyResolver {
  constructor(private readonly policy: PolicyService) {}

  @Query(() => BundlesPolicyType, { description: 'Tier discounts, VAT rates, approval chain.' })
  bundlesPolicy(@CurrentCaller() caller: Caller) {
    return this.policy.current(caller);
  }

  @Query(() => [ApproverType], { description: 'The approver register.' })
  bundleApprovers(@CurrentCaller() caller: Caller) {
    return this.policy.list(caller);
  }

  @Mutation(() => [ApproverType], { description: 'Adds, moves or removes an approver.' })
  setBundleApprover(@CurrentCaller() caller: Caller, @Args('input') input: SetApproverInput) {
    return this.policy.setApprover(caller, input);
  }
}
