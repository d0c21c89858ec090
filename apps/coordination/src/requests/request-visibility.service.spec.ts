import type { DataSource } from 'typeorm';
import {
  accountEventsConsumer,
  accountManager,
  addStaff,
  ADMIN,
  coordinator,
  envelope,
  leasedLine,
  openCoordinationTestDatabase,
  partner,
  requestServices,
  seedAccount,
  staff,
  supervisor,
  type RequestServices,
} from '../testing/requests-harness.js';

let dataSource: DataSource;
let services: RequestServices;
const TEAM = coordinator('E1001');

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('requests_visibility');
  services = requestServices(dataSource);
  await addStaff(dataSource, 'NETWORK', 'E3101');
  await addStaff(dataSource, 'IT_SUPPORT', 'E4101');
  await addStaff(dataSource, 'LEGAL', 'E5101');
});
afterAll(() => dataSource.destroy());

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'NONE';
}

describe('who sees a request', () => {
  it('shows each role what the one rule gives it, and nothing else exists for the others', async () => {
    const mine = await seedAccount(dataSource, 'M3001', { supervisorId: 'S3001' });
    const theirs = await seedAccount(dataSource, 'M3002');
    const id = await services.submit(accountManager('M3001'), leasedLine(mine));
    const other = await services.submit(accountManager('M3002'), leasedLine(theirs));
    await services.commands.triage(TEAM, {
      id,
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: ['IT_SUPPORT'],
    });

    const seen = async (caller: Parameters<RequestServices['queries']['byId']>[0]) => {
      const page = await services.queries.list(caller, {}, { first: 100 });
      return page.edges
        .map((e) => e.node.id)
        .filter((x) => x === id || x === other)
        .sort();
    };
    expect(await seen(accountManager('M3001'))).toEqual([id]);
    expect(await seen(supervisor('S3001'))).toEqual([id]);
    expect(await seen(staff('E3101'))).toEqual([id]);
    expect(await seen(staff('E4101'))).toEqual([id]);
    expect(await seen(staff('E5101'))).toEqual([]);
    expect(await seen(TEAM)).toEqual([id, other].sort());
    expect(await seen(ADMIN)).toEqual([id, other].sort());

    expect(await codeOf(services.queries.byId(accountManager('M3002'), id))).toBe(
      'COORDINATION_REQUEST_NOT_FOUND',
    );
    expect(await codeOf(services.queries.byId(staff('E5101'), id))).toBe(
      'COORDINATION_REQUEST_NOT_FOUND',
    );
    expect(await codeOf(services.queries.audit(accountManager('M3002'), id))).toBe(
      'COORDINATION_REQUEST_NOT_FOUND',
    );
    expect(
      await codeOf(
        services.commands.cancel(accountManager('M3002'), { id, reason: '不再需要该专线' }),
      ),
    ).toBe('COORDINATION_REQUEST_NOT_FOUND');
    expect(await codeOf(services.queries.byId(partner, id))).toBe('FORBIDDEN');
    expect(await codeOf(services.submit(accountManager('M3001'), leasedLine(theirs)))).toBe(
      'GROUP_ACCOUNT_NOT_FOUND',
    );
    expect((await services.queries.openOf(accountManager('M3001'), mine)).map((r) => r.id)).toEqual(
      [id],
    );
  });

  it('filters by state, department and breach state, a page at a time', async () => {
    const account = await seedAccount(dataSource, 'M3003');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await services.submit(accountManager('M3003'), leasedLine(account)));
    await services.commands.triage(TEAM, {
      id: ids[0] ?? '',
      leadDepartmentId: 'LEGAL',
      participatingDepartmentIds: [],
    });
    const first = await services.queries.list(
      TEAM,
      { accountId: account, states: ['SUBMITTED'] },
      { first: 1 },
    );
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await services.queries.list(
      TEAM,
      { accountId: account, states: ['SUBMITTED'] },
      { first: 1, after: first.pageInfo.endCursor },
    );
    const pages = [...first.edges, ...second.edges].map((e) => e.node.id).sort();
    expect(pages).toEqual([ids[1], ids[2]].sort());
    expect(second.pageInfo.hasNextPage).toBe(false);
    const legal = await services.queries.list(
      TEAM,
      { departmentId: 'LEGAL', accountId: account },
      { first: 10 },
    );
    expect(legal.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    const breached = await services.queries.list(
      TEAM,
      { accountId: account, breachState: 'BREACHED' },
      { first: 10 },
    );
    const all = await services.queries.list(TEAM, { accountId: account }, { first: 10 });
    expect(breached.edges.map((e) => e.node.id)).toEqual(
      all.edges.filter((e) => e.node.breachState === 'BREACHED').map((e) => e.node.id),
    );
  });
});

describe('the audit trail', () => {
  it('is append-only: the database refuses to change or delete a row', async () => {
    const account = await seedAccount(dataSource, 'M3004');
    const id = await services.submit(accountManager('M3004'), leasedLine(account));
    await expect(
      dataSource.query(`UPDATE coordination.request_audit SET actor = 'X' WHERE request_id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      dataSource.query('DELETE FROM coordination.request_audit WHERE request_id = $1', [id]),
    ).rejects.toThrow(/append-only/);
    const [row] = await dataSource.query<{ actor: string }[]>(
      'SELECT actor FROM coordination.request_audit WHERE request_id = $1',
      [id],
    );
    expect(row?.actor).toBe('M3004');
  });
});

describe('what the service learns of the accounts', () => {
  it('keeps the tier and the portfolio from one consumer group, and uses them for the next request', async () => {
    const { consumed, deliver } = accountEventsConsumer(dataSource, services);
    expect(consumed).toEqual([
      {
        groupId: 'coordination',
        types: [
          'AccountUnassignable',
          'ManagerAssigned',
          'TeamChanged',
          'TierAssigned',
          'TierChanged',
        ],
      },
    ]);
    const account = '6f1c7c53-3a43-4a5e-9a77-0f1b4a7c2d11';
    await deliver(
      envelope('TierAssigned', account, {
        groupAccountId: account,
        tier: 'B',
        previousTier: null,
        reason: 'PARETO',
        policyVersion: 'v1',
      }),
    );
    await deliver(
      envelope('ManagerAssigned', account, {
        groupAccountId: account,
        managerId: 'M3005',
        previousManagerId: null,
        supervisorId: null,
        reason: 'AUTOMATIC',
      }),
    );
    const id = await services.submit(accountManager('M3005'), leasedLine(account));
    expect((await services.queries.byId(accountManager('M3005'), id)).accountTier).toBe('B');
  });
});
