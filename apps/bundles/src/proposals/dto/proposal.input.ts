import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { MAX_QUANTITY } from '@gap/bundles/domain';
import { BoundsRule, FenScalar, TextRules, UuidRule } from '@gap/graphql';

const CODE = { maxLength: 40 };
/** The largest manual amount off: far above any proposal's list, well inside a safe integer. */
export const MAX_MANUAL_FEN = 100_000_000_000;

@InputType('BundleAttributeValueInput')
export class AttributeValueInput {
  @Field() @TextRules({ maxLength: 40 }) name!: string;
  @Field({ description: 'The value as text: digits for an integer attribute.' })
  @TextRules({ maxLength: 40 })
  value!: string;
}

@InputType('BundleConfigurationLineInput')
export class ConfigurationLineInput {
  @Field() @TextRules(CODE) productCode!: string;
  @Field(() => Int, { description: `Units: 1 to ${MAX_QUANTITY}.` })
  @BoundsRule({ min: 1, max: MAX_QUANTITY, integer: true })
  quantity!: number;
  @Field(() => [AttributeValueInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributeValueInput)
  attributes: AttributeValueInput[] = [];
}

@InputType('BundleManualDiscountInput', {
  description: 'Off what tier and bundle discounts left: a share (percentBp) or amounts, not both.',
})
export class ManualDiscountInput {
  @Field(() => Int, { nullable: true, description: 'Basis points, 0 to 10000.' })
  @IsOptional()
  @BoundsRule({ min: 0, max: 10_000, integer: true })
  percentBp?: number | null;
  @Field(() => FenScalar, { nullable: true, description: 'Monthly amount off, in fen.' })
  @IsOptional()
  @BoundsRule({ min: 0, max: MAX_MANUAL_FEN, integer: true })
  monthlyFen?: number | null;
  @Field(() => FenScalar, { nullable: true, description: 'One-time amount off, in fen.' })
  @IsOptional()
  @BoundsRule({ min: 0, max: MAX_MANUAL_FEN, integer: true })
  oneTimeFen?: number | null;
}

@InputType('BundleConfigurationInput', { description: 'A configuration to check and price.' })
export class ConfigurationInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field({ description: 'The template on sale with this code.' })
  @TextRules(CODE)
  templateCode!: string;
  @Field(() => [ConfigurationLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConfigurationLineInput)
  lines!: ConfigurationLineInput[];
  @Field(() => ManualDiscountInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ManualDiscountInput)
  manualDiscount?: ManualDiscountInput | null;
}

@InputType('BundleProposalTarget')
export class ProposalTargetInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int, { nullable: true, description: 'The version read; a stale one conflicts.' })
  @IsOptional()
  @BoundsRule({ min: 1, max: 2_000_000_000, integer: true })
  version?: number | null;
}

@InputType('ReviseBundleProposalInput', {
  description: 'A new revision of a draft or rejected one.',
})
export class ReviseProposalInput extends ProposalTargetInput {
  @Field(() => [ConfigurationLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConfigurationLineInput)
  lines!: ConfigurationLineInput[];
  @Field(() => ManualDiscountInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ManualDiscountInput)
  manualDiscount?: ManualDiscountInput | null;
}

@InputType('RejectBundleProposalInput')
export class RejectProposalInput extends ProposalTargetInput {
  @Field({ description: 'Why: up to 1000 characters.' })
  @TextRules({ maxLength: 1000, multiline: true })
  comment!: string;
}
