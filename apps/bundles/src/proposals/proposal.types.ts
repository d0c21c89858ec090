import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FenScalar } from '@gap/graphql';
import { AttributeValueType } from '../subscriptions/subscription.types.js';

@ObjectType('BundleAmounts', {
  description: 'One component’s figures, in fen, each step on the rest.',
})
export class AmountsType {
  @Field(() => FenScalar) listFen!: number;
  @Field(() => FenScalar) tierDiscountFen!: number;
  @Field(() => FenScalar) bundleDiscountFen!: number;
  @Field(() => FenScalar) manualDiscountFen!: number;
  @Field(() => FenScalar, { description: 'List less the three discounts, before VAT.' })
  netFen!: number;
  @Field(() => FenScalar) taxFen!: number;
  @Field(() => FenScalar) grossFen!: number;
}

@ObjectType('BundlePriceLine')
export class PriceLineType {
  @Field(() => Int) index!: number;
  @Field() productCode!: string;
  @Field(() => Int) productVersion!: number;
  @Field(() => Int) quantity!: number;
  @Field(() => FenScalar) unitMonthlyFen!: number;
  @Field(() => FenScalar) unitOneTimeFen!: number;
  @Field() taxCategory!: string;
  @Field(() => Int) taxRateBp!: number;
  @Field(() => Int) bundleDiscountBp!: number;
  @Field(() => AmountsType) monthly!: AmountsType;
  @Field(() => AmountsType) oneTime!: AmountsType;
}

@ObjectType('BundlePrice', {
  description: 'A price line by line, with totals (one rounding rule).',
})
export class PriceType {
  @Field() templateCode!: string;
  @Field(() => Int) templateVersion!: number;
  @Field() policyVersion!: string;
  @Field() tier!: string;
  @Field(() => Int) tierDiscountBp!: number;
  @Field(() => [PriceLineType]) lines!: readonly PriceLineType[];
  @Field(() => AmountsType, { description: 'Monthly recurring.' }) monthly!: AmountsType;
  @Field(() => AmountsType) oneTime!: AmountsType;
  @Field(() => Int, { description: 'The manual discount as a share of the list (bp).' })
  discountDepthBp!: number;
  @Field(() => [String], { description: 'The approvers this depth needs, in order.' })
  approvalChain!: readonly string[];
}

@ObjectType('BundleConfigurationViolation', { description: 'A broken rule, naming the item.' })
export class ViolationType {
  @Field() code!: string;
  @Field() rule!: string;
  @Field() item!: string;
  @Field(() => Int, { nullable: true, description: 'The line at fault (from 0).' })
  line!: number | null;
  @Field() text!: string;
}

@ObjectType('BundleConfigurationCheck')
export class ConfigurationCheckType {
  @Field() valid!: boolean;
  @Field(() => [ViolationType], { description: 'Every violation at once.' })
  violations!: ViolationType[];
  @Field(() => PriceType, { nullable: true, description: 'Null while there are violations.' })
  price!: PriceType | null;
}

@ObjectType('BundleConfigurationLine')
export class ConfigurationLineType {
  @Field() productCode!: string;
  @Field(() => Int) productVersion!: number;
  @Field(() => Int) quantity!: number;
  @Field(() => [AttributeValueType]) attributes!: AttributeValueType[];
}

@ObjectType('BundleApproval')
export class ApprovalType {
  @Field() level!: string;
  @Field() approverId!: string;
  @Field() at!: Date;
}

@ObjectType('BundleProposalHistoryEntry')
export class HistoryEntryType {
  @Field(() => Int) revision!: number;
  @Field() action!: string;
  @Field() actor!: string;
  @Field(() => String, { nullable: true }) fromState!: string | null;
  @Field() toState!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field() at!: Date;
}

@ObjectType('BundleManualDiscount')
export class ManualDiscountType {
  @Field(() => Int, { nullable: true }) percentBp!: number | null;
  @Field(() => FenScalar, { nullable: true }) monthlyFen!: number | null;
  @Field(() => FenScalar, { nullable: true }) oneTimeFen!: number | null;
}

@ObjectType('Proposal', {
  description:
    'A quote: DRAFT → SUBMITTED → APPROVED | REJECTED → SENT → ACCEPTED | DECLINED | EXPIRED.',
})
export class ProposalType {
  @Field(() => ID) id!: string;
  @Field({ description: 'BP-<year>-<number>.' }) reference!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field() templateCode!: string;
  @Field(() => Int) templateVersion!: number;
  @Field() state!: string;
  @Field(() => Int) revision!: number;
  @Field() authorId!: string;
  @Field(() => [ConfigurationLineType]) lines!: ConfigurationLineType[];
  @Field(() => ManualDiscountType, { nullable: true }) manualDiscount!: ManualDiscountType | null;
  @Field(() => PriceType, { description: 'A draft shows the account’s tier now.' })
  price!: PriceType;
  @Field(() => [String], { description: 'Approver levels it waits for, fixed at submission.' })
  chain!: readonly string[];
  @Field(() => [ApprovalType]) approvals!: ApprovalType[];
  @Field(() => String, { nullable: true }) nextApproverLevel!: string | null;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => [HistoryEntryType], { description: 'Every step, oldest first.' })
  history!: HistoryEntryType[];
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}
