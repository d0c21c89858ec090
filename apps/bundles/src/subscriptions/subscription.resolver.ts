import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { SubscriptionType } from './subscription.types.js';
import { ChangeSubscriptionInput, EndSubscriptionInput } from './dto/subscription.input.js';
import { SubscriptionService } from './subscription.service.js';

/** Subscription changes over the graph: one service call, then the subscription as it stands. */
@Resolver(() => SubscriptionType)
export class SubscriptionResolver {
  constructor(private readonly subscriptions: SubscriptionService) {}

  @Mutation(() => SubscriptionType, {
    description: 'A new quantity from a day on, re-priced as sold; a new price line.',
  })
  async changeSubscription(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ChangeSubscriptionInput,
  ) {
    return this.subscriptions.view(await this.subscriptions.change(caller, input));
  }

  @Mutation(() => SubscriptionType, { description: 'Ends a subscription on its last day.' })
  async endSubscription(
    @CurrentCaller() caller: Caller,
    @Args('input') input: EndSubscriptionInput,
  ) {
    return this.subscriptions.view(await this.subscriptions.end(caller, input));
  }
}
