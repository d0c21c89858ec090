import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  BREACH_STATES,
  COMPLAINT_CATEGORIES,
  PRIORITIES,
  REQUEST_STATES,
  REQUEST_TYPES,
  TASK_STATES,
} from '@gap/coordination/domain';
import { ConnectionType } from '@gap/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const RequestTypeEnum = enumOf(REQUEST_TYPES);
export const PriorityEnum = enumOf(PRIORITIES);
export const RequestStateEnum = enumOf(REQUEST_STATES);
export const TaskStateEnum = enumOf(TASK_STATES);
export const BreachStateEnum = enumOf(BREACH_STATES);
export const ComplaintCategoryEnum = enumOf(COMPLAINT_CATEGORIES);
export const RequestOrderEnum = enumOf(['DUE', 'CREATED'] as const);
registerEnumType(RequestTypeEnum, { name: 'CoordinationRequestType' });
registerEnumType(PriorityEnum, {
  name: 'CoordinationPriority',
  description: 'P1 is the most urgent.',
});
registerEnumType(RequestStateEnum, { name: 'CoordinationRequestState' });
registerEnumType(TaskStateEnum, { name: 'CoordinationTaskState' });
registerEnumType(BreachStateEnum, { name: 'SlaBreachState' });
registerEnumType(ComplaintCategoryEnum, { name: 'ComplaintCategory' });
registerEnumType(RequestOrderEnum, {
  name: 'CoordinationRequestOrder',
  description: 'DUE: the running clock soonest due first; CREATED: newest first.',
});

@ObjectType('CoordinationTask', { description: "A department's share of a request's work." })
export class TaskType {
  @Field(() => ID) id!: string;
  @Field() departmentId!: string;
  @Field({ description: 'LEAD or PARTICIPANT.' }) role!: string;
  @Field(() => TaskStateEnum) state!: string;
  @Field(() => String, { nullable: true }) acceptedBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true }) declineReason!: string | null;
}

@ObjectType('ComplaintCallback', { description: 'A call back to the customer (回访).' })
export class CallbackType {
  @Field() callerId!: string;
  @Field() calledAt!: Date;
  @Field(() => Int, { description: '1 (very dissatisfied) … 5 (very satisfied).' })
  satisfaction!: number;
  @Field() confirmsResolution!: boolean;
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType('SlaClockStatus', { description: 'An SLA clock as of the read, in business minutes.' })
export class ClockType {
  @Field({ description: 'RESPONSE or RESOLUTION.' }) kind!: string;
  @Field({ description: 'RUNNING, PAUSED or STOPPED.' }) run!: string;
  @Field() paused!: boolean;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Null while paused.' }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) warningAt!: Date | null;
  @Field(() => Int) targetMinutes!: number;
  @Field(() => Float) usedMinutes!: number;
  @Field(() => Float, { description: 'Negative once overdue.' }) timeLeftMinutes!: number;
  @Field(() => Float) pausedMinutes!: number;
  @Field(() => BreachStateEnum) breach!: string;
  @Field() policyVersion!: string;
}

@ObjectType('CoordinationRequest', {
  description: 'A request to the coordination team for an account, routed to departments.',
})
export class RequestType {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. CR-2026-000123.' }) reference!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field({ description: 'The tier the SLA targets were set for.' }) accountTier!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => RequestTypeEnum) type!: string;
  @Field(() => PriorityEnum) priority!: string;
  @Field(() => RequestStateEnum) state!: string;
  @Field(() => ComplaintCategoryEnum, { nullable: true }) complaintCategory!: string | null;
  @Field({ description: 'MANAGER, COORDINATION_TEAM or PARTNER.' }) raisedByKind!: string;
  @Field() raisedBy!: string;
  @Field(() => String, { nullable: true }) leadDepartmentId!: string | null;
  @Field(() => [String]) participatingDepartmentIds!: string[];
  @Field(() => [TaskType]) tasks!: TaskType[];
  @Field(() => [CallbackType]) callbacks!: CallbackType[];
  @Field() waitingForCustomer!: boolean;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected or cancelled.' })
  endReason!: string | null;
  @Field(() => Int) reopenCount!: number;
  @Field(() => ClockType, { nullable: true }) responseClock!: ClockType | null;
  @Field(() => ClockType, { nullable: true }) resolutionClock!: ClockType | null;
  @Field(() => BreachStateEnum, { description: 'The worse of the two clocks.' })
  breachState!: string;
  @Field(() => Int, { description: 'Give it back to change the request (optimistic locking).' })
  version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

export const RequestConnection = ConnectionType(RequestType, 'CoordinationRequest');

@ObjectType('CoordinationRequestAuditEntry', { description: 'One change of a request, as it was.' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field() actor!: string;
  @Field({ description: 'SUBMIT or the command, e.g. TRIAGE.' }) action!: string;
  @Field(() => String, { nullable: true, description: 'The request before (JSON).' })
  before!: string | null;
  @Field(() => String, { nullable: true, description: 'The request after (JSON).' })
  after!: string | null;
}
