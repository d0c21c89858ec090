import type { Priority, RequestType } from '../model/coordination-terms.js';
import type { EscalationLevel } from '../sla/sla-policy.js';
import type { EscalationStepKind } from '../sla/escalation.js';
import type { RequestCommand } from './request-commands.js';
import type { CoordinationRequest, RaisedBy, RequestState, TaskRole } from './request-model.js';
import { isTaskFinished } from './task-machine.js';

interface About {
  readonly requestId: string;
  readonly groupAccountId: string;
}

/**
 * The payloads of the coordination service's events, as the domain derives them; the shared
 * contracts (`@gap/contracts`, `coordination.events.ts`) declare the same shapes and check them
 * when they are recorded.
 */
export interface RequestEventPayloads {
  RequestSubmitted: About & {
    type: RequestType;
    priority: Priority;
    raisedByKind: RaisedBy['kind'];
    raisedBy: string;
    reference: string;
    title: string;
  };
  ComplaintReceived: About & {
    category: string | null;
    priority: Priority;
    raisedByKind: RaisedBy['kind'];
    raisedBy: string;
  };
  RequestStateChanged: About & {
    type: RequestType;
    from: RequestState;
    to: RequestState;
    command: RequestCommand['kind'];
    by: string;
  };
  RequestTriaged: About & {
    type: RequestType;
    priority: Priority;
    leadDepartmentId: string;
    participatingDepartmentIds: string[];
    by: string;
  };
  TaskAssigned: About & { taskId: string; departmentId: string; role: TaskRole; by: string };
  TaskCompleted: About & {
    taskId: string;
    departmentId: string;
    readyToResolve: boolean;
    by: string;
  };
  RequestResolved: About & { type: RequestType; by: string };
  RequestClosed: About & {
    type: RequestType;
    priority: Priority;
    raisedByKind: RaisedBy['kind'];
    raisedBy: string;
    reopenCount: number;
    by: string;
  };
  RequestRejected: About & { type: RequestType; reason: string; by: string };
  RequestCancelled: About & { type: RequestType; reason: string; by: string };
  RequestReopened: About & {
    type: RequestType;
    reference: string;
    title: string;
    reason: string | null;
    reopenCount: number;
    by: string;
  };
  ComplaintCallbackRecorded: About & {
    satisfaction: number;
    confirmsResolution: boolean;
    reopened: boolean;
  };
  ComplaintClosed: About & {
    category: string | null;
    satisfaction: number;
    confirmsResolution: boolean;
    callbacks: number;
    reopenCount: number;
    by: string;
  };
}

export type RequestEventType = keyof RequestEventPayloads;

/** One event, typed by its name: `{ type: 'RequestTriaged', payload: {...} }`. */
export type RequestEvent = {
  [T in RequestEventType]: { readonly type: T; readonly payload: RequestEventPayloads[T] };
}[RequestEventType];

/** What the events say beyond the aggregate: who acted, and how people refer to the request. */
export interface RequestEventFacts {
  readonly by: string;
  readonly reference: string;
  readonly title: string;
  /** A complaint's category (null for other requests). */
  readonly complaintCategory: string | null;
}

function event<T extends RequestEventType>(
  type: T,
  payload: RequestEventPayloads[T],
): RequestEvent {
  return { type, payload } as RequestEvent;
}

function about(request: CoordinationRequest): About {
  return { requestId: request.id, groupAccountId: request.accountId };
}

/** The events of a new request: RequestSubmitted, and ComplaintReceived for a complaint. */
export function submissionEvents(
  request: CoordinationRequest,
  facts: RequestEventFacts,
): RequestEvent[] {
  const raised = { raisedByKind: request.raisedBy.kind, raisedBy: request.raisedBy.id };
  const events = [
    event('RequestSubmitted', {
      ...about(request),
      type: request.type,
      priority: request.priority,
      ...raised,
      reference: facts.reference,
      title: facts.title,
    }),
  ];
  if (request.type === 'COMPLAINT') {
    events.push(
      event('ComplaintReceived', {
        ...about(request),
        category: facts.complaintCategory,
        priority: request.priority,
        ...raised,
      }),
    );
  }
  return events;
}

/**
 * The events of one accepted change, derived from the request before and after it and the
 * command: RequestStateChanged whenever the state moves (every consumer that follows the
 * lifecycle as a whole reads that one), then one event per step the change made, in the order
 * it made them. Nothing else decides what a change announces.
 */
export function requestEvents(
  before: CoordinationRequest,
  after: CoordinationRequest,
  command: RequestCommand,
  facts: RequestEventFacts,
): RequestEvent[] {
  const base = about(after);
  const by = facts.by;
  const events: RequestEvent[] = [];
  if (before.state !== after.state) {
    events.push(
      event('RequestStateChanged', {
        ...base,
        type: after.type,
        from: before.state,
        to: after.state,
        command: command.kind,
        by,
      }),
    );
  }
  const known = new Set(before.tasks.map((t) => t.id));
  const assigned = after.tasks
    .filter((t) => !known.has(t.id))
    .map((t) =>
      event('TaskAssigned', {
        ...base,
        taskId: t.id,
        departmentId: t.departmentId,
        role: t.role,
        by,
      }),
    );
  const reopened = after.reopenCount > before.reopenCount;

  switch (command.kind) {
    case 'TRIAGE':
      events.push(
        event('RequestTriaged', {
          ...base,
          type: after.type,
          priority: after.priority,
          leadDepartmentId: after.leadDepartmentId ?? command.leadDepartmentId,
          participatingDepartmentIds: [...after.participatingDepartmentIds],
          by,
        }),
      );
      break;
    case 'TASK': {
      const task = after.tasks.find((t) => t.id === command.taskId);
      if (task && command.action.kind === 'COMPLETE') {
        const ready =
          after.tasks.every(isTaskFinished) && after.tasks.some((t) => t.state === 'DONE');
        events.push(
          event('TaskCompleted', {
            ...base,
            taskId: task.id,
            departmentId: task.departmentId,
            readyToResolve: ready,
            by,
          }),
        );
      }
      break;
    }
    case 'RESOLVE':
      events.push(event('RequestResolved', { ...base, type: after.type, by }));
      break;
    case 'REJECT':
    case 'CANCEL':
      events.push(
        event(command.kind === 'REJECT' ? 'RequestRejected' : 'RequestCancelled', {
          ...base,
          type: after.type,
          reason: after.endReason ?? command.reason.trim(),
          by,
        }),
      );
      break;
    case 'RECORD_CALLBACK':
      events.push(
        event('ComplaintCallbackRecorded', {
          ...base,
          satisfaction: command.callback.satisfaction,
          confirmsResolution: command.callback.confirmsResolution,
          reopened,
        }),
      );
      break;
    case 'CLOSE': {
      events.push(
        event('RequestClosed', {
          ...base,
          type: after.type,
          priority: after.priority,
          raisedByKind: after.raisedBy.kind,
          raisedBy: after.raisedBy.id,
          reopenCount: after.reopenCount,
          by,
        }),
      );
      const callback = after.callbacks.at(-1);
      if (after.type === 'COMPLAINT' && callback) {
        events.push(
          event('ComplaintClosed', {
            ...base,
            category: facts.complaintCategory,
            satisfaction: callback.satisfaction,
            confirmsResolution: callback.confirmsResolution,
            callbacks: after.callbacks.length,
            reopenCount: after.reopenCount,
            by,
          }),
        );
      }
      break;
    }
    case 'ASSIGN_DEPARTMENTS':
    case 'WAIT_FOR_CUSTOMER':
    case 'CUSTOMER_RESPONDED':
    case 'CONFIRM':
    case 'REOPEN':
      break;
  }
  if (reopened) {
    events.push(
      event('RequestReopened', {
        ...base,
        type: after.type,
        reference: facts.reference,
        title: facts.title,
        reason: command.kind === 'REOPEN' ? command.reason.trim() : null,
        reopenCount: after.reopenCount,
        by,
      }),
    );
  }
  events.push(...assigned);
  return events;
}

/** The event a fired escalation step is announced by, with its level past the warning. */
export type SlaStepEvent =
  | { readonly type: 'SlaWarning'; readonly level: null }
  | {
      readonly type: 'SlaBreached' | 'Escalated';
      readonly level: EscalationLevel;
    };

/**
 * A fired step of the ladder: the warning is SlaWarning; the department head's step (at the
 * breach) is SlaBreached; the coordination lead's and senior management's are Escalated.
 */
export function slaStepEvent(kind: EscalationStepKind): SlaStepEvent {
  switch (kind) {
    case 'WARNING':
      return { type: 'SlaWarning', level: null };
    case 'DEPARTMENT_HEAD':
      return { type: 'SlaBreached', level: kind };
    case 'COORDINATION_LEAD':
    case 'SENIOR_MANAGEMENT':
      return { type: 'Escalated', level: kind };
  }
}
