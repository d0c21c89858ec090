import type { Callback } from '../model/coordination-terms.js';
import type { RequestCommand } from './request-commands.js';
import {
  requestEvents,
  slaStepEvent,
  submissionEvents,
  type RequestEvent,
  type RequestEventFacts,
} from './request-events.js';
import type { Actor, CoordinationRequest } from './request-model.js';
import { transition } from './request-transition.js';
import {
  accepted,
  aRequest,
  contextFor,
  coordinator,
  financeStaff,
  manager,
  networkStaff,
} from './request.fixture.js';

const facts = (by: string, overrides: Partial<RequestEventFacts> = {}): RequestEventFacts => ({
  by,
  reference: 'CR-2026-000042',
  title: '福州软件园专线扩容',
  complaintCategory: null,
  ...overrides,
});

let taskSeq = 0;

/** Applies the command and derives its events, as the service does in one transaction. */
function step(
  request: CoordinationRequest,
  command: RequestCommand,
  actor: Actor,
  f = facts(actor.id),
) {
  const context = { ...contextFor(actor), newTaskId: (d: string) => `T${++taskSeq}-${d}` };
  const outcome = accepted(transition(request, command, context));
  return {
    after: outcome.request,
    outcome,
    events: requestEvents(request, outcome.request, command, f),
  };
}

const types = (events: readonly RequestEvent[]) => events.map((e) => e.type);
const payloadOf = (events: readonly RequestEvent[], type: RequestEvent['type']) =>
  events.find((e) => e.type === type)?.payload as Record<string, unknown> | undefined;

const triage: RequestCommand = {
  kind: 'TRIAGE',
  leadDepartmentId: 'NETWORK',
  participatingDepartmentIds: ['FINANCE'],
};

function workedRequest(type: CoordinationRequest['type'] = 'LEASED_LINE_BUILD') {
  let request = step(aRequest({ type }), triage, coordinator).after;
  for (const [actor, department] of [
    [networkStaff, 'NETWORK'],
    [financeStaff, 'FINANCE'],
  ] as const) {
    const taskId = request.tasks.find((t) => t.departmentId === department)?.id ?? '';
    request = step(request, { kind: 'TASK', taskId, action: { kind: 'ACCEPT' } }, actor).after;
    request = step(
      request,
      { kind: 'TASK', taskId, action: { kind: 'COMPLETE', note: '勘察完成' } },
      actor,
    ).after;
  }
  return step(request, { kind: 'RESOLVE' }, networkStaff).after;
}

describe('the events a request announces, derived from before, after and the command', () => {
  it('announces a submission, and a complaint besides', () => {
    const build = aRequest();
    expect(types(submissionEvents(build, facts('M2001')))).toEqual(['RequestSubmitted']);
    const complaint = aRequest({ type: 'COMPLAINT', priority: 'P1' });
    const events = submissionEvents(complaint, facts('M2001', { complaintCategory: 'BILLING' }));
    expect(types(events)).toEqual(['RequestSubmitted', 'ComplaintReceived']);
    expect(payloadOf(events, 'RequestSubmitted')).toMatchObject({
      reference: 'CR-2026-000042',
      title: '福州软件园专线扩容',
      raisedByKind: 'MANAGER',
      raisedBy: manager.id,
    });
    expect(payloadOf(events, 'ComplaintReceived')).toEqual({
      requestId: 'R1',
      groupAccountId: 'A1',
      category: 'BILLING',
      priority: 'P1',
      raisedByKind: 'MANAGER',
      raisedBy: manager.id,
    });
  });

  it('announces a triage with the state change and a task per department', () => {
    const { events, after } = step(aRequest(), triage, coordinator);
    expect(types(events)).toEqual([
      'RequestStateChanged',
      'RequestTriaged',
      'TaskAssigned',
      'TaskAssigned',
    ]);
    expect(payloadOf(events, 'RequestStateChanged')).toMatchObject({
      from: 'SUBMITTED',
      to: 'TRIAGED',
      command: 'TRIAGE',
      by: 'E1001',
    });
    expect(payloadOf(events, 'RequestTriaged')).toMatchObject({
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: ['FINANCE'],
    });
    expect(events.filter((e) => e.type === 'TaskAssigned').map((e) => e.payload)).toEqual(
      after.tasks.map((t) => ({
        requestId: 'R1',
        groupAccountId: 'A1',
        taskId: t.id,
        departmentId: t.departmentId,
        role: t.role,
        by: 'E1001',
      })),
    );
  });

  it('says when the last task completed makes the request ready to resolve', () => {
    let request = step(aRequest(), triage, coordinator).after;
    const network = request.tasks[0]?.id ?? '';
    const finance = request.tasks[1]?.id ?? '';
    request = step(
      request,
      { kind: 'TASK', taskId: network, action: { kind: 'ACCEPT' } },
      networkStaff,
    ).after;
    const first = step(
      request,
      { kind: 'TASK', taskId: network, action: { kind: 'COMPLETE', note: '线路已开通' } },
      networkStaff,
    );
    expect(types(first.events)).toEqual(['TaskCompleted']);
    expect(payloadOf(first.events, 'TaskCompleted')).toMatchObject({
      departmentId: 'NETWORK',
      readyToResolve: false,
      by: 'E3001',
    });
    const declined = step(
      first.after,
      { kind: 'TASK', taskId: finance, action: { kind: 'DECLINE', reason: '无需资费调整' } },
      financeStaff,
    );
    expect(types(declined.events)).toEqual([]);
  });

  it('announces resolution and closure, with the closing callback of a complaint', () => {
    const resolved = workedRequest('COMPLAINT');
    const callback: Callback = {
      callerId: 'E1001',
      calledAt: new Date('2026-12-02T02:00:00Z'),
      satisfaction: 4,
      confirmsResolution: true,
    };
    const called = step(resolved, { kind: 'RECORD_CALLBACK', callback }, coordinator);
    expect(types(called.events)).toEqual(['RequestStateChanged', 'ComplaintCallbackRecorded']);
    expect(payloadOf(called.events, 'ComplaintCallbackRecorded')).toMatchObject({
      satisfaction: 4,
      reopened: false,
    });
    const closed = step(
      called.after,
      { kind: 'CLOSE' },
      coordinator,
      facts('E1001', { complaintCategory: 'NETWORK_QUALITY' }),
    );
    expect(types(closed.events)).toEqual([
      'RequestStateChanged',
      'RequestClosed',
      'ComplaintClosed',
    ]);
    expect(payloadOf(closed.events, 'ComplaintClosed')).toEqual({
      requestId: 'R1',
      groupAccountId: 'A1',
      category: 'NETWORK_QUALITY',
      satisfaction: 4,
      confirmsResolution: true,
      callbacks: 1,
      reopenCount: 0,
      by: 'E1001',
    });
  });

  it('announces a dissatisfied callback as a reopening with a new lead task', () => {
    const resolved = workedRequest('COMPLAINT');
    const callback: Callback = {
      callerId: 'E1001',
      calledAt: new Date('2026-12-02T02:00:00Z'),
      satisfaction: 2,
      confirmsResolution: false,
    };
    const { events, outcome } = step(resolved, { kind: 'RECORD_CALLBACK', callback }, coordinator);
    expect(types(events)).toEqual([
      'RequestStateChanged',
      'ComplaintCallbackRecorded',
      'RequestReopened',
      'TaskAssigned',
    ]);
    expect(payloadOf(events, 'ComplaintCallbackRecorded')?.reopened).toBe(true);
    expect(payloadOf(events, 'RequestReopened')).toMatchObject({
      reason: null,
      reopenCount: 1,
      reference: 'CR-2026-000042',
      title: '福州软件园专线扩容',
    });
    // The named steps are the ones the transition itself reports.
    expect(types(events).filter((t) => t !== 'RequestStateChanged')).toEqual(outcome.events);
  });

  it('announces a reopening asked for, with its reason', () => {
    const resolved = workedRequest();
    const { events } = step(
      resolved,
      { kind: 'REOPEN', reason: '客户反馈线路仍不通' },
      coordinator,
    );
    expect(types(events)).toEqual(['RequestStateChanged', 'RequestReopened', 'TaskAssigned']);
    expect(payloadOf(events, 'RequestReopened')?.reason).toBe('客户反馈线路仍不通');
  });

  it.each([
    ['REJECT', 'RequestRejected'],
    ['CANCEL', 'RequestCancelled'],
  ] as const)('announces %s with its reason', (kind, type) => {
    const { events } = step(aRequest(), { kind, reason: ' 重复提交的请求 ' }, coordinator);
    expect(types(events)).toEqual(['RequestStateChanged', type]);
    expect(events[1]?.payload).toMatchObject({ reason: '重复提交的请求', by: 'E1001' });
  });

  it('announces nothing for a change that moves no step (waiting for the customer)', () => {
    const triaged = step(aRequest(), triage, coordinator).after;
    expect(step(triaged, { kind: 'WAIT_FOR_CUSTOMER' }, coordinator).events).toEqual([]);
  });
});

describe('the event a fired escalation step is announced by', () => {
  it('warns, then announces the breach to the department head, then escalates', () => {
    expect(slaStepEvent('WARNING')).toEqual({ type: 'SlaWarning', level: null });
    expect(slaStepEvent('DEPARTMENT_HEAD')).toEqual({
      type: 'SlaBreached',
      level: 'DEPARTMENT_HEAD',
    });
    expect(slaStepEvent('COORDINATION_LEAD').type).toBe('Escalated');
    expect(slaStepEvent('SENIOR_MANAGEMENT')).toEqual({
      type: 'Escalated',
      level: 'SENIOR_MANAGEMENT',
    });
  });
});
