import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { BoundsRule, EmployeeNumberRule, TextRules, UuidRule } from '@gap/graphql';
import { LEAD_STATES, LOST_REASONS } from '@gap/partners/domain';
import {
  DuplicateDecisionEnum,
  ConflictDecisionEnum,
  LeadStateEnum,
  LostReasonEnum,
} from '../lead.types.js';

const VERSION = { min: 1, max: 1_000_000_000, integer: true };
const NOTE = { maxLength: 500, multiline: true };

export const DUPLICATE_DECISIONS = ['CONFIRM', 'OVERRULE'] as const;
export const CONFLICT_DECISIONS = ['LOSE_TO_WINNER', 'ROUTE_TO_MANAGER'] as const;

@InputType('LeadFilterInput')
export class LeadFilterInput {
  @Field(() => [LeadStateEnum], { nullable: true, description: 'Only these states.' })
  @IsOptional()
  @IsIn(LEAD_STATES, { each: true })
  states?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Only this partner’s leads.' })
  @IsOptional()
  @UuidRule()
  partnerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only leads for this group account.' })
  @IsOptional()
  @UuidRule()
  groupAccountId?: string | null;
}

/** Every change names the lead and the version it was decided on. */
@InputType({ isAbstract: true })
export class LeadVersionInput {
  @Field(() => ID) @UuidRule() leadId!: string;
  @Field(() => Int, { description: 'The version read: a stale one is refused.' })
  @BoundsRule(VERSION)
  version!: number;
}

@InputType('ReviewDuplicateInput')
export class ReviewDuplicateInput extends LeadVersionInput {
  @Field(() => DuplicateDecisionEnum) @IsIn(DUPLICATE_DECISIONS) decision!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'With CONFIRM: which possible duplicate it is (the best by default).',
  })
  @IsOptional()
  @UuidRule()
  candidateId?: string | null;
}

@InputType('DecideConflictInput')
export class DecideConflictInput extends LeadVersionInput {
  @Field(() => ConflictDecisionEnum) @IsIn(CONFLICT_DECISIONS) decision!: string;
  @Field(() => String, {
    nullable: true,
    description: 'With ROUTE_TO_MANAGER: the manager (the winning manager by default).',
  })
  @IsOptional()
  @EmployeeNumberRule()
  managerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The account, when the lead has none yet.' })
  @IsOptional()
  @UuidRule()
  accountId?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  @IsOptional()
  @TextRules(NOTE)
  note?: string | null;
}

@InputType('AssignLeadInput')
export class AssignLeadInput extends LeadVersionInput {
  @Field({ description: 'The manager’s employee number.' })
  @EmployeeNumberRule()
  managerId!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The group account (the PROSPECT account of a new company) when the lead has none.',
  })
  @IsOptional()
  @UuidRule()
  accountId?: string | null;
}

@InputType('RecordLeadContactInput')
export class RecordLeadContactInput extends LeadVersionInput {
  @Field(() => Date, {
    nullable: true,
    description: 'When the manager reached them; now by default.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  at?: Date | null;
}

@InputType('ConvertLeadInput')
export class ConvertLeadInput extends LeadVersionInput {}

@InputType('LoseLeadInput')
export class LoseLeadInput extends LeadVersionInput {
  @Field(() => LostReasonEnum) @IsIn(LOST_REASONS) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Needed with OTHER; at most 500 characters.',
  })
  @IsOptional()
  @TextRules(NOTE)
  note?: string | null;
}
