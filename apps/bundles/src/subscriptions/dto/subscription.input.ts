import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MAX_QUANTITY } from '@gap/bundles/domain';
import { BoundsRule, CalendarDateRule, TextRules, UuidRule } from '@gap/graphql';

const VERSION = { min: 1, max: 2_000_000_000, integer: true };

@InputType('ChangeSubscriptionInput', {
  description: 'A new quantity from a day on: re-priced as sold (version, tier, bundle).',
})
export class ChangeSubscriptionInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int, { description: `Units: 1 to ${MAX_QUANTITY}, within its bundle's bounds.` })
  @BoundsRule({ min: 1, max: MAX_QUANTITY, integer: true })
  quantity!: number;
  @Field({ description: 'YYYY-MM-DD, today (China) or later, not before the last change.' })
  @CalendarDateRule()
  effectiveOn!: string;
  @Field(() => Int, { description: 'The version read; a stale one conflicts.' })
  @BoundsRule(VERSION)
  version!: number;
}

@InputType('EndSubscriptionInput', { description: 'Ends a subscription on its last day.' })
export class EndSubscriptionInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field({ description: 'YYYY-MM-DD, the last day: today (China) or later, not before start.' })
  @CalendarDateRule()
  endsOn!: string;
  @Field({ description: 'Why it ends (the customer’s words or the contract’s clause).' })
  @TextRules({ maxLength: 500 })
  reason!: string;
  @Field(() => Int, { description: 'The version read; a stale one conflicts.' })
  @BoundsRule(VERSION)
  version!: number;
}
