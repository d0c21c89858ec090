import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsString } from 'class-validator';
import { EmployeeNumberRule, TextRules, UuidRule } from '@gap/graphql';
import { TEAM_ROLES } from '@gap/managers/domain';
import { GradeEnum, TierEnum } from '../policy/grade-tier.enums.js';
import { TeamRoleEnum } from './team.types.js';

@ObjectType('PrimaryAssignment')
export class PrimaryAssignmentType {
  @Field(() => ID) groupAccountId!: string;
  @Field(() => ID) managerId!: string;
  @Field({ description: 'AUTOMATIC, HANDOVER, MANAGER_LEFT, or a supervisor’s words.' })
  reason!: string;
  @Field() assignedBy!: string;
  @Field() assignedAt!: Date;
}

@ObjectType('UnassignableAccount')
export class UnassignableAccountType {
  @Field(() => ID) groupAccountId!: string;
  @Field(() => TierEnum) tier!: string;
  @Field({ description: 'NO_FITTING_GRADE, NO_ACTIVE_MANAGER, NO_CAPACITY or NO_SUPERVISOR.' })
  reason!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Who stays accountable meanwhile (null: the account has no manager yet).',
  })
  currentManagerId!: string | null;
  @Field() policyVersion!: string;
  @Field() since!: Date;
}

@ObjectType('AssignmentCandidate')
export class AssignmentCandidateType {
  @Field(() => ID) managerId!: string;
  @Field(() => GradeEnum) grade!: string;
  @Field() eligible!: boolean;
  @Field(() => [String], {
    description: 'GRADE_CANNOT_OWN_TIER, NOT_ACTIVE, CAPACITY_EXCEEDED.',
  })
  refusals!: string[];
  @Field(() => Int) regionCost!: number;
  @Field(() => Int) industryCost!: number;
  @Field(() => Int) gradeCost!: number;
  @Field(() => Int, { description: 'regionCost + industryCost + gradeCost.' }) mismatch!: number;
  @Field(() => Float, { nullable: true, description: 'Load share after taking the account.' })
  loadShareAfter!: number | null;
  @Field(() => Float, { description: 'mismatch + load weight × loadShareAfter; lowest wins.' })
  score!: number;
}

@ObjectType('AssignmentReason', {
  description:
    'One sentence of an explanation: a stable code and its text in the caller’s language.',
})
export class AssignmentReasonType {
  @Field({ description: 'ACCOUNT_FACTS, NO_MANAGER_FITS, BEST_FIT_NOW, OWNED_BY…' }) code!: string;
  @Field() text!: string;
}

@ObjectType('AssignmentExplanation', {
  description: 'Why an account has its manager, and whom the matching function would pick now.',
})
export class AssignmentExplanationType {
  @Field(() => ID) groupAccountId!: string;
  @Field(() => TierEnum) tier!: string;
  @Field() regionCode!: string;
  @Field() industryCode!: string;
  @Field() policyVersion!: string;
  @Field(() => ID, { nullable: true }) primaryManagerId!: string | null;
  @Field(() => String, { nullable: true }) assignedReason!: string | null;
  @Field(() => String, { nullable: true }) assignedBy!: string | null;
  @Field(() => Date, { nullable: true }) assignedAt!: Date | null;
  @Field(() => String, { nullable: true }) unassignableReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The matching function’s choice now.' })
  bestManagerId!: string | null;
  @Field({ description: 'The reasons below as one text, in the caller’s language.' })
  summary!: string;
  @Field(() => [AssignmentReasonType], { description: 'The explanation, sentence by sentence.' })
  reasons!: AssignmentReasonType[];
  @Field(() => [AssignmentCandidateType], {
    description: 'Eligible first, best first (at most 20).',
  })
  candidates!: AssignmentCandidateType[];
}

@InputType()
export class AssignPrimaryManagerInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => ID) @IsString() @EmployeeNumberRule() managerId!: string;
  @Field({ description: 'Why: at least six letters or two Chinese characters, at most 500.' })
  @IsString()
  @TextRules({ maxLength: 500, multiline: true })
  reason!: string;
}

@InputType()
export class SetTeamMemberInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => ID) @IsString() @EmployeeNumberRule() managerId!: string;
  @Field(() => TeamRoleEnum) @IsIn(TEAM_ROLES) role!: string;
}

@InputType()
export class RemoveTeamMemberInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => ID) @IsString() @EmployeeNumberRule() managerId!: string;
}
