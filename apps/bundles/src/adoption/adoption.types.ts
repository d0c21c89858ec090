import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProductFamilyEnum } from '../catalogue/catalogue.types.js';

export const PRESENTATION_CHANNELS = ['VISIT', 'CALL', 'EVENT', 'ONLINE'] as const;
export type PresentationChannel = (typeof PRESENTATION_CHANNELS)[number];
export const PresentationChannelEnum = Object.fromEntries(
  PRESENTATION_CHANNELS.map((c) => [c, c]),
) as Record<PresentationChannel, PresentationChannel>;
registerEnumType(PresentationChannelEnum, {
  name: 'PresentationChannel',
  description: 'How a product was presented: a visit, a call, an event, online.',
});

@ObjectType('ProductPresentation', {
  description: 'A product presented to an account on a day (the first record of the day).',
})
export class ProductPresentationType {
  @Field(() => ID) groupAccountId!: string;
  @Field() productCode!: string;
  @Field() presentedOn!: string;
  @Field(() => PresentationChannelEnum) channel!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() presentedBy!: string;
}

@ObjectType('SubscriptionAdoption', {
  description: 'A subscription’s latest month of usage against its entitlement.',
})
export class SubscriptionAdoptionType {
  @Field(() => ID) subscriptionId!: string;
  @Field() productCode!: string;
  @Field(() => ProductFamilyEnum) family!: string;
  @Field() state!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM; null before any import.' })
  month!: string | null;
  @Field(() => Int, { nullable: true, description: 'Units used that month.' })
  usage!: number | null;
  @Field(() => Int, { nullable: true, description: 'Units subscribed on the month’s last day.' })
  entitlement!: number | null;
  @Field(() => Int, { nullable: true, description: 'usage ÷ entitlement in bp, at most 10000.' })
  adoptionBp!: number | null;
}

@ObjectType('ProductAdoptionStage', {
  description: 'How far the account went with a product: presented, tried, subscribing today.',
})
export class ProductAdoptionStageType {
  @Field() productCode!: string;
  @Field(() => ProductFamilyEnum) family!: string;
  @Field() aware!: boolean;
  @Field(() => String, { nullable: true }) lastPresentedOn!: string | null;
  @Field() trialled!: boolean;
  @Field() subscribed!: boolean;
}

@ObjectType('AccountAdoption')
export class AccountAdoptionType {
  @Field(() => [SubscriptionAdoptionType], { description: 'Latest first (100 at most).' })
  subscriptions!: SubscriptionAdoptionType[];
  @Field(() => [ProductAdoptionStageType]) products!: ProductAdoptionStageType[];
}

@ObjectType('AdoptionFunnelRow', {
  description: 'Accounts at each stage for a product family and tier, each counted once.',
})
export class AdoptionFunnelRowType {
  @Field(() => ProductFamilyEnum) family!: string;
  @Field() tier!: string;
  @Field(() => Int) aware!: number;
  @Field(() => Int) trialled!: number;
  @Field(() => Int) subscribed!: number;
  @Field(() => Int, { description: 'Subscribed accounts at or above the policy’s threshold.' })
  adopted!: number;
  @Field(() => Int, { nullable: true, description: 'Mean adoption in bp; null if none.' })
  meanAdoptionBp!: number | null;
}
