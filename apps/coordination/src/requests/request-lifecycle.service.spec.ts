import type { DataSource } from 'typeorm';
import type { DomainError } from '@gap/errors';
import {
  accountManager,
  addStaff,
  auditOf,
  coordinator,
  eventsAbout,
  leasedLine,
  openCoordinationTestDatabase,
  requestServices,
  seedAccount,
  staff,
  type RequestServices,
} from '../testing/requests-harness.js';

let dataSource: DataSource;
let services: RequestServices;
const TEAM = coordinator('E1001');
const NETWORK = staff('E3001');
const IT = staff('E4001');

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('requests_lifecycle');
  services = requestServices(dataSource);
  await addStaff(dataSource, 'NETWORK', 'E3001');
  await addStaff(dataSource, 'IT_SUPPORT', 'E4001');
});
afterAll(() => dataSource.destroy());

async function rejection(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the call to be refused');
}

const taskOf = async (id: string, department: string) => {
  const request = await services.queries.byId(TEAM, id);
  const task = request.tasks.find((t) => t.departmentId === department && t.state !== 'DECLINED');
  if (!task) throw new Error(`no task for ${department}`);
  return task.id;
};

async function triagedAndWorked(id: string) {
  await services.commands.triage(TEAM, {
    id,
    leadDepartmentId: 'NETWORK',
    participatingDepartmentIds: ['IT_SUPPORT'],
  });
  for (const [who, department] of [
    [NETWORK, 'NETWORK'],
    [IT, 'IT_SUPPORT'],
  ] as const) {
    const taskId = await taskOf(id, department);
    await services.commands.acceptTask(who, { id, taskId });
    await services.commands.completeTask(who, { id, taskId, note: `${department} 已完成` });
  }
}

describe('a request through its life', () => {
  it('answers each change with the request as a fresh read shows it', async () => {
    const accountId = await seedAccount(dataSource, 'M2002', { tier: 'B' });
    const id = await services.submit(accountManager('M2002'), leasedLine(accountId));
    const triaged = await services.commands.triage(TEAM, {
      id,
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: ['IT_SUPPORT'],
    });
    const taskId = await taskOf(id, 'NETWORK');
    const accepted = await services.commands.acceptTask(NETWORK, { id, taskId });
    const read = await services.queries.byId(TEAM, id);
    // The clocks' figures run on between the answer and the read; the rest is the same.
    const still = (clock: typeof read.responseClock) =>
      clock && { ...clock, usedMinutes: 0, timeLeftMinutes: 0, pausedMinutes: 0 };
    const fixed = ({ responseClock, resolutionClock, ...rest }: typeof read) => ({
      ...rest,
      responseClock: still(responseClock),
      resolutionClock: still(resolutionClock),
    });
    expect(fixed(accepted)).toEqual(fixed(read));
    expect(accepted.version).toBe(triaged.version + 1);
    expect(accepted.tasks.find((t) => t.id === taskId)?.state).toBe('ACCEPTED');
  });

  it('takes a leased-line build from submission to closure, audited and announced at each step', async () => {
    const accountId = await seedAccount(dataSource, 'M2001', { tier: 'A' });
    const id = await services.submit(accountManager('M2001'), leasedLine(accountId));
    const submitted = await services.queries.byId(TEAM, id);
    expect(submitted.reference).toMatch(/^CR-\d{4}-\d{6}$/);
    expect(submitted.accountTier).toBe('A');
    expect(submitted.responseClock).toMatchObject({ run: 'RUNNING', targetMinutes: 60 });

    await triagedAndWorked(id);
    const triaged = await services.queries.byId(TEAM, id);
    expect(triaged.state).toBe('IN_PROGRESS');
    expect(triaged.responseClock?.run).toBe('STOPPED');
    expect(triaged.resolutionClock).toMatchObject({
      run: 'RUNNING',
      targetMinutes: Math.ceil(5400 * 0.75),
    });
    expect(triaged.tasks.map((t) => [t.departmentId, t.role, t.state])).toEqual([
      ['NETWORK', 'LEAD', 'DONE'],
      ['IT_SUPPORT', 'PARTICIPANT', 'DONE'],
    ]);

    await services.commands.resolve(NETWORK, { id });
    await services.commands.confirm(accountManager('M2001'), { id });
    await services.commands.close(TEAM, { id });

    const closed = await services.queries.byId(TEAM, id);
    expect(closed.state).toBe('CLOSED');
    expect(closed.resolutionClock?.run).toBe('STOPPED');
    expect(closed.version).toBe(9);
    const audit = await auditOf(dataSource, id);
    expect(audit.map((a) => a.action)).toEqual([
      'SUBMIT',
      'TRIAGE',
      'TASK',
      'TASK',
      'TASK',
      'TASK',
      'RESOLVE',
      'CONFIRM',
      'CLOSE',
    ]);
    expect(audit[1]).toMatchObject({
      actor: 'E1001',
      before: { request: { state: 'SUBMITTED' } },
      after: { request: { state: 'TRIAGED' } },
    });
    const events = await eventsAbout(dataSource, accountId);
    expect(
      events.map((e) =>
        e.type === 'RequestStateChanged'
          ? `${String(e.payload['from'])}>${String(e.payload['to'])}`
          : e.type,
      ),
    ).toEqual([
      'RequestSubmitted',
      'SUBMITTED>TRIAGED',
      'RequestTriaged',
      'TaskAssigned',
      'TaskAssigned',
      'TRIAGED>IN_PROGRESS',
      'TaskCompleted',
      'TaskCompleted',
      'IN_PROGRESS>RESOLVED',
      'RequestResolved',
      'RESOLVED>CONFIRMED',
      'CONFIRMED>CLOSED',
      'RequestClosed',
    ]);
    const payload = (type: string) => events.filter((e) => e.type === type).map((e) => e.payload);
    expect(payload('RequestSubmitted')).toEqual([
      expect.objectContaining({ reference: submitted.reference, title: submitted.title }),
    ]);
    expect(payload('TaskAssigned').map((p) => p['departmentId'])).toEqual([
      'NETWORK',
      'IT_SUPPORT',
    ]);
    expect(payload('TaskCompleted').map((p) => [p['by'], p['readyToResolve']])).toEqual([
      ['E3001', false],
      ['E4001', true],
    ]);
    expect(payload('RequestClosed')).toEqual([
      {
        requestId: id,
        groupAccountId: accountId,
        type: 'LEASED_LINE_BUILD',
        priority: 'P2',
        raisedByKind: 'MANAGER',
        raisedBy: 'M2001',
        reopenCount: 0,
        by: 'E1001',
      },
    ]);
    expect(services.planner.replanned.filter((r) => r === id)).toHaveLength(9);
    expect((await services.queries.audit(TEAM, id)).length).toBe(9);
  });

  it('keeps a complaint open until a callback, and reopens it when the customer is dissatisfied', async () => {
    const accountId = await seedAccount(dataSource, 'M2002');
    const complaint = leasedLine(accountId, {
      type: 'COMPLAINT',
      priority: 'P2',
      complaintCategory: 'NETWORK_QUALITY',
    });
    const id = await services.submit(accountManager('M2002'), complaint);
    expect((await services.queries.byId(TEAM, id)).accountTier).toBe('C');
    await triagedAndWorked(id);
    await services.commands.resolve(TEAM, { id });

    const closing = await rejection(services.commands.close(TEAM, { id }));
    expect(closing.code).toBe('COMPLAINT_CALLBACK_REQUIRED');
    const confirming = await rejection(services.commands.confirm(TEAM, { id }));
    expect(confirming.code).toBe('COMPLAINT_CONFIRMED_BY_CALLBACK');

    const callback = {
      callerId: 'E1001',
      calledAt: new Date(),
      satisfaction: 2,
      confirmsResolution: false,
    };
    await services.commands.recordCallback(TEAM, { id, callback });
    const reopened = await services.queries.byId(TEAM, id);
    expect(reopened).toMatchObject({ state: 'IN_PROGRESS', reopenCount: 1 });
    expect(reopened.resolutionClock?.run).toBe('RUNNING');
    expect(reopened.tasks.filter((t) => t.state === 'OPEN').map((t) => t.departmentId)).toEqual([
      'NETWORK',
    ]);
    const events = await eventsAbout(dataSource, accountId);
    expect(events.find((e) => e.type === 'ComplaintCallbackRecorded')?.payload).toMatchObject({
      satisfaction: 2,
      reopened: true,
    });
    expect(events.filter((e) => e.type === 'RequestStateChanged').at(-1)?.payload).toMatchObject({
      from: 'RESOLVED',
      to: 'IN_PROGRESS',
      command: 'RECORD_CALLBACK',
    });
    expect(events.find((e) => e.type === 'RequestReopened')?.payload).toMatchObject({
      reason: null,
      reopenCount: 1,
      by: 'E1001',
    });

    const again = reopened.tasks.find((t) => t.state === 'OPEN')?.id ?? '';
    await services.commands.acceptTask(NETWORK, { id, taskId: again });
    await services.commands.completeTask(NETWORK, { id, taskId: again, note: '更换光模块后恢复' });
    await services.commands.resolve(TEAM, { id });
    const satisfied = {
      ...callback,
      calledAt: new Date(),
      satisfaction: 4,
      confirmsResolution: true,
    };
    await services.commands.recordCallback(TEAM, { id, callback: satisfied });
    await services.commands.close(TEAM, { id });
    const all = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(all.filter((t) => t.startsWith('Complaint'))).toEqual([
      'ComplaintReceived',
      'ComplaintCallbackRecorded',
      'ComplaintCallbackRecorded',
      'ComplaintClosed',
    ]);
    const closed = (await eventsAbout(dataSource, accountId)).find(
      (e) => e.type === 'ComplaintClosed',
    );
    expect(closed?.payload).toEqual({
      requestId: id,
      groupAccountId: accountId,
      category: 'NETWORK_QUALITY',
      satisfaction: 4,
      confirmsResolution: true,
      callbacks: 2,
      reopenCount: 1,
      by: 'E1001',
    });
  });

  it('writes nothing when the domain refuses a transition, and says why in the caller’s terms', async () => {
    const accountId = await seedAccount(dataSource, 'M2003');
    const id = await services.submit(accountManager('M2003'), leasedLine(accountId));
    const before = await services.queries.byId(TEAM, id);
    const resolving = await rejection(services.commands.resolve(TEAM, { id }));
    expect(resolving).toMatchObject({ code: 'REQUEST_WRONG_STATE', kind: 'CONFLICT' });
    expect(resolving.messageIn('zh-CN')).toContain('SUBMITTED');
    const unknown = await rejection(
      services.commands.triage(TEAM, {
        id,
        leadDepartmentId: 'NOPE',
        participatingDepartmentIds: [],
      }),
    );
    expect(unknown.code).toBe('REQUEST_UNKNOWN_DEPARTMENT');
    const byStaff = await rejection(
      services.commands.triage(NETWORK, {
        id,
        leadDepartmentId: 'NETWORK',
        participatingDepartmentIds: [],
      }),
    );
    expect(byStaff.kind).toBe('FORBIDDEN');
    const after = await services.queries.byId(TEAM, id);
    expect(after.version).toBe(before.version);
    expect(await auditOf(dataSource, id)).toHaveLength(1);
    expect(await eventsAbout(dataSource, accountId)).toHaveLength(1);
  });

  it('lets the coordination team raise a request for any account, and nobody else outside the portfolio', async () => {
    const accountId = await seedAccount(dataSource, 'M2006');
    const id = await services.submit(TEAM, leasedLine(accountId));
    expect((await services.queries.byId(TEAM, id)).state).toBe('SUBMITTED');
    const outsider = await rejection(services.submit(NETWORK, leasedLine(accountId)));
    expect(outsider.kind).not.toBe('INTERNAL');
  });

  it('refuses a change made over a stale version, naming the version', async () => {
    const accountId = await seedAccount(dataSource, 'M2004');
    const id = await services.submit(accountManager('M2004'), leasedLine(accountId));
    await services.commands.triage(TEAM, {
      id,
      version: 1,
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: [],
    });
    const stale = await rejection(
      services.commands.cancel(TEAM, { id, version: 1, reason: '客户撤回了需求' }),
    );
    expect(stale).toMatchObject({
      code: 'COORDINATION_REQUEST_VERSION_CONFLICT',
      kind: 'STALE_VERSION',
      field: 'version',
    });
    expect((await services.queries.byId(TEAM, id)).state).toBe('TRIAGED');
  });

  it.each([
    ['title', { title: '\u200B\u200B' }, 'INVISIBLE_ONLY'],
    ['title', { title: 'abc\u202Etxt.exe' }, 'BIDI_CONTROL'],
    ['description', { description: 'broken \uD800 text' }, 'LONE_SURROGATE'],
    ['title', { title: '专'.repeat(201) }, 'TOO_LONG'],
    ['groupAccountId', { groupAccountId: 'not-a-uuid' }, 'NOT_A_UUID'],
  ])('refuses hostile or malformed %s (%s)', async (field, override, reason) => {
    const accountId = await seedAccount(dataSource, 'M2005');
    const error = await rejection(
      services.submit(accountManager('M2005'), leasedLine(accountId, override)),
    );
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.violations).toContainEqual(
      expect.objectContaining({ field: `input.${field}`, reason }),
    );
  });
});
