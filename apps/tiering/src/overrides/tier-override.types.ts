import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsString } from 'class-validator';
import { CalendarDateRule, TextRules, UuidRule } from '@gap/graphql';
import { TIERS, type Tier } from '@gap/tiering/domain';
import { TierEnum } from '../tier.type.js';

export const OVERRIDE_END_REASONS = ['EXPIRED', 'REVOKED', 'REPLACED'] as const;
export type OverrideEndReason = (typeof OVERRIDE_END_REASONS)[number];
export const OverrideEndReasonEnum = Object.fromEntries(
  OVERRIDE_END_REASONS.map((reason) => [reason, reason]),
) as Record<OverrideEndReason, OverrideEndReason>;
registerEnumType(OverrideEndReasonEnum, {
  name: 'TierOverrideEndReason',
  description: 'EXPIRED after its last day, REVOKED by a supervisor, REPLACED by a newer one.',
});

@ObjectType('TierOverride', {
  description:
    'A tier a supervisor set for an account, with why and until when. It wins over computed tiers while in force and ends by itself.',
})
export class TierOverrideType {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => TierEnum, { description: 'The tier in force when it was set.' })
  tierBefore!: Tier;
  @Field() reason!: string;
  @Field({ description: 'The last day it holds (YYYY-MM-DD).' }) validUntil!: string;
  @Field() setBy!: string;
  @Field() setAt!: Date;
  @Field() inForce!: boolean;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => String, { nullable: true }) endedBy!: string | null;
  @Field(() => OverrideEndReasonEnum, { nullable: true }) endReason!: OverrideEndReason | null;
  @Field(() => String, { nullable: true }) endNote!: string | null;
}

@InputType()
export class SetTierOverrideInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => TierEnum) @IsIn(TIERS) tier!: Tier;
  @Field({
    description: 'Why, in 6 to 500 characters: audited and shown in explanations.',
  })
  @IsString()
  @TextRules({ maxLength: 500, multiline: true })
  reason!: string;
  @Field({ description: 'The last day it holds (YYYY-MM-DD), at most two years ahead.' })
  @IsString()
  @CalendarDateRule()
  validUntil!: string;
}

@InputType()
export class RevokeTierOverrideInput {
  @Field(() => ID) @UuidRule() overrideId!: string;
  @Field({ description: 'Why, at most 500 characters.' })
  @IsString()
  @TextRules({ maxLength: 500, multiline: true })
  reason!: string;
}
