import type { Callback, Priority, RequestType } from '../model/coordination-terms.js';

/**
 * A request's life: SUBMITTED → TRIAGED → IN_PROGRESS → RESOLVED → CONFIRMED → CLOSED, or
 * REJECTED / CANCELLED with a reason. Reopening is a transition, not a resting state: it takes
 * a resolved, confirmed or closed request back to IN_PROGRESS (event `RequestReopened`).
 */
export const REQUEST_STATES = [
  'SUBMITTED',
  'TRIAGED',
  'IN_PROGRESS',
  'RESOLVED',
  'CONFIRMED',
  'CLOSED',
  'REJECTED',
  'CANCELLED',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const OPEN_REQUEST_STATES: readonly RequestState[] = [
  'SUBMITTED',
  'TRIAGED',
  'IN_PROGRESS',
  'RESOLVED',
  'CONFIRMED',
];

/** A department's share of the work: OPEN → ACCEPTED → DONE (with a note), or DECLINED. */
export const TASK_STATES = ['OPEN', 'ACCEPTED', 'DONE', 'DECLINED'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export type TaskRole = 'LEAD' | 'PARTICIPANT';

export interface Task {
  readonly id: string;
  readonly departmentId: string;
  readonly role: TaskRole;
  readonly state: TaskState;
  readonly acceptedBy: string | null;
  readonly note: string | null;
  readonly declineReason: string | null;
}

export interface RaisedBy {
  readonly kind: 'MANAGER' | 'COORDINATION_TEAM' | 'PARTNER';
  readonly id: string;
}

export interface CoordinationRequest {
  readonly id: string;
  readonly accountId: string;
  readonly type: RequestType;
  readonly priority: Priority;
  readonly state: RequestState;
  readonly raisedBy: RaisedBy;
  readonly leadDepartmentId: string | null;
  readonly participatingDepartmentIds: readonly string[];
  readonly tasks: readonly Task[];
  readonly waitingForCustomer: boolean;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
  /** Why it was rejected or cancelled. */
  readonly endReason: string | null;
  readonly callbacks: readonly Callback[];
  readonly reopenCount: number;
}

/** A new request as intake creates it. */
export function submittedRequest(input: {
  id: string;
  accountId: string;
  type: RequestType;
  priority: Priority;
  raisedBy: RaisedBy;
}): CoordinationRequest {
  return {
    ...input,
    state: 'SUBMITTED',
    leadDepartmentId: null,
    participatingDepartmentIds: [],
    tasks: [],
    waitingForCustomer: false,
    resolvedAt: null,
    closedAt: null,
    endReason: null,
    callbacks: [],
    reopenCount: 0,
  };
}

/** Who acts: the coordination team's members, department staff (by department), requesters. */
export interface Actor {
  readonly id: string;
  readonly coordinator: boolean;
  readonly departmentIds: readonly string[];
}
