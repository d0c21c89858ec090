import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BundlesTierDiscount')
export class TierDiscountType {
  @Field() tier!: string;
  @Field(() => Int, { description: 'Basis points off list, granted without approval.' })
  discountBp!: number;
}

@ObjectType('BundlesTaxRate')
export class TaxRateType {
  @Field() taxCategory!: string;
  @Field(() => Int, { description: 'VAT rate in basis points (900 = 9 %).' }) rateBp!: number;
}

@ObjectType('BundlesApprovalStep')
export class ApprovalStepType {
  @Field() level!: string;
  @Field(() => Int, { description: 'Needed when the discount beyond policy exceeds this (bp).' })
  aboveBp!: number;
}

@ObjectType('BundlesPolicy', { description: 'The version in force of the bundles policy.' })
export class BundlesPolicyType {
  @Field() version!: string;
  @Field(() => [TierDiscountType]) tierDiscounts!: TierDiscountType[];
  @Field(() => [TaxRateType]) taxRates!: TaxRateType[];
  @Field(() => [ApprovalStepType]) approvalChain!: readonly ApprovalStepType[];
  @Field(() => Int) proposalValidityDays!: number;
}

@ObjectType('BundleApprover', { description: 'Who decides on discounts beyond policy, and where.' })
export class ApproverType {
  @Field() subject!: string;
  @Field() level!: string;
  @Field(() => String, { nullable: true }) regionPrefix!: string | null;
  @Field() addedBy!: string;
  @Field() addedAt!: Date;
}
