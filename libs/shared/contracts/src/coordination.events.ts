import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const COORDINATION_TOPIC = 'coordination.events.v1';

const REQUEST_TYPES = ['LEASED_LINE_BUILD', 'SPECIAL_PRICING', 'BID_SUPPORT', 'COMPLAINT', 'OTHER'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const RAISED_BY = ['MANAGER', 'COORDINATION_TEAM', 'PARTNER'];
const CLOCKS = ['RESPONSE', 'RESOLUTION'];
const COMPLAINT_CATEGORIES = [
  'NETWORK_QUALITY',
  'BILLING',
  'SERVICE_ATTITUDE',
  'INSTALLATION_DELAY',
  'OTHER',
];
const STATES = [
  'SUBMITTED',
  'TRIAGED',
  'IN_PROGRESS',
  'RESOLVED',
  'CONFIRMED',
  'CLOSED',
  'REJECTED',
  'CANCELLED',
];

/** Which request, of which account: every coordination event names both. */
export class AboutRequest {
  @IsUUID() requestId!: string;
  @IsUUID() groupAccountId!: string;
}

/** A request for an account reached the coordination team (from any channel). */
export class RequestSubmittedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsIn(PRIORITIES) priority!: string;
  @IsIn(RAISED_BY) raisedByKind!: string;
  @IsString() @IsNotEmpty() raisedBy!: string;
  /** Its reference, e.g. CR-2026-000123 (added later: optional for older events). */
  @IsOptional() @IsString() reference?: string;
  /** Its title, for lists elsewhere (a handover's checklist). */
  @IsOptional() @IsString() title?: string;
}

/** A request moved from one state to another (a reopening goes back to IN_PROGRESS). */
export class RequestStateChangedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsIn(STATES) from!: string;
  @IsIn(STATES) to!: string;
  /** The command that moved it, e.g. TRIAGE, RESOLVE, REOPEN. */
  @IsString() @IsNotEmpty() command!: string;
  @IsString() @IsNotEmpty() by!: string;
}

/**
 * A step of a clock's escalation ladder fell due and was recorded, once: whom it tells, and
 * the instant it was due. SlaWarning at the policy's share of the target (default 75%).
 */
export class SlaStepPayload extends AboutRequest {
  @IsIn(CLOCKS) clock!: string;
  /** The step's key, e.g. RESOLUTION:WARNING, RESOLUTION:DEPARTMENT_HEAD. */
  @IsString() @IsNotEmpty() step!: string;
  /** Who is told, by employee number; null when nobody holds that role yet. */
  @IsOptional() @IsString() notify!: string | null;
  /** The instant the step fell due. */
  @IsString() @IsNotEmpty() dueAt!: string;
}

/** The clock used its whole target (SlaBreached, to the department head), or a later level. */
export class SlaEscalationPayload extends SlaStepPayload {
  @IsIn(['DEPARTMENT_HEAD', 'COORDINATION_LEAD', 'SENIOR_MANAGEMENT']) level!: string;
  /** When the clock used its whole target. */
  @IsString() @IsNotEmpty() breachedAt!: string;
}

/** A complaint reached the coordination team (any channel): counts by category. */
export class ComplaintReceivedPayload extends AboutRequest {
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category!: string | null;
  @IsIn(PRIORITIES) priority!: string;
  @IsIn(RAISED_BY) raisedByKind!: string;
  @IsString() @IsNotEmpty() raisedBy!: string;
}

/** The coordination team routed the request: a lead department and participants. */
export class RequestTriagedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsIn(PRIORITIES) priority!: string;
  @IsString() @IsNotEmpty() leadDepartmentId!: string;
  @IsArray() @IsString({ each: true }) participatingDepartmentIds!: string[];
  @IsString() @IsNotEmpty() by!: string;
}

/** A department was given a task on a request (at triage, later, or on a reopening). */
export class TaskAssignedPayload extends AboutRequest {
  @IsString() @IsNotEmpty() taskId!: string;
  @IsString() @IsNotEmpty() departmentId!: string;
  @IsIn(['LEAD', 'PARTICIPANT']) role!: string;
  @IsString() @IsNotEmpty() by!: string;
}

/** A department completed its task (with a note, kept on the request). */
export class TaskCompletedPayload extends AboutRequest {
  @IsString() @IsNotEmpty() taskId!: string;
  @IsString() @IsNotEmpty() departmentId!: string;
  /** Every task is finished and one is done: the request may be resolved. */
  @IsBoolean() readyToResolve!: boolean;
  @IsString() @IsNotEmpty() by!: string;
}

/** Resolved (its tasks done): the customer is asked to confirm (a complaint: the callback). */
export class RequestResolvedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsString() @IsNotEmpty() by!: string;
}

/** Closed: the work is over for the account (a handover's checklist item closes with it). */
export class RequestClosedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsIn(PRIORITIES) priority!: string;
  @IsIn(RAISED_BY) raisedByKind!: string;
  @IsString() @IsNotEmpty() raisedBy!: string;
  @IsInt() @Min(0) reopenCount!: number;
  @IsString() @IsNotEmpty() by!: string;
}

/** Rejected or cancelled, with the reason: it ends without being worked to the end. */
export class RequestEndedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() by!: string;
}

/** Back to IN_PROGRESS (asked for, or a dissatisfied callback): open work again. */
export class RequestReopenedPayload extends AboutRequest {
  @IsIn(REQUEST_TYPES) type!: string;
  @IsString() @IsNotEmpty() reference!: string;
  @IsString() @IsNotEmpty() title!: string;
  /** Why; null when a dissatisfied callback reopened it. */
  @IsOptional() @IsString() reason!: string | null;
  @IsInt() @Min(1) reopenCount!: number;
  @IsString() @IsNotEmpty() by!: string;
}

/** A complaint closed after its callback: the satisfaction the customer gave (1–5). */
export class ComplaintClosedPayload extends AboutRequest {
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category!: string | null;
  @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @IsBoolean() confirmsResolution!: boolean;
  @IsInt() @Min(1) callbacks!: number;
  @IsInt() @Min(0) reopenCount!: number;
  @IsString() @IsNotEmpty() by!: string;
}

/** The callback (回访) of a complaint: its satisfaction feeds tiering and the scorecard. */
export class ComplaintCallbackRecordedPayload extends AboutRequest {
  @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @IsBoolean() confirmsResolution!: boolean;
  /** True when the callback reopened the complaint. */
  @IsBoolean() reopened!: boolean;
}

export interface CoordinationEventMap {
  RequestSubmitted: RequestSubmittedPayload;
  RequestStateChanged: RequestStateChangedPayload;
  ComplaintCallbackRecorded: ComplaintCallbackRecordedPayload;
  ComplaintReceived: ComplaintReceivedPayload;
  RequestTriaged: RequestTriagedPayload;
  TaskAssigned: TaskAssignedPayload;
  TaskCompleted: TaskCompletedPayload;
  RequestResolved: RequestResolvedPayload;
  RequestClosed: RequestClosedPayload;
  RequestRejected: RequestEndedPayload;
  RequestCancelled: RequestEndedPayload;
  RequestReopened: RequestReopenedPayload;
  ComplaintClosed: ComplaintClosedPayload;
  SlaWarning: SlaStepPayload;
  SlaBreached: SlaEscalationPayload;
  Escalated: SlaEscalationPayload;
}

export const COORDINATION_EVENTS: EventDefinitions<CoordinationEventMap> = {
  RequestSubmitted: { topic: COORDINATION_TOPIC, version: 1, payload: RequestSubmittedPayload },
  RequestStateChanged: {
    topic: COORDINATION_TOPIC,
    version: 1,
    payload: RequestStateChangedPayload,
  },
  ComplaintCallbackRecorded: {
    topic: COORDINATION_TOPIC,
    version: 1,
    payload: ComplaintCallbackRecordedPayload,
  },
  ComplaintReceived: { topic: COORDINATION_TOPIC, version: 1, payload: ComplaintReceivedPayload },
  RequestTriaged: { topic: COORDINATION_TOPIC, version: 1, payload: RequestTriagedPayload },
  TaskAssigned: { topic: COORDINATION_TOPIC, version: 1, payload: TaskAssignedPayload },
  TaskCompleted: { topic: COORDINATION_TOPIC, version: 1, payload: TaskCompletedPayload },
  RequestResolved: { topic: COORDINATION_TOPIC, version: 1, payload: RequestResolvedPayload },
  RequestClosed: { topic: COORDINATION_TOPIC, version: 1, payload: RequestClosedPayload },
  RequestRejected: { topic: COORDINATION_TOPIC, version: 1, payload: RequestEndedPayload },
  RequestCancelled: { topic: COORDINATION_TOPIC, version: 1, payload: RequestEndedPayload },
  RequestReopened: { topic: COORDINATION_TOPIC, version: 1, payload: RequestReopenedPayload },
  ComplaintClosed: { topic: COORDINATION_TOPIC, version: 1, payload: ComplaintClosedPayload },
  SlaWarning: { topic: COORDINATION_TOPIC, version: 1, payload: SlaStepPayload },
  SlaBreached: { topic: COORDINATION_TOPIC, version: 1, payload: SlaEscalationPayload },
  Escalated: { topic: COORDINATION_TOPIC, version: 1, payload: SlaEscalationPayload },
};
