import { isReasonLongEnough } from '@gap/i18n';
import {
  callbackProblems,
  hasClosingCallback,
  isSatisfiedCallback,
} from '../complaint/complaint.js';
import type {
  RequestCommand,
  RequestEffect,
  RequestEventName,
  TransitionContext,
  TransitionOutcome,
} from './request-commands.js';
import { actorRefusal, refusal, runningClock, stateRefusal } from './request-guards.js';
import type { CoordinationRequest, Task, TaskRole } from './request-model.js';
import { isTaskFinished, taskTransition } from './task-machine.js';

const DAY_MS = 86_400_000;

type Ok = Extract<TransitionOutcome, { ok: true }>;

function ok(
  request: CoordinationRequest,
  events: RequestEventName[],
  effects: RequestEffect[] = [],
): Ok {
  return { ok: true, request, events, effects };
}

function newTask(departmentId: string, role: TaskRole, context: TransitionContext): Task {
  return {
    id: context.newTaskId(departmentId),
    departmentId,
    role,
    state: 'OPEN',
    acceptedBy: null,
    note: null,
    declineReason: null,
  };
}

function tasksCreated(tasks: readonly Task[]): RequestEffect[] {
  return tasks.map((task) => ({ kind: 'CREATE_TASK', task }));
}

/** Tasks of an ended request are declined with the request's reason, so no queue keeps them. */
function withdrawTasks(tasks: readonly Task[], why: string): Task[] {
  return tasks.map((t) =>
    isTaskFinished(t) ? t : { ...t, state: 'DECLINED', declineReason: why },
  );
}

/**
 * The request after `command`, with the events to publish and what the service must do
 * (tasks to create, clocks to start, stop, pause or resume); or the refusal, coded, and
 * nothing changed. Pure: the caller, the time, the known departments and task ids come in the
 * context.
 */
export function transition(
  request: CoordinationRequest,
  command: RequestCommand,
  context: TransitionContext,
): TransitionOutcome {
  const refused = actorRefusal(request, command, context.actor) ?? stateRefusal(request, command);
  if (refused) return { ok: false, refusal: refused };
  const fail = (code: Parameters<typeof refusal>[0], figures = {}): TransitionOutcome => ({
    ok: false,
    refusal: refusal(code, request, command, figures),
  });
  const now = context.now;
  const clock = runningClock(request.state);

  switch (command.kind) {
    case 'TRIAGE': {
      const participants = [...new Set(command.participatingDepartmentIds)].filter(
        (id) => id !== command.leadDepartmentId,
      );
      const unknown = [command.leadDepartmentId, ...participants].find(
        (id) => !context.knownDepartmentIds.has(id),
      );
      if (unknown !== undefined)
        return fail('REQUEST_UNKNOWN_DEPARTMENT', { departmentId: unknown });
      const tasks = [
        newTask(command.leadDepartmentId, 'LEAD', context),
        ...participants.map((id) => newTask(id, 'PARTICIPANT', context)),
      ];
      return ok(
        {
          ...request,
          state: 'TRIAGED',
          priority: command.priority ?? request.priority,
          leadDepartmentId: command.leadDepartmentId,
          participatingDepartmentIds: participants,
          tasks,
          waitingForCustomer: false,
        },
        ['RequestTriaged', ...tasks.map((): RequestEventName => 'TaskAssigned')],
        [
          { kind: 'STOP_CLOCK', clock: 'RESPONSE' },
          { kind: 'START_CLOCK', clock: 'RESOLUTION' },
          ...tasksCreated(tasks),
        ],
      );
    }
    case 'REJECT':
    case 'CANCEL': {
      if (!isReasonLongEnough(command.reason)) return fail('REQUEST_REASON_REQUIRED');
      const why = command.reason.trim();
      return ok(
        {
          ...request,
          state: command.kind === 'REJECT' ? 'REJECTED' : 'CANCELLED',
          endReason: why,
          tasks: withdrawTasks(request.tasks, why),
          waitingForCustomer: false,
        },
        [command.kind === 'REJECT' ? 'RequestRejected' : 'RequestCancelled'],
        clock ? [{ kind: 'STOP_CLOCK', clock }] : [],
      );
    }
    case 'ASSIGN_DEPARTMENTS': {
      const ids = [...new Set(command.departmentIds)];
      const unknown = ids.find((id) => !context.knownDepartmentIds.has(id));
      if (unknown !== undefined)
        return fail('REQUEST_UNKNOWN_DEPARTMENT', { departmentId: unknown });
      const busy = ids.find((id) =>
        request.tasks.some((t) => t.departmentId === id && !isTaskFinished(t)),
      );
      if (busy !== undefined)
        return fail('REQUEST_DEPARTMENT_ALREADY_WORKING', { departmentId: busy });
      const tasks = ids.map((id) => newTask(id, 'PARTICIPANT', context));
      const participatingDepartmentIds = [
        ...new Set([...request.participatingDepartmentIds, ...ids]),
      ].filter((id) => id !== request.leadDepartmentId);
      return ok(
        { ...request, participatingDepartmentIds, tasks: [...request.tasks, ...tasks] },
        tasks.map(() => 'TaskAssigned'),
        tasksCreated(tasks),
      );
    }
    case 'TASK': {
      const task = request.tasks.find((t) => t.id === command.taskId);
      if (!task) return fail('REQUEST_TASK_NOT_FOUND', { taskId: command.taskId });
      const result = taskTransition(task, command.action, context.actor);
      if (!result.ok) return fail(result.refusal.code, result.refusal.figures);
      const tasks = request.tasks.map((t) => (t.id === task.id ? result.task : t));
      const state = command.action.kind === 'ACCEPT' ? 'IN_PROGRESS' : request.state;
      const event: RequestEventName =
        command.action.kind === 'ACCEPT'
          ? 'TaskAccepted'
          : command.action.kind === 'COMPLETE'
            ? 'TaskCompleted'
            : 'TaskDeclined';
      const ready = tasks.every(isTaskFinished) && tasks.some((t) => t.state === 'DONE');
      return ok({ ...request, state, tasks }, [event], ready ? [{ kind: 'READY_TO_RESOLVE' }] : []);
    }
    case 'WAIT_FOR_CUSTOMER':
    case 'CUSTOMER_RESPONDED': {
      const waiting = command.kind === 'WAIT_FOR_CUSTOMER';
      if (request.waitingForCustomer === waiting) {
        return fail(waiting ? 'REQUEST_ALREADY_WAITING' : 'REQUEST_NOT_WAITING');
      }
      const effects: RequestEffect[] = clock
        ? [{ kind: waiting ? 'PAUSE_CLOCK' : 'RESUME_CLOCK', clock }]
        : [];
      return ok(
        { ...request, waitingForCustomer: waiting },
        [waiting ? 'RequestWaitingForCustomer' : 'RequestCustomerResponded'],
        effects,
      );
    }
    case 'RESOLVE': {
      const open = request.tasks.filter((t) => !isTaskFinished(t));
      if (open.length > 0) return fail('REQUEST_TASKS_OPEN', { openTasks: open.length });
      if (!request.tasks.some((t) => t.state === 'DONE')) return fail('REQUEST_NO_TASK_DONE');
      return ok(
        { ...request, state: 'RESOLVED', resolvedAt: now, waitingForCustomer: false },
        ['RequestResolved'],
        [{ kind: 'STOP_CLOCK', clock: 'RESOLUTION' }],
      );
    }
    case 'CONFIRM':
      if (request.type === 'COMPLAINT') return fail('COMPLAINT_CONFIRMED_BY_CALLBACK');
      return ok({ ...request, state: 'CONFIRMED' }, ['RequestConfirmed']);
    case 'RECORD_CALLBACK': {
      if (request.type !== 'COMPLAINT') return fail('REQUEST_NOT_A_COMPLAINT');
      const problem = callbackProblems(command.callback, {
        resolvedAt: request.resolvedAt,
        now,
      })[0];
      if (problem) return fail(problem.code, problem.figures);
      const callbacks = [...request.callbacks, command.callback];
      if (isSatisfiedCallback(command.callback)) {
        return ok({ ...request, state: 'CONFIRMED', callbacks }, ['ComplaintCallbackRecorded']);
      }
      return reopened({ ...request, callbacks }, context, ['ComplaintCallbackRecorded']);
    }
    case 'CLOSE':
      if (
        request.type === 'COMPLAINT' &&
        !hasClosingCallback(request.callbacks, request.resolvedAt)
      ) {
        return fail('COMPLAINT_CALLBACK_REQUIRED');
      }
      return ok(
        { ...request, state: 'CLOSED', closedAt: now },
        request.type === 'COMPLAINT' ? ['RequestClosed', 'ComplaintClosed'] : ['RequestClosed'],
      );
    case 'REOPEN': {
      if (!isReasonLongEnough(command.reason)) return fail('REQUEST_REASON_REQUIRED');
      const since = request.closedAt ?? request.resolvedAt ?? now;
      const windowEnds = new Date(since.getTime() + context.reopenWindowDays * DAY_MS);
      if (now > windowEnds) {
        return fail('REQUEST_REOPEN_WINDOW_PASSED', { windowEnds: windowEnds.toISOString() });
      }
      return reopened(request, context, []);
    }
  }
}

/**
 * Back to IN_PROGRESS: the lead department gets a new task, and the resolution clock runs on
 * from where it stopped (the time it stood resolved does not count). A dissatisfied callback
 * reopens whatever the window says: the customer has just told us it is not solved.
 */
function reopened(
  request: CoordinationRequest,
  context: TransitionContext,
  events: RequestEventName[],
): Ok {
  const lead = request.leadDepartmentId;
  const tasks = lead ? [newTask(lead, 'LEAD', context)] : [];
  return ok(
    {
      ...request,
      state: 'IN_PROGRESS',
      closedAt: null,
      tasks: [...request.tasks, ...tasks],
      reopenCount: request.reopenCount + 1,
    },
    [...events, 'RequestReopened', ...tasks.map((): RequestEventName => 'TaskAssigned')],
    [{ kind: 'RESTART_CLOCK', clock: 'RESOLUTION' }, ...tasksCreated(tasks)],
  );
}
