import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FenScalar } from '@gap/graphql';

@ObjectType('BundleAttributeValue')
export class AttributeValueType {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType('Subscription', {
  description: 'A product an account subscribes, price and version locked.',
})
export class SubscriptionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field(() => ID, { nullable: true }) proposalId!: string | null;
  @Field() productCode!: string;
  @Field(() => Int) productVersion!: number;
  @Field(() => Int) quantity!: number;
  @Field(() => [AttributeValueType]) attributes!: AttributeValueType[];
  @Field(() => FenScalar, { description: 'Monthly recurring, after discounts, before VAT.' })
  monthlyNetFen!: number;
  @Field(() => FenScalar) monthlyGrossFen!: number;
  @Field(() => FenScalar) oneTimeNetFen!: number;
  @Field() startsOn!: string;
  @Field(() => String, { nullable: true }) endsOn!: string | null;
  @Field() state!: string;
  @Field(() => Int, { description: 'The version read; a change with a stale one conflicts.' })
  version!: number;
}
