import { transition } from './request-transition.js';
import {
  accepted,
  aRequest,
  contextFor,
  coordinator,
  financeStaff,
  manager,
  networkStaff,
  refusalCode,
} from './request.fixture.js';

describe('a leased-line build from submission to closure', () => {
  it('is triaged to network and finance, worked by their staff, resolved, confirmed and closed', () => {
    const triage = accepted(
      transition(
        aRequest(),
        {
          kind: 'TRIAGE',
          leadDepartmentId: 'NETWORK',
          participatingDepartmentIds: ['FINANCE', 'NETWORK'],
        },
        contextFor(coordinator),
      ),
    );
    expect(triage.request).toMatchObject({
      state: 'TRIAGED',
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: ['FINANCE'],
    });
    expect(triage.events).toEqual(['RequestTriaged', 'TaskAssigned', 'TaskAssigned']);
    expect(triage.effects).toEqual([
      { kind: 'STOP_CLOCK', clock: 'RESPONSE' },
      { kind: 'START_CLOCK', clock: 'RESOLUTION' },
      ...triage.request.tasks.map((task) => ({ kind: 'CREATE_TASK', task })),
    ]);
    expect(triage.request.tasks.map((t) => [t.departmentId, t.role, t.state])).toEqual([
      ['NETWORK', 'LEAD', 'OPEN'],
      ['FINANCE', 'PARTICIPANT', 'OPEN'],
    ]);
    const [networkTask, financeTask] = triage.request.tasks.map((t) => t.id) as [string, string];

    let request = triage.request;
    const step = (actor: typeof coordinator, command: Parameters<typeof transition>[1]) => {
      const outcome = accepted(transition(request, command, contextFor(actor)));
      request = outcome.request;
      return outcome;
    };
    step(networkStaff, { kind: 'TASK', taskId: networkTask, action: { kind: 'ACCEPT' } });
    expect(request.state).toBe('IN_PROGRESS');
    step(networkStaff, {
      kind: 'TASK',
      taskId: networkTask,
      action: { kind: 'COMPLETE', note: '光缆已敷设，电路已开通' },
    });
    step(financeStaff, { kind: 'TASK', taskId: financeTask, action: { kind: 'ACCEPT' } });
    const last = step(financeStaff, {
      kind: 'TASK',
      taskId: financeTask,
      action: { kind: 'COMPLETE', note: '资费已审批' },
    });
    expect(last.effects).toEqual([{ kind: 'READY_TO_RESOLVE' }]);

    const resolved = step(networkStaff, { kind: 'RESOLVE' });
    expect(resolved.effects).toEqual([{ kind: 'STOP_CLOCK', clock: 'RESOLUTION' }]);
    expect(step(manager, { kind: 'CONFIRM' }).request.state).toBe('CONFIRMED');
    const closed = step(coordinator, { kind: 'CLOSE' });
    expect(closed.request.state).toBe('CLOSED');
    expect(closed.events).toEqual(['RequestClosed']);
  });

  it('pauses and resumes the running clock while waiting for the customer', () => {
    const triaged = accepted(
      transition(
        aRequest(),
        { kind: 'TRIAGE', leadDepartmentId: 'NETWORK', participatingDepartmentIds: [] },
        contextFor(coordinator),
      ),
    ).request;
    const waiting = accepted(
      transition(triaged, { kind: 'WAIT_FOR_CUSTOMER' }, contextFor(networkStaff)),
    );
    expect(waiting.effects).toEqual([{ kind: 'PAUSE_CLOCK', clock: 'RESOLUTION' }]);
    expect(
      refusalCode(
        transition(waiting.request, { kind: 'WAIT_FOR_CUSTOMER' }, contextFor(coordinator)),
      ),
    ).toBe('REQUEST_ALREADY_WAITING');
    const back = accepted(
      transition(waiting.request, { kind: 'CUSTOMER_RESPONDED' }, contextFor(coordinator)),
    );
    expect(back.effects).toEqual([{ kind: 'RESUME_CLOCK', clock: 'RESOLUTION' }]);
    const beforeTriage = accepted(
      transition(aRequest(), { kind: 'WAIT_FOR_CUSTOMER' }, contextFor(coordinator)),
    );
    expect(beforeTriage.effects).toEqual([{ kind: 'PAUSE_CLOCK', clock: 'RESPONSE' }]);
  });

  it('sends a declined task back to the coordination team, who assign another department', () => {
    const triaged = accepted(
      transition(
        aRequest(),
        { kind: 'TRIAGE', leadDepartmentId: 'NETWORK', participatingDepartmentIds: ['FINANCE'] },
        contextFor(coordinator),
      ),
    ).request;
    const financeTask = triaged.tasks[1].id;
    const declined = accepted(
      transition(
        triaged,
        {
          kind: 'TASK',
          taskId: financeTask,
          action: { kind: 'DECLINE', reason: '不涉及资费调整' },
        },
        contextFor(financeStaff),
      ),
    );
    expect(declined.events).toEqual(['TaskDeclined']);
    const reassigned = accepted(
      transition(
        declined.request,
        { kind: 'ASSIGN_DEPARTMENTS', departmentIds: ['PRODUCT'] },
        contextFor(coordinator),
      ),
    );
    expect(reassigned.request.participatingDepartmentIds).toEqual(['FINANCE', 'PRODUCT']);
    expect(reassigned.events).toEqual(['TaskAssigned']);
    expect(
      refusalCode(
        transition(
          reassigned.request,
          { kind: 'ASSIGN_DEPARTMENTS', departmentIds: ['NETWORK'] },
          contextFor(coordinator),
        ),
      ),
    ).toBe('REQUEST_DEPARTMENT_ALREADY_WORKING');
  });

  it('lets the requester cancel with a reason, withdrawing the open tasks and stopping the clock', () => {
    const triaged = accepted(
      transition(
        aRequest(),
        { kind: 'TRIAGE', leadDepartmentId: 'NETWORK', participatingDepartmentIds: [] },
        contextFor(coordinator),
      ),
    ).request;
    expect(
      refusalCode(transition(triaged, { kind: 'CANCEL', reason: 'no' }, contextFor(manager))),
    ).toBe('REQUEST_REASON_REQUIRED');
    const cancelled = accepted(
      transition(triaged, { kind: 'CANCEL', reason: '客户取消需求' }, contextFor(manager)),
    );
    expect(cancelled.request).toMatchObject({ state: 'CANCELLED', endReason: '客户取消需求' });
    expect(cancelled.request.tasks.map((t) => t.state)).toEqual(['DECLINED']);
    expect(cancelled.effects).toEqual([{ kind: 'STOP_CLOCK', clock: 'RESOLUTION' }]);
  });
});
