import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  eventsAbout,
  managersServices,
  openManagersTestDatabase,
  registerManager,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';
import { ManualAssignmentService } from './manual-assignment.service.js';

/** A supervisor assigning accounts by hand, in Fuzhou, with managers E1 (first) and E2. */
describe('assignment by hand', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  let manual: ManualAssignmentService;
  const boss = supervisor('S900');

  const primaryOf = async (accountId: string) =>
    (
      await dataSource.query<{ managerId: string }[]>(
        'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
        [accountId],
      )
    )[0]?.managerId ?? null;

  /** A new account of E901's. */
  const ownedByE901 = async () => {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
       VALUES ($1, '福州企业', '350102', 'C', 'ACTIVE')`,
      [id],
    );
    await dataSource.query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       VALUES ($1, 'E901', 'AUTOMATIC', 'system')`,
      [id],
    );
    return id;
  };

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('manual_assignment');
    s = managersServices(dataSource);
    manual = s.get(ManualAssignmentService);
    await registerManager(s, 'S900', 'KEY_ACCOUNT', { capacity: 0 });
    await registerManager(s, 'E901', 'STANDARD', { capacity: 100, supervisorId: 'S900' });
  });

  afterAll(() => dataSource?.destroy());

  it('does not switch at once an account whose primary manager is still in post: a handover is required', async () => {
    const id = await ownedByE901();
    await registerManager(s, 'E902', 'STANDARD', { capacity: 100, supervisorId: 'S900' });
    await expect(
      manual.assign(boss, { groupAccountId: id, managerId: 'E902', reason: '客户要求更换经理' }),
    ).rejects.toMatchObject({ code: 'HANDOVER_REQUIRED', field: 'input.groupAccountId' });
    expect(await primaryOf(id)).toBe('E901');
  });

  it('assigns at once an account whose primary manager has left', async () => {
    const id = await ownedByE901();
    await registerManager(s, 'E903', 'STANDARD', { capacity: 100, supervisorId: 'S900' });
    await dataSource.query(
      `UPDATE managers.account_manager SET status = 'LEFT', last_day = current_date - 1 WHERE id = 'E901'`,
    );
    try {
      await manual.assign(boss, { groupAccountId: id, managerId: 'E903', reason: '原经理已离职' });
      expect(await primaryOf(id)).toBe('E903');
      const assigned = (await eventsAbout(dataSource, id)).filter(
        (e) => e.type === 'ManagerAssigned',
      );
      expect(assigned.at(-1)?.payload).toMatchObject({
        managerId: 'E903',
        previousManagerId: 'E901',
        supervisorId: 'S900',
        reason: '原经理已离职',
      });
    } finally {
      await dataSource.query(
        `UPDATE managers.account_manager SET status = 'ACTIVE', last_day = NULL WHERE id = 'E901'`,
      );
    }
  });

  it('accepts a short Chinese reason such as 战略客户, and refuses one that says nothing', async () => {
    const id = await ownedByE901();
    // A reason is weighed before anything else: 战略客户 passes it and meets the handover rule.
    await expect(
      manual.assign(boss, { groupAccountId: id, managerId: 'E902', reason: '战略客户' }),
    ).rejects.toMatchObject({ code: 'HANDOVER_REQUIRED' });
    await expect(
      manual.assign(boss, { groupAccountId: id, managerId: 'E902', reason: 'ok' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.reason' });
  });

  it('is for supervisors and admins', async () => {
    const id = await ownedByE901();
    await expect(
      manual.assign(
        { subject: 'E901', roles: ['ACCOUNT_MANAGER'] },
        { groupAccountId: id, managerId: 'E902', reason: '战略客户' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
