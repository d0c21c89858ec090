import { departmentsNamed, type RequestCommand } from './request-commands.js';
import { transition } from './request-transition.js';
import {
  accepted,
  aRequest,
  contextFor,
  coordinator,
  financeStaff,
  legalStaff,
  manager,
  networkStaff,
  refusalCode,
} from './request.fixture.js';

const triage: RequestCommand = {
  kind: 'TRIAGE',
  leadDepartmentId: 'NETWORK',
  participatingDepartmentIds: ['FINANCE'],
};
const triaged = () => accepted(transition(aRequest(), triage, contextFor(coordinator))).request;

describe('refused request transitions', () => {
  it('lets only the coordination team triage, and only once', () => {
    expect(refusalCode(transition(aRequest(), triage, contextFor(networkStaff)))).toBe(
      'REQUEST_COORDINATOR_ONLY',
    );
    expect(refusalCode(transition(triaged(), triage, contextFor(coordinator)))).toBe(
      'REQUEST_ALREADY_TRIAGED',
    );
  });

  it('refuses an unknown department and names it', () => {
    const outcome = transition(
      aRequest(),
      { ...triage, participatingDepartmentIds: ['MARKETING'] },
      contextFor(coordinator),
    );
    expect(outcome).toMatchObject({
      ok: false,
      refusal: { code: 'REQUEST_UNKNOWN_DEPARTMENT', figures: { departmentId: 'MARKETING' } },
    });
  });

  it('needs the known departments only for a command that names departments', () => {
    expect(departmentsNamed(triage)).toEqual(['NETWORK', 'FINANCE']);
    expect(departmentsNamed({ kind: 'ASSIGN_DEPARTMENTS', departmentIds: ['LEGAL'] })).toEqual([
      'LEGAL',
    ]);
    const request = triaged();
    const networkTask = request.tasks.find((t) => t.departmentId === 'NETWORK')!.id;
    const accept = { kind: 'TASK', taskId: networkTask, action: { kind: 'ACCEPT' } } as const;
    expect(departmentsNamed(accept)).toEqual([]);
    const unread = { ...contextFor(networkStaff), knownDepartmentIds: new Set<string>() };
    expect(transition(request, accept, unread).ok).toBe(true);
  });

  it("refuses staff acting on another department's task", () => {
    const request = triaged();
    const financeTask = request.tasks.find((t) => t.departmentId === 'FINANCE')!.id;
    const accept = { kind: 'TASK', taskId: financeTask, action: { kind: 'ACCEPT' } } as const;
    expect(refusalCode(transition(request, accept, contextFor(networkStaff)))).toBe(
      'TASK_NOT_OF_YOUR_DEPARTMENT',
    );
    expect(refusalCode(transition(request, accept, contextFor(coordinator)))).toBe(
      'TASK_NOT_OF_YOUR_DEPARTMENT',
    );
    expect(refusalCode(transition(request, accept, contextFor(financeStaff)))).toBeNull();
  });

  it('refuses to complete a task not accepted, or without a note', () => {
    const request = triaged();
    const id = request.tasks[0].id;
    const complete = (note: string) =>
      ({ kind: 'TASK', taskId: id, action: { kind: 'COMPLETE', note } }) as const;
    expect(refusalCode(transition(request, complete('done'), contextFor(networkStaff)))).toBe(
      'TASK_NOT_ACCEPTED',
    );
    const working = accepted(
      transition(
        request,
        { kind: 'TASK', taskId: id, action: { kind: 'ACCEPT' } },
        contextFor(networkStaff),
      ),
    ).request;
    expect(refusalCode(transition(working, complete('  '), contextFor(networkStaff)))).toBe(
      'TASK_NOTE_REQUIRED',
    );
    expect(
      refusalCode(
        transition(
          working,
          { kind: 'TASK', taskId: 'T404', action: { kind: 'ACCEPT' } },
          contextFor(networkStaff),
        ),
      ),
    ).toBe('REQUEST_TASK_NOT_FOUND');
  });

  it('refuses to resolve while tasks are open', () => {
    expect(transition(triaged(), { kind: 'RESOLVE' }, contextFor(coordinator))).toMatchObject({
      ok: false,
      refusal: { code: 'REQUEST_TASKS_OPEN', figures: { openTasks: 2 } },
    });
  });

  it('refuses to resolve when every department declined', () => {
    let request = triaged();
    for (const [task, actor] of [
      [request.tasks[0], networkStaff],
      [request.tasks[1], financeStaff],
    ] as const) {
      request = accepted(
        transition(
          request,
          { kind: 'TASK', taskId: task.id, action: { kind: 'DECLINE', reason: '不属于本部门' } },
          contextFor(actor),
        ),
      ).request;
    }
    expect(refusalCode(transition(request, { kind: 'RESOLVE' }, contextFor(coordinator)))).toBe(
      'REQUEST_NO_TASK_DONE',
    );
  });

  it('lets only the lead department or the coordination team resolve or pause', () => {
    expect(refusalCode(transition(triaged(), { kind: 'RESOLVE' }, contextFor(financeStaff)))).toBe(
      'REQUEST_LEAD_OR_COORDINATOR_ONLY',
    );
    expect(
      refusalCode(transition(triaged(), { kind: 'WAIT_FOR_CUSTOMER' }, contextFor(legalStaff))),
    ).toBe('REQUEST_LEAD_OR_COORDINATOR_ONLY');
  });

  it('refuses a stranger cancelling, and closing what is not confirmed', () => {
    expect(
      refusalCode(
        transition(aRequest(), { kind: 'CANCEL', reason: '不需要了' }, contextFor(networkStaff)),
      ),
    ).toBe('REQUEST_REQUESTER_OR_COORDINATOR_ONLY');
    expect(refusalCode(transition(triaged(), { kind: 'CLOSE' }, contextFor(coordinator)))).toBe(
      'REQUEST_WRONG_STATE',
    );
    expect(refusalCode(transition(aRequest(), { kind: 'CONFIRM' }, contextFor(manager)))).toBe(
      'REQUEST_WRONG_STATE',
    );
  });

  it('refuses to reopen after the policy window', () => {
    const closedAt = new Date('2026-10-01T02:00:00Z');
    const closed = aRequest({
      state: 'CLOSED',
      leadDepartmentId: 'NETWORK',
      resolvedAt: closedAt,
      closedAt,
    });
    const reopen = { kind: 'REOPEN', reason: '线路再次中断' } as const;
    expect(
      refusalCode(
        transition(closed, reopen, contextFor(manager, new Date('2026-10-31T02:00:00Z'))),
      ),
    ).toBeNull();
    expect(
      transition(closed, reopen, contextFor(manager, new Date('2026-10-31T02:00:01Z'))),
    ).toMatchObject({
      ok: false,
      refusal: {
        code: 'REQUEST_REOPEN_WINDOW_PASSED',
        figures: { windowEnds: '2026-10-31T02:00:00.000Z' },
      },
    });
  });

  it('reopens within the window with a new task for the lead department and the clock running again', () => {
    const resolvedAt = new Date('2026-12-01T02:00:00Z');
    const resolved = aRequest({ state: 'RESOLVED', leadDepartmentId: 'NETWORK', resolvedAt });
    const outcome = accepted(
      transition(resolved, { kind: 'REOPEN', reason: '线路再次中断' }, contextFor(manager)),
    );
    expect(outcome.request).toMatchObject({ state: 'IN_PROGRESS', reopenCount: 1 });
    expect(outcome.events).toEqual(['RequestReopened', 'TaskAssigned']);
    expect(outcome.effects[0]).toEqual({ kind: 'RESTART_CLOCK', clock: 'RESOLUTION' });
  });
});
