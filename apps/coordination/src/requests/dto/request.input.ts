import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsOptional } from 'class-validator';
import {
  BREACH_STATES,
  COMPLAINT_CATEGORIES,
  PRIORITIES,
  REQUEST_STATES,
  REQUEST_TYPES,
} from '@gap/coordination/domain';
import { BoundsRule, EmployeeNumberRule, TextRules, UuidRule } from '@gap/graphql';
import {
  BreachStateEnum,
  ComplaintCategoryEnum,
  PriorityEnum,
  RequestOrderEnum,
  RequestStateEnum,
  RequestTypeEnum,
} from '../request.types.js';

const DEPARTMENT = { maxLength: 32 };
const REASON = { maxLength: 1000, multiline: true };

@InputType('SubmitCoordinationRequestInput')
export class SubmitRequestInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => RequestTypeEnum) @IsIn(REQUEST_TYPES) type!: string;
  @Field(() => PriorityEnum) @IsIn(PRIORITIES) priority!: string;
  @Field({ description: 'Up to 200 characters.' }) @TextRules({ maxLength: 200 }) title!: string;
  @Field({ description: 'Up to 4000 characters.' })
  @TextRules({ maxLength: 4000, multiline: true })
  description!: string;
  @Field(() => ComplaintCategoryEnum, { nullable: true, description: 'Required for a COMPLAINT.' })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  complaintCategory?: string | null;
}

@InputType('CoordinationRequestTarget')
export class TargetInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int, { nullable: true, description: 'The version read; a stale one conflicts.' })
  @IsOptional()
  @BoundsRule({ min: 1, max: 2_000_000_000, integer: true })
  version?: number | null;
}

@InputType('TriageCoordinationRequestInput')
export class TriageInput extends TargetInput {
  @Field() @TextRules(DEPARTMENT) leadDepartmentId!: string;
  @Field(() => [String], { defaultValue: [] })
  @TextRules({ ...DEPARTMENT, each: true })
  participatingDepartmentIds: string[] = [];
  @Field(() => PriorityEnum, { nullable: true }) @IsOptional() @IsIn(PRIORITIES) priority?:
    string | null;
}

@InputType('CoordinationRequestReasonInput')
export class ReasonInput extends TargetInput {
  @Field() @TextRules(REASON) reason!: string;
}

@InputType('CoordinationTaskInput')
export class TaskInput extends TargetInput {
  @Field(() => ID) @UuidRule() taskId!: string;
}

@InputType('CompleteCoordinationTaskInput')
export class CompleteTaskInput extends TaskInput {
  @Field({ description: 'What was done.' }) @TextRules(REASON) note!: string;
}

@InputType('DeclineCoordinationTaskInput')
export class DeclineTaskInput extends TaskInput {
  @Field() @TextRules(REASON) reason!: string;
}

@InputType('RecordComplaintCallbackInput')
export class CallbackInput extends TargetInput {
  @Field({ description: 'Who called the customer (employee number).' })
  @EmployeeNumberRule()
  callerId!: string;
  @Field() @Type(() => Date) @IsDate() calledAt!: Date;
  @Field(() => Int, { description: '1 (very dissatisfied) … 5 (very satisfied).' })
  @BoundsRule({ min: 1, max: 5, integer: true })
  satisfaction!: number;
  @Field() @IsBoolean() confirmsResolution!: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextRules(REASON)
  note?: string | null;
}

@InputType('CoordinationRequestFilter')
export class RequestFilterInput {
  @Field(() => [RequestStateEnum], { nullable: true })
  @IsOptional()
  @IsIn(REQUEST_STATES, { each: true })
  states?: string[] | null;
  @Field(() => [RequestTypeEnum], { nullable: true })
  @IsOptional()
  @IsIn(REQUEST_TYPES, { each: true })
  types?: string[] | null;
  @Field(() => PriorityEnum, { nullable: true }) @IsOptional() @IsIn(PRIORITIES) priority?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @UuidRule() accountId?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextRules(DEPARTMENT)
  departmentId?: string | null;
  @Field(() => BreachStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(BREACH_STATES)
  breachState?: (typeof BREACH_STATES)[number] | null;
  @Field(() => String, { nullable: true, description: 'Who raised it (employee number).' })
  @IsOptional()
  @EmployeeNumberRule()
  raisedBy?: string | null;
  @Field(() => RequestOrderEnum, { nullable: true, defaultValue: 'CREATED' })
  @IsOptional()
  @IsIn(['DUE', 'CREATED'])
  orderBy?: 'DUE' | 'CREATED' | null;
}
