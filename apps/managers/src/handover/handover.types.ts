import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CalendarDateRule, EmployeeNumberRule, TextRules, UuidRule } from '@gap/graphql';
import { HANDOVER_CAUSES } from '@gap/contracts';
import { HANDOVER_STATES, type HandoverState } from '@gap/managers/domain';
import { TierEnum } from '../policy/grade-tier.enums.js';

export { HANDOVER_STATES, type HandoverState };
export type HandoverCause = (typeof HANDOVER_CAUSES)[number];
export const ITEM_OUTCOMES = ['DONE', 'WAIVED'] as const;
export const NOTIFY_CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'VISIT', 'WECHAT'] as const;

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const HandoverStateEnum = enumOf(HANDOVER_STATES);
registerEnumType(HandoverStateEnum, {
  name: 'HandoverState',
  description:
    'PLANNED → SHADOWING (both managers see the account; the outgoing one is still primary) → COMPLETED (the switch), or CANCELLED.',
});
export const HandoverCauseEnum = enumOf(HANDOVER_CAUSES);
registerEnumType(HandoverCauseEnum, { name: 'HandoverCause' });
export const ItemOutcomeEnum = enumOf(ITEM_OUTCOMES);
registerEnumType(ItemOutcomeEnum, { name: 'ChecklistItemOutcome' });
export const NotifyChannelEnum = enumOf(NOTIFY_CHANNELS);
registerEnumType(NotifyChannelEnum, { name: 'NotifyChannel' });

@ObjectType('HandoverChecklistItem')
export class ChecklistItemType {
  @Field() key!: string;
  @Field() kind!: string;
  @Field() label!: string;
  @Field() source!: string;
  @Field({ description: 'OPEN, DONE or WAIVED.' }) state!: string;
  @Field(() => NotifyChannelEnum, { nullable: true }) channel!: string | null;
  @Field(() => String, { nullable: true, description: 'A note; for a waiver, why.' })
  note!: string | null;
  @Field(() => String, { nullable: true }) resolvedBy!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
}

@ObjectType('Handover', {
  description:
    'An account passing from one primary manager to another (交接): planned, shadowed, completed with its checklist done or waived.',
})
export class HandoverType {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field(() => ID) fromManagerId!: string;
  @Field(() => ID) toManagerId!: string;
  @Field(() => TierEnum) tier!: string;
  @Field(() => HandoverStateEnum) state!: HandoverState;
  @Field(() => HandoverCauseEnum) cause!: HandoverCause;
  @Field() reason!: string;
  @Field({ description: 'The day it should be complete by (YYYY-MM-DD).' }) dueOn!: string;
  @Field() plannedBy!: string;
  @Field() plannedAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Date, { nullable: true, description: 'When its supervisor was told it is due.' })
  escalatedAt!: Date | null;
  @Field(() => ID, { nullable: true }) rebalanceId!: string | null;
  @Field(() => [ChecklistItemType]) checklist!: ChecklistItemType[];
}

@InputType()
export class PlanHandoverInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => ID, { description: 'The incoming manager (employee number).' })
  @IsString()
  @EmployeeNumberRule()
  toManagerId!: string;
  @Field({ description: 'Why: at least two Chinese characters or six letters, at most 500.' })
  @IsString()
  @TextRules({ maxLength: 500, multiline: true })
  reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The day it should be complete by (YYYY-MM-DD); 14 days from today if left out.',
  })
  @IsOptional()
  @IsString()
  @CalendarDateRule()
  dueOn?: string | null;
}

@InputType()
export class ResolveChecklistItemInput {
  @Field(() => ID) @UuidRule() handoverId!: string;
  @Field({ description: 'The item’s key, as the checklist gives it.' })
  @IsString()
  @TextRules({ maxLength: 200 })
  key!: string;
  @Field(() => ItemOutcomeEnum) @IsIn(ITEM_OUTCOMES) outcome!: 'DONE' | 'WAIVED';
  @Field(() => String, {
    nullable: true,
    description: 'Required to waive: why, at least two Chinese characters or six letters.',
  })
  @IsOptional()
  @IsString()
  @TextRules({ maxLength: 500, multiline: true })
  note?: string | null;
  @Field(() => NotifyChannelEnum, {
    nullable: true,
    description: 'How the customer was told (for CUSTOMER_NOTIFIED).',
  })
  @IsOptional()
  @IsIn(NOTIFY_CHANNELS)
  channel?: string | null;
}

@InputType()
export class CancelHandoverInput {
  @Field(() => ID) @UuidRule() handoverId!: string;
  @Field({ description: 'Why, at most 500 characters.' })
  @IsString()
  @TextRules({ maxLength: 500, multiline: true })
  reason!: string;
}

@InputType()
export class OffboardManagerInput {
  @Field(() => ID) @IsString() @EmployeeNumberRule() managerId!: string;
  @Field({ description: 'Their last working day (YYYY-MM-DD), today or later.' })
  @IsString()
  @CalendarDateRule()
  lastDay!: string;
}

@ObjectType('UnplacedAccount')
export class UnplacedAccountType {
  @Field(() => ID) groupAccountId!: string;
  @Field(() => TierEnum) tier!: string;
  @Field({
    description:
      'NO_FITTING_GRADE, NO_ACTIVE_MANAGER, NO_CAPACITY or NO_SUPERVISOR (after the last day: no supervisor to take it, or the policy gives supervisors none).',
  })
  reason!: string;
}

@ObjectType('Offboarding')
export class OffboardingType {
  @Field(() => ID) managerId!: string;
  @Field() lastDay!: string;
  @Field(() => Int, { description: 'Accounts they were primary manager of.' }) accounts!: number;
  @Field(() => Int, { description: 'Handovers planned now.' }) planned!: number;
  @Field(() => Int, { description: 'Accounts already in an open handover, left as they are.' })
  alreadyInHandover!: number;
  @Field(() => [UnplacedAccountType], {
    description:
      'Accounts nobody could take: listed, announced, and after the last day given to the supervisor as far as their capacity and the policy allow, the rest staying in the unassigned queue.',
  })
  unplaced!: UnplacedAccountType[];
}
