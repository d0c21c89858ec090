import type { Reason } from '@gap/i18n';
import type { CallbackProblemCode } from '../complaint/complaint.js';
import type { ClockKind } from '../sla/sla-policy.js';
import type { Callback, Priority } from '../model/coordination-terms.js';
import type { Actor, CoordinationRequest, Task } from './request-model.js';
import type { TaskAction, TaskRefusalCode } from './task-machine.js';

export type RequestCommand =
  | {
      readonly kind: 'TRIAGE';
      readonly leadDepartmentId: string;
      readonly participatingDepartmentIds: readonly string[];
      readonly priority?: Priority;
    }
  | { readonly kind: 'REJECT'; readonly reason: string }
  | { readonly kind: 'CANCEL'; readonly reason: string }
  | { readonly kind: 'ASSIGN_DEPARTMENTS'; readonly departmentIds: readonly string[] }
  | { readonly kind: 'TASK'; readonly taskId: string; readonly action: TaskAction }
  | { readonly kind: 'WAIT_FOR_CUSTOMER' }
  | { readonly kind: 'CUSTOMER_RESPONDED' }
  | { readonly kind: 'RESOLVE' }
  | { readonly kind: 'CONFIRM' }
  | { readonly kind: 'RECORD_CALLBACK'; readonly callback: Callback }
  | { readonly kind: 'CLOSE' }
  | { readonly kind: 'REOPEN'; readonly reason: string };

export type RequestCommandKind = RequestCommand['kind'];

/**
 * The departments a command names, each of which must be known: what the context's
 * `knownDepartmentIds` is read for (a command naming none needs no department read).
 */
export function departmentsNamed(command: RequestCommand): readonly string[] {
  switch (command.kind) {
    case 'TRIAGE':
      return [command.leadDepartmentId, ...command.participatingDepartmentIds];
    case 'ASSIGN_DEPARTMENTS':
      return command.departmentIds;
    case 'REJECT':
    case 'CANCEL':
    case 'TASK':
    case 'WAIT_FOR_CUSTOMER':
    case 'CUSTOMER_RESPONDED':
    case 'RESOLVE':
    case 'CONFIRM':
    case 'RECORD_CALLBACK':
    case 'CLOSE':
    case 'REOPEN':
      return [];
  }
}

export interface TransitionContext {
  readonly actor: Actor;
  readonly now: Date;
  /** From the SLA policy in force: calendar days after resolution (or closure) to reopen. */
  readonly reopenWindowDays: number;
  /** The departments that exist (admin-managed). */
  readonly knownDepartmentIds: ReadonlySet<string>;
  /** The id of a task to be created for a department (the service's id generator). */
  readonly newTaskId: (departmentId: string) => string;
}

/** What the service must do besides saving the request. */
export type RequestEffect =
  | { readonly kind: 'CREATE_TASK'; readonly task: Task }
  | { readonly kind: 'START_CLOCK'; readonly clock: ClockKind }
  | { readonly kind: 'STOP_CLOCK'; readonly clock: ClockKind }
  | { readonly kind: 'PAUSE_CLOCK'; readonly clock: ClockKind }
  | { readonly kind: 'RESUME_CLOCK'; readonly clock: ClockKind }
  /** Reopened: the stopped clock runs again, the time it stood stopped counting as paused. */
  | { readonly kind: 'RESTART_CLOCK'; readonly clock: ClockKind }
  /** Every task is finished and one is done: the request may now be resolved. */
  | { readonly kind: 'READY_TO_RESOLVE' };

export type RequestEventName =
  | 'RequestTriaged'
  | 'RequestRejected'
  | 'RequestCancelled'
  | 'TaskAssigned'
  | 'TaskAccepted'
  | 'TaskCompleted'
  | 'TaskDeclined'
  | 'RequestWaitingForCustomer'
  | 'RequestCustomerResponded'
  | 'RequestResolved'
  | 'RequestConfirmed'
  | 'ComplaintCallbackRecorded'
  | 'RequestClosed'
  | 'ComplaintClosed'
  | 'RequestReopened';

export type RequestRefusalCode =
  | 'REQUEST_COORDINATOR_ONLY'
  | 'REQUEST_REQUESTER_OR_COORDINATOR_ONLY'
  | 'REQUEST_LEAD_OR_COORDINATOR_ONLY'
  | 'REQUEST_WRONG_STATE'
  | 'REQUEST_ALREADY_TRIAGED'
  | 'REQUEST_UNKNOWN_DEPARTMENT'
  | 'REQUEST_DEPARTMENT_ALREADY_WORKING'
  | 'REQUEST_REASON_REQUIRED'
  | 'REQUEST_TASK_NOT_FOUND'
  | 'REQUEST_TASKS_OPEN'
  | 'REQUEST_NO_TASK_DONE'
  | 'REQUEST_ALREADY_WAITING'
  | 'REQUEST_NOT_WAITING'
  | 'REQUEST_REOPEN_WINDOW_PASSED'
  | 'REQUEST_NOT_A_COMPLAINT'
  | 'COMPLAINT_CONFIRMED_BY_CALLBACK'
  | 'COMPLAINT_CALLBACK_REQUIRED'
  | TaskRefusalCode
  | CallbackProblemCode;

export type RequestRefusal = Reason<RequestRefusalCode>;

export type TransitionOutcome =
  | {
      readonly ok: true;
      readonly request: CoordinationRequest;
      readonly events: readonly RequestEventName[];
      readonly effects: readonly RequestEffect[];
    }
  | { readonly ok: false; readonly refusal: RequestRefusal };
