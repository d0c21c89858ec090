import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  accountCreated,
  deliver,
  managersServices,
  openManagersTestDatabase,
  primaryViolations,
  registerManager,
  type ManagersServices,
} from './harness.js';

/** The harness's check of who is accountable reports each kind of breach it names. */
describe('the primary-manager check of the test harness', () => {
  let dataSource: DataSource;
  let s: ManagersServices;

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('primary_violations');
    s = managersServices(dataSource);
    await registerManager(s, 'V101', 'STANDARD', { regions: ['190100'], capacity: 5 });
    await registerManager(s, 'V102', 'STANDARD', { regions: ['190100'], capacity: 5 });
  });

  afterAll(() => dataSource?.destroy());

  const placed = async (): Promise<{ id: string; managerId: string }> => {
    const created = accountCreated('190102');
    await deliver(dataSource, s, created);
    const id = created.payload.groupAccountId;
    const [row] = await dataSource.query<{ managerId: string }[]>(
      'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
      [id],
    );
    return { id, managerId: row?.managerId ?? '' };
  };

  const violationsOf = async (id: string) =>
    ((await primaryViolations(dataSource)) as { id: string; violation: string }[])
      .filter((row) => row.id === id)
      .map((row) => row.violation);

  it('finds nothing wrong with an account placed by the service', async () => {
    const { id, managerId } = await placed();
    expect(managerId).toMatch(/^V10[12]$/);
    expect(await violationsOf(id)).toEqual([]);
  });

  it('reports an account nobody is accountable for that waits on no list', async () => {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
       VALUES ($1, '无人负责集团', '190102', 'C', 'ACTIVE')`,
      [id],
    );
    expect(await violationsOf(id)).toEqual(['NO_PRIMARY']);
  });

  it('reports an account with a primary manager still listed as waiting for one', async () => {
    const { id } = await placed();
    await dataSource.query(
      `INSERT INTO managers.unassignable_account (group_account_id, reason, policy_version)
       VALUES ($1, 'NO_CAPACITY', 'm1')`,
      [id],
    );
    expect(await violationsOf(id)).toEqual(['LISTED_WITH_PRIMARY']);
  });

  it('reports an open handover whose outgoing manager is not the primary', async () => {
    const { id, managerId } = await placed();
    const other = managerId === 'V101' ? 'V102' : 'V101';
    await dataSource.query(
      `INSERT INTO managers.handover
         (id, group_account_id, from_manager_id, to_manager_id, cause, reason, due_on, planned_by)
       VALUES ($1, $2, $3, $4, 'MANUAL', '区域调整', current_date + 7, 'S0001')`,
      [randomUUID(), id, other, managerId],
    );
    expect(await violationsOf(id)).toEqual(['HANDOVER_FROM_ANOTHER']);
  });
});
