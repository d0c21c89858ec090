import { reason } from '@gap/i18n';
import type { ClockKind } from '../sla/sla-policy.js';
import type {
  RequestCommand,
  RequestCommandKind,
  RequestRefusal,
  RequestRefusalCode,
} from './request-commands.js';
import type { Actor, CoordinationRequest, RequestState } from './request-model.js';

/** The states each command may run in. */
export const COMMAND_STATES: Readonly<Record<RequestCommandKind, readonly RequestState[]>> = {
  TRIAGE: ['SUBMITTED'],
  REJECT: ['SUBMITTED', 'TRIAGED'],
  CANCEL: ['SUBMITTED', 'TRIAGED', 'IN_PROGRESS'],
  ASSIGN_DEPARTMENTS: ['TRIAGED', 'IN_PROGRESS'],
  TASK: ['TRIAGED', 'IN_PROGRESS'],
  WAIT_FOR_CUSTOMER: ['SUBMITTED', 'TRIAGED', 'IN_PROGRESS'],
  CUSTOMER_RESPONDED: ['SUBMITTED', 'TRIAGED', 'IN_PROGRESS'],
  RESOLVE: ['TRIAGED', 'IN_PROGRESS'],
  CONFIRM: ['RESOLVED'],
  RECORD_CALLBACK: ['RESOLVED', 'CONFIRMED'],
  CLOSE: ['CONFIRMED'],
  REOPEN: ['RESOLVED', 'CONFIRMED', 'CLOSED'],
};

type Who = 'COORDINATOR' | 'REQUESTER_OR_COORDINATOR' | 'LEAD_OR_COORDINATOR' | 'TASK_DEPARTMENT';

/**
 * Who may give each command. The coordination team routes and supervises; the requester may
 * withdraw, confirm and reopen what they asked for; the lead department may pause for the
 * customer and resolve; department staff act on their own department's tasks only.
 */
export const COMMAND_ACTORS: Readonly<Record<RequestCommandKind, Who>> = {
  TRIAGE: 'COORDINATOR',
  REJECT: 'COORDINATOR',
  CANCEL: 'REQUESTER_OR_COORDINATOR',
  ASSIGN_DEPARTMENTS: 'COORDINATOR',
  TASK: 'TASK_DEPARTMENT',
  WAIT_FOR_CUSTOMER: 'LEAD_OR_COORDINATOR',
  CUSTOMER_RESPONDED: 'LEAD_OR_COORDINATOR',
  RESOLVE: 'LEAD_OR_COORDINATOR',
  CONFIRM: 'REQUESTER_OR_COORDINATOR',
  RECORD_CALLBACK: 'COORDINATOR',
  CLOSE: 'COORDINATOR',
  REOPEN: 'REQUESTER_OR_COORDINATOR',
};

export function refusal(
  code: RequestRefusalCode,
  request: CoordinationRequest,
  command: RequestCommand,
  figures: Record<string, string | number | boolean | null> = {},
): RequestRefusal {
  return reason(code, {
    requestId: request.id,
    state: request.state,
    command: command.kind,
    ...figures,
  });
}

/** Whether the actor may give the command at all; the task's department is checked later. */
export function actorRefusal(
  request: CoordinationRequest,
  command: RequestCommand,
  actor: Actor,
): RequestRefusal | null {
  const isLead =
    request.leadDepartmentId !== null && actor.departmentIds.includes(request.leadDepartmentId);
  const isRequester = actor.id === request.raisedBy.id;
  switch (COMMAND_ACTORS[command.kind]) {
    case 'COORDINATOR':
      return actor.coordinator ? null : refusal('REQUEST_COORDINATOR_ONLY', request, command);
    case 'REQUESTER_OR_COORDINATOR':
      return actor.coordinator || isRequester
        ? null
        : refusal('REQUEST_REQUESTER_OR_COORDINATOR_ONLY', request, command);
    case 'LEAD_OR_COORDINATOR':
      return actor.coordinator || isLead
        ? null
        : refusal('REQUEST_LEAD_OR_COORDINATOR_ONLY', request, command);
    case 'TASK_DEPARTMENT':
      return null;
  }
}

export function stateRefusal(
  request: CoordinationRequest,
  command: RequestCommand,
): RequestRefusal | null {
  if (COMMAND_STATES[command.kind].includes(request.state)) return null;
  if (command.kind === 'TRIAGE' && ['TRIAGED', 'IN_PROGRESS'].includes(request.state)) {
    return refusal('REQUEST_ALREADY_TRIAGED', request, command);
  }
  if (command.kind === 'CLOSE' && request.type === 'COMPLAINT' && request.state === 'RESOLVED') {
    return refusal('COMPLAINT_CALLBACK_REQUIRED', request, command);
  }
  return refusal('REQUEST_WRONG_STATE', request, command);
}

/** The clock running in a state: response until triage, resolution until resolved. */
export function runningClock(state: RequestState): ClockKind | null {
  if (state === 'SUBMITTED') return 'RESPONSE';
  if (state === 'TRIAGED' || state === 'IN_PROGRESS') return 'RESOLUTION';
  return null;
}
