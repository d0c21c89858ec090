import type { DataSource } from 'typeorm';
import {
  accountManager,
  addStaff,
  coordinator,
  leasedLine,
  openCoordinationTestDatabase,
  requestServices,
  seedAccount,
  staff,
  type RequestServices,
} from '../testing/requests-harness.js';
import { startRestHarness, type RestHarness } from '../testing/rest-harness.js';

let dataSource: DataSource;
let rest: RestHarness;
let services: RequestServices;
const TEAM = { roles: ['COORDINATOR' as const], subject: 'C9401' };
const NETWORK_STAFF = { roles: ['DEPARTMENT_STAFF' as const], subject: 'E9401' };
const IT_STAFF = { roles: ['DEPARTMENT_STAFF' as const], subject: 'E9402' };
const NETWORK_HEAD = { roles: ['DEPARTMENT_STAFF' as const], subject: 'E9410' };
const QUEUES = '/api/v1/coordination/queues';

/** One of each kind of request, due at the hours from now given. */
const scenario = {} as Record<'untriaged' | 'networkOpen' | 'networkAccepted' | 'legal', string>;

async function dueIn(id: string, hours: number): Promise<void> {
  await dataSource.query(
    `UPDATE coordination.request SET due_at = now() + make_interval(hours => $2) WHERE id = $1`,
    [id, hours],
  );
}

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('rest_queues');
  rest = await startRestHarness(dataSource);
  services = requestServices(dataSource);
  await addStaff(dataSource, 'NETWORK', 'E9401');
  await addStaff(dataSource, 'IT_SUPPORT', 'E9402');
  await dataSource.query(
    `UPDATE coordination.department SET head_id = 'E9410' WHERE id = 'NETWORK'`,
  );
  const team = coordinator('C9401');
  const mine = await seedAccount(dataSource, 'M9401');
  const theirs = await seedAccount(dataSource, 'M9402');
  const raise = (account: string, manager: string) =>
    services.submit(accountManager(manager), leasedLine(account));
  scenario.untriaged = await raise(mine, 'M9401');
  scenario.networkOpen = await raise(mine, 'M9401');
  await services.commands.triage(team, {
    id: scenario.networkOpen,
    leadDepartmentId: 'NETWORK',
    participatingDepartmentIds: ['IT_SUPPORT'],
  });
  scenario.networkAccepted = await raise(theirs, 'M9402');
  await services.commands.triage(team, {
    id: scenario.networkAccepted,
    leadDepartmentId: 'NETWORK',
    participatingDepartmentIds: [],
  });
  const accepted = await services.queries.byId(team, scenario.networkAccepted);
  await services.commands.acceptTask(staff('E9401'), {
    id: scenario.networkAccepted,
    taskId: accepted.tasks[0]?.id ?? '',
  });
  scenario.legal = await raise(theirs, 'M9402');
  await services.commands.triage(team, {
    id: scenario.legal,
    leadDepartmentId: 'LEGAL',
    participatingDepartmentIds: [],
  });
  await dueIn(scenario.untriaged, 1);
  await dueIn(scenario.networkOpen, 2);
  await dueIn(scenario.networkAccepted, 30);
  await dueIn(scenario.legal, -1);
});
afterAll(async () => {
  await rest.close();
  await dataSource.destroy();
});

interface Item {
  id?: string;
  task?: { departmentId: string; state: string };
  request?: { id: string };
}

const ours = new Set<string>();
beforeAll(() => Object.values(scenario).forEach((id) => ours.add(id)));

/** The scenario's items of a queue, in the queue's order, as `request:department` or `request`. */
async function queue(
  path: string,
  as: { roles: 'COORDINATOR'[] | 'DEPARTMENT_STAFF'[]; subject: string },
) {
  const answer = await rest.call('GET', `${QUEUES}/${path}`, as);
  expect(answer.status).toBe(200);
  const names = Object.fromEntries(Object.entries(scenario).map(([name, id]) => [id, name]));
  return (answer.body['items'] as Item[]).flatMap((item) => {
    const id = item.request?.id ?? item.id ?? '';
    if (!ours.has(id)) return [];
    return [item.task ? `${names[id]}:${item.task.departmentId}:${item.task.state}` : names[id]];
  });
}

describe('a department’s tasks', () => {
  it('gives staff their own departments’ pending tasks, soonest due first', async () => {
    expect(await queue('department-tasks', NETWORK_STAFF)).toEqual([
      'networkOpen:NETWORK:OPEN',
      'networkAccepted:NETWORK:ACCEPTED',
    ]);
    expect(await queue('department-tasks?state=OPEN', NETWORK_STAFF)).toEqual([
      'networkOpen:NETWORK:OPEN',
    ]);
    expect(await queue('department-tasks', IT_STAFF)).toEqual(['networkOpen:IT_SUPPORT:OPEN']);
    expect(await queue('department-tasks?departmentId=LEGAL', NETWORK_STAFF)).toEqual([]);
  });

  it('gives the coordination team any department’s queue, or all of them', async () => {
    expect(await queue('department-tasks?departmentId=NETWORK&first=100', TEAM)).toEqual([
      'networkOpen:NETWORK:OPEN',
      'networkAccepted:NETWORK:ACCEPTED',
    ]);
    const all = await queue('department-tasks?first=100', TEAM);
    // By due time: the legal request is overdue, then the two tasks of one request (in task order).
    expect(all[0]).toBe('legal:LEGAL:OPEN');
    expect(all.slice(1, 3).sort()).toEqual([
      'networkOpen:IT_SUPPORT:OPEN',
      'networkOpen:NETWORK:OPEN',
    ]);
    expect(all.slice(3)).toEqual(['networkAccepted:NETWORK:ACCEPTED']);
  });

  it('pages with the cursor of the page before', async () => {
    const first = await rest.call('GET', `${QUEUES}/department-tasks?first=1`, NETWORK_STAFF);
    const info = first.body['pageInfo'] as { hasNextPage: boolean; endCursor: string };
    expect(info.hasNextPage).toBe(true);
    const next = await rest.call(
      'GET',
      `${QUEUES}/department-tasks?first=1&after=${info.endCursor}`,
      NETWORK_STAFF,
    );
    const [a] = first.body['items'] as Item[];
    const [b] = next.body['items'] as Item[];
    expect([a?.request?.id, b?.request?.id]).toEqual([
      scenario.networkOpen,
      scenario.networkAccepted,
    ]);
    expect((next.body['pageInfo'] as { hasNextPage: boolean }).hasNextPage).toBe(false);
  });

  it('is not a manager’s queue', async () => {
    const answer = await rest.call('GET', `${QUEUES}/department-tasks`, {
      roles: ['ACCOUNT_MANAGER'],
      subject: 'M9401',
    });
    expect(answer.status).toBe(403);
    expect(answer.body['code']).toBe('FORBIDDEN');
  });
});

describe('requests breaching soon', () => {
  it('gives the team the requests due within the hours asked, not those already breached', async () => {
    expect(await queue('breaching?withinHours=4&first=100', TEAM)).toEqual([
      'untriaged',
      'networkOpen',
    ]);
    expect(await queue('breaching?withinHours=48&first=100', TEAM)).toEqual([
      'untriaged',
      'networkOpen',
      'networkAccepted',
    ]);
  });

  it('gives a department head the requests of the department they head', async () => {
    expect(await queue('breaching?withinHours=48&first=100', NETWORK_HEAD)).toEqual([
      'networkOpen',
      'networkAccepted',
    ]);
  });

  it('is refused to staff who head no department, and to a window out of bounds', async () => {
    const staffAnswer = await rest.call('GET', `${QUEUES}/breaching`, NETWORK_STAFF);
    expect(staffAnswer.status).toBe(403);
    expect(staffAnswer.body['code']).toBe('COORDINATION_QUEUE_HEADS_ONLY');
    for (const hours of ['0', '169', 'soon']) {
      const answer = await rest.call('GET', `${QUEUES}/breaching?withinHours=${hours}`, TEAM);
      expect(answer.status).toBe(400);
      expect(answer.body['field']).toBe('withinHours');
    }
  });
});

describe('requests nobody has taken', () => {
  it('gives the team those not triaged and those with a task no department accepted', async () => {
    expect(await queue('unassigned?first=100', TEAM)).toEqual([
      'legal',
      'untriaged',
      'networkOpen',
    ]);
  });

  it('is the team’s queue only', async () => {
    const answer = await rest.call('GET', `${QUEUES}/unassigned`, NETWORK_STAFF);
    expect(answer.status).toBe(403);
  });
});
