import {
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

/** A request for an account reached the coordination team (from any channel). */
export class RequestSubmittedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() groupAccountId!: string;
  @IsIn(REQUEST_TYPES) type!: string;
  @IsIn(PRIORITIES) priority!: string;
  @IsIn(['MANAGER', 'COORDINATION_TEAM', 'PARTNER']) raisedByKind!: string;
  @IsString() @IsNotEmpty() raisedBy!: string;
}

/** A request moved from one state to another (a reopening goes back to IN_PROGRESS). */
export class RequestStateChangedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() groupAccountId!: string;
  @IsIn(REQUEST_TYPES) type!: string;
  @IsIn(STATES) from!: string;
  @IsIn(STATES) to!: string;
  /** The command that moved it, e.g. TRIAGE, RESOLVE, REOPEN. */
  @IsString() @IsNotEmpty() command!: string;
  @IsString() @IsNotEmpty() by!: string;
}

/** A step of the escalation ladder fired: a warning, or a breach told to someone higher. */
export class RequestEscalatedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() groupAccountId!: string;
  @IsIn(['RESPONSE', 'RESOLUTION']) clock!: string;
  /** The step's key, e.g. RESOLUTION:WARNING, RESOLUTION:DEPARTMENT_HEAD. */
  @IsString() @IsNotEmpty() step!: string;
  /** Who is told, by employee number; null when nobody holds that role yet. */
  @IsOptional() @IsString() notify!: string | null;
  @IsString() @IsNotEmpty() dueAt!: string;
}

/** The callback (回访) of a complaint: its satisfaction feeds tiering and the scorecard. */
export class ComplaintCallbackRecordedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() groupAccountId!: string;
  @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @IsBoolean() confirmsResolution!: boolean;
  /** True when the callback reopened the complaint. */
  @IsBoolean() reopened!: boolean;
}

export interface CoordinationEventMap {
  RequestSubmitted: RequestSubmittedPayload;
  RequestStateChanged: RequestStateChangedPayload;
  RequestEscalated: RequestEscalatedPayload;
  ComplaintCallbackRecorded: ComplaintCallbackRecordedPayload;
}

export const COORDINATION_EVENTS: EventDefinitions<CoordinationEventMap> = {
  RequestSubmitted: { topic: COORDINATION_TOPIC, version: 1, payload: RequestSubmittedPayload },
  RequestStateChanged: {
    topic: COORDINATION_TOPIC,
    version: 1,
    payload: RequestStateChangedPayload,
  },
  RequestEscalated: { topic: COORDINATION_TOPIC, version: 1, payload: RequestEscalatedPayload },
  ComplaintCallbackRecorded: {
    topic: COORDINATION_TOPIC,
    version: 1,
    payload: ComplaintCallbackRecordedPayload,
  },
};
