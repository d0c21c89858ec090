import { renderReason } from '@gap/i18n';
import fc from 'fast-check';
import { COORDINATION_REASONS } from '../reasons.js';
import type { RequestCommand } from './request-commands.js';
import {
  REQUEST_STATES,
  TASK_STATES,
  type Actor,
  type CoordinationRequest,
} from './request-model.js';
import { transition } from './request-transition.js';
import { isTaskFinished } from './task-machine.js';
import {
  aRequest,
  contextFor,
  coordinator,
  DEPARTMENTS,
  financeStaff,
  legalStaff,
  manager,
  networkStaff,
} from './request.fixture.js';

const actors = [coordinator, manager, networkStaff, financeStaff, legalStaff];
const department = fc.constantFrom(...DEPARTMENTS, 'MARKETING');
const text = fc.constantFrom('', 'ok', '客户要求', 'not our business');

/** A command; a task is picked by index among the request's tasks when it runs. */
const command = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('TRIAGE' as const),
      lead: department,
      others: fc.array(department, { maxLength: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('REJECT' as const, 'CANCEL' as const),
      reason: text,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('REOPEN' as const), reason: text }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('ASSIGN_DEPARTMENTS' as const),
      others: fc.array(department, { maxLength: 2 }),
    }),
  },
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant('TASK' as const),
      index: fc.nat(4),
      action: fc.oneof(
        { weight: 3, arbitrary: fc.constant({ kind: 'ACCEPT' as const }) },
        { weight: 3, arbitrary: text.map((note) => ({ kind: 'COMPLETE' as const, note })) },
        { weight: 1, arbitrary: text.map((reason) => ({ kind: 'DECLINE' as const, reason })) },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('RECORD_CALLBACK' as const),
      satisfaction: fc.integer({ min: 0, max: 6 }),
      confirms: fc.boolean(),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      { kind: 'WAIT_FOR_CUSTOMER' as const },
      { kind: 'CUSTOMER_RESPONDED' as const },
      { kind: 'RESOLVE' as const },
      { kind: 'CONFIRM' as const },
      { kind: 'CLOSE' as const },
    ),
  },
);
/**
 * The way from submission to closure, of which each run first takes a random part, so that
 * random commands are tried in every state.
 */
function happyPath(type: CoordinationRequest['type']): [Spec, null][] {
  const work = (action: Extract<Spec, { kind: 'TASK' }>['action']): Spec => ({
    kind: 'TASK',
    index: 0,
    action,
  });
  const specs: Spec[] = [
    { kind: 'TRIAGE', lead: 'NETWORK', others: ['FINANCE'] },
    work({ kind: 'ACCEPT' }),
    work({ kind: 'COMPLETE', note: 'ok' }),
    work({ kind: 'ACCEPT' }),
    work({ kind: 'COMPLETE', note: 'ok' }),
    { kind: 'RESOLVE' },
    type === 'COMPLAINT'
      ? { kind: 'RECORD_CALLBACK', satisfaction: 5, confirms: true }
      : { kind: 'CONFIRM' },
    { kind: 'CLOSE' },
  ];
  return specs.map((spec) => [spec, null]);
}
const HAPPY_PATH_LENGTH = 8;

/** Mostly whoever the command is meant for (null), sometimes anybody. */
const actorOrFitting = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(...actors) },
);
type Spec = typeof command extends fc.Arbitrary<infer T> ? T : never;

function toCommand(spec: Spec, request: CoordinationRequest, now: Date): RequestCommand {
  switch (spec.kind) {
    case 'TRIAGE':
      return {
        kind: 'TRIAGE',
        leadDepartmentId: spec.lead,
        participatingDepartmentIds: spec.others,
      };
    case 'ASSIGN_DEPARTMENTS':
      return { kind: 'ASSIGN_DEPARTMENTS', departmentIds: spec.others };
    case 'TASK': {
      // Index 4 is a task the request does not have; the others pick one of its unfinished
      // tasks (any task when all are finished), so that work gets done.
      const open = request.tasks.filter((t) => !isTaskFinished(t));
      const pool = open.length > 0 ? open : request.tasks;
      const task = spec.index === 4 ? undefined : pool[spec.index % Math.max(1, pool.length)];
      return { kind: 'TASK', taskId: task?.id ?? 'T404', action: spec.action };
    }
    case 'RECORD_CALLBACK': {
      const callback = {
        callerId: 'E1001',
        calledAt: now,
        satisfaction: spec.satisfaction,
        confirmsResolution: spec.confirms,
      };
      return { kind: 'RECORD_CALLBACK', callback };
    }
    case 'REJECT':
    case 'CANCEL':
    case 'REOPEN':
    case 'WAIT_FOR_CUSTOMER':
    case 'CUSTOMER_RESPONDED':
    case 'RESOLVE':
    case 'CONFIRM':
    case 'CLOSE':
      return spec;
  }
}

/** Whoever the command is meant for: the task's department staff, or else the coordination team. */
function fitting(cmd: RequestCommand, request: CoordinationRequest): Actor {
  const task = cmd.kind === 'TASK' ? request.tasks.find((t) => t.id === cmd.taskId) : undefined;
  return task ? { id: 'S1', coordinator: false, departmentIds: [task.departmentId] } : coordinator;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('the request state machine, under any sequence of commands by anyone', () => {
  it('stays in a defined state, refuses without changing anything, and explains every refusal', () => {
    // How many runs reached each state: the generator must explore the whole machine.
    const runsReaching = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom('LEASED_LINE_BUILD' as const, 'COMPLAINT' as const),
        fc.oneof(fc.constantFrom(0, 1), fc.nat(HAPPY_PATH_LENGTH)),
        fc.array(fc.tuple(command, actorOrFitting), { minLength: 10, maxLength: 40 }),
        (type, prefix, randomSteps) => {
          const steps = [...happyPath(type).slice(0, prefix), ...randomSteps];
          let request = deepFreeze(aRequest({ type }));
          const reached = new Set<string>();
          let minute = 0;
          for (const [spec, who] of steps) {
            const now = new Date(Date.UTC(2026, 11, 2, 1, ++minute));
            const before = structuredClone(request);
            const cmd = toCommand(spec, request, now);
            const actor = who ?? fitting(cmd, request);
            const context = {
              ...contextFor(actor, now),
              newTaskId: (d: string) => `T${minute}-${d}`,
            };
            const outcome = transition(request, cmd, context);
            expect(request).toEqual(before);
            if (!outcome.ok) {
              for (const locale of ['zh-CN', 'en'] as const) {
                const text = renderReason(COORDINATION_REASONS, outcome.refusal, locale);
                expect(text.length).toBeGreaterThan(0);
              }
              continue;
            }
            request = deepFreeze(outcome.request);
            reached.add(request.state);
            expect(REQUEST_STATES).toContain(request.state);
            for (const task of request.tasks) expect(TASK_STATES).toContain(task.state);
            if (request.state === 'RESOLVED') {
              expect(request.tasks.every(isTaskFinished)).toBe(true);
            }
            if (request.state === 'CLOSED' && request.type === 'COMPLAINT') {
              expect(request.callbacks.at(-1)?.satisfaction).toBeGreaterThan(2);
            }
          }
          for (const state of reached) runsReaching.set(state, (runsReaching.get(state) ?? 0) + 1);
        },
      ),
      { numRuns: 120 },
    );
    expect([...runsReaching.keys()].sort()).toEqual([...REQUEST_STATES].sort());
  });
});
