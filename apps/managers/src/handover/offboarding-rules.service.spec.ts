import type { DataSource } from 'typeorm';
import { addDays, todayInChina } from '@gap/calendar';
import {
  ADMIN,
  eventsAbout,
  managersServices,
  openManagersTestDatabase,
  primaryViolations,
  registerManager,
  seedAccount,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';

/** Who may offboard whom, and what a leaver without a supervisor leaves behind. */
describe('offboarding rules', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  const today = todayInChina();
  const lastDay = addDays(today, 3);

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('offboarding_rules');
    s = managersServices(dataSource);
    // S400 supervises S410, who supervises E411; S490 supervises E491 only.
    await registerManager(s, 'S400', 'KEY_ACCOUNT', { capacity: 0 });
    await registerManager(s, 'S410', 'KEY_ACCOUNT', { capacity: 0, supervisorId: 'S400' });
    await registerManager(s, 'E411', 'STANDARD', { supervisorId: 'S410' });
    await registerManager(s, 'S490', 'KEY_ACCOUNT', { capacity: 0 });
    await registerManager(s, 'E491', 'STANDARD', { supervisorId: 'S490' });
    await registerManager(s, 'E499', 'STANDARD', { capacity: 0 });
  });

  afterAll(() => dataSource?.destroy());

  it('refuses a supervisor offboarding a manager outside their own team with FORBIDDEN', async () => {
    await expect(
      s.offboarding.offboard(supervisor('S490'), { managerId: 'E411', lastDay }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', kind: 'FORBIDDEN' });
    await expect(
      s.offboarding.offboard(supervisor('S410'), { managerId: 'E491', lastDay }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.managers.byId(ADMIN, 'E411')).status).toBe('ACTIVE');
    expect((await s.managers.byId(ADMIN, 'E491')).status).toBe('ACTIVE');
  });

  it('lets a supervisor offboard someone they supervise through another supervisor', async () => {
    await registerManager(s, 'E412', 'STANDARD', { supervisorId: 'S410' });
    const result = await s.offboarding.offboard(supervisor('S400'), {
      managerId: 'E412',
      lastDay,
    });
    expect(result).toMatchObject({ managerId: 'E412', accounts: 0 });
    expect((await s.managers.byId(ADMIN, 'E412')).status).toBe('LEAVING');
  });

  it('leaves a manager with no supervisor primary of nothing after their last day', async () => {
    await registerManager(s, 'E420', 'STANDARD', { capacity: 20 });
    const accounts = [
      await seedAccount(dataSource, 'C', 'E420'),
      await seedAccount(dataSource, 'B', 'E420', '440106'),
    ];
    // Whatever was planned is still open after the last day: the accounts are still E420's.
    await s.offboarding.offboard(ADMIN, { managerId: 'E420', lastDay });
    const round = await s.offboarding.enforceDeadlines(addDays(lastDay, 1));
    expect(round).toMatchObject({ reassigned: 0 });
    expect((await s.managers.byId(ADMIN, 'E420')).status).toBe('LEFT');
    const primaries = await dataSource.query<unknown[]>(
      "SELECT 1 FROM managers.primary_assignment WHERE manager_id = 'E420'",
    );
    expect(primaries).toEqual([]);
    const queued = await dataSource.query<{ id: string; reason: string }[]>(
      `SELECT group_account_id AS id, reason FROM managers.unassignable_account
        WHERE group_account_id = ANY($1::uuid[]) AND current_manager_id IS NULL ORDER BY id`,
      [accounts],
    );
    expect(queued.map((q) => q.reason)).toEqual(['NO_SUPERVISOR', 'NO_SUPERVISOR']);
    for (const id of accounts) {
      expect((await eventsAbout(dataSource, id)).at(-1)).toMatchObject({
        type: 'AccountUnassignable',
        payload: { reason: 'NO_SUPERVISOR', currentManagerId: null },
      });
    }
    expect(await primaryViolations(dataSource)).toEqual([]);
  });
});
