import type { DataSource } from 'typeorm';
import {
  ADMIN,
  managersServices,
  openManagersTestDatabase,
  primaryViolations,
  registerManager,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';

/**
 * After a tiering run, Xiamen's standard manager owns six accounts that became A and B, and an
 * overloaded colleague owns 30 C accounts with room for 20. The rebalance moves what must move.
 */
describe('a bulk rebalance', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  const boss = supervisor('S400');
  let rebalanceId: string;

  const owners = async () =>
    new Map(
      (
        await dataSource.query<{ id: string; managerId: string }[]>(
          'SELECT group_account_id AS id, manager_id AS "managerId" FROM managers.primary_assignment',
        )
      ).map((row) => [row.id, row.managerId]),
    );

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('rebalance');
    s = managersServices(dataSource);
    await registerManager(s, 'S400', 'KEY_ACCOUNT', { regions: ['350000'], capacity: 0 });
    await registerManager(s, 'E401', 'STANDARD', { regions: ['350200'], capacity: 40 });
    await registerManager(s, 'E402', 'STANDARD', { regions: ['350200'], capacity: 20 });
    await registerManager(s, 'E403', 'STANDARD', { regions: ['350200'], capacity: 40 });
    await registerManager(s, 'K401', 'KEY_ACCOUNT', { regions: ['350200'], capacity: 40 });
    await registerManager(s, 'R401', 'SENIOR', { regions: ['350200'], capacity: 40 });
    const insert = async (count: number, tier: string, managerId: string) => {
      const rows = await dataSource.query<{ id: string }[]>(
        `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
         SELECT gen_random_uuid(), '厦门企业', '350203', 'C', 'ACTIVE' FROM generate_series(1, $1)
         RETURNING id`,
        [count],
      );
      await dataSource.query(
        `INSERT INTO managers.account_tier (group_account_id, tier) SELECT unnest($1::uuid[]), $2`,
        [rows.map((r) => r.id), tier],
      );
      await dataSource.query(
        `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
         SELECT unnest($1::uuid[]), $2, 'AUTOMATIC', 'system'`,
        [rows.map((r) => r.id), managerId],
      );
    };
    await insert(2, 'A', 'E401');
    await insert(4, 'B', 'E401');
    await insert(10, 'C', 'E401');
    await insert(30, 'C', 'E402');
  });

  afterAll(() => dataSource?.destroy());

  it('previews moves within every manager’s limit, at a cost no lower than its bound', async () => {
    const preview = await s.rebalances.preview(boss, { misfitOnly: false });
    rebalanceId = preview.id;
    expect(preview.accounts).toBe(46);
    expect(preview.unassigned).toBe(0);
    expect(preview.totalCost).toBeGreaterThanOrEqual(preview.lowerBound);
    // Two A accounts to the key-account manager, four B to the senior one, ten C off E402.
    const byTarget = new Map<string, number>();
    for (const move of preview.movesSample) {
      byTarget.set(
        `${move.tier}→${move.toManagerId}`,
        (byTarget.get(`${move.tier}→${move.toManagerId}`) ?? 0) + 1,
      );
    }
    expect(byTarget.get('A→K401')).toBe(2);
    expect(byTarget.get('B→R401')).toBe(4);
    expect(preview.moves).toBe(16);
    for (const load of preview.loads) {
      expect({ id: load.managerId, fits: load.after <= load.maxLoad }).toEqual({
        id: load.managerId,
        fits: true,
      });
    }
    expect(preview.loads.find((l) => l.managerId === 'E402')).toMatchObject({
      before: 30,
      after: 20,
    });
    // A preview changes nobody's accounts.
    expect(new Set((await owners()).values())).toEqual(new Set(['E401', 'E402']));
  });

  it('applies as handovers, not silent swaps, and only once', async () => {
    const before = await owners();
    const applied = await s.rebalances.apply(boss, { rebalanceId });
    expect(applied).toEqual({
      rebalanceId,
      handovers: 16,
      assigned: 0,
      unassignable: 0,
      skipped: 0,
    });
    expect(await owners()).toEqual(before);
    const open = await s.handovers.list(ADMIN, { openOnly: true, first: 500 });
    expect(open).toHaveLength(16);
    expect(new Set(open.map((h) => h.cause))).toEqual(new Set(['REBALANCE']));
    expect(await primaryViolations(dataSource)).toEqual([]);
    await expect(s.rebalances.apply(boss, { rebalanceId })).rejects.toMatchObject({
      code: 'REBALANCE_ALREADY_APPLIED',
      field: 'input.rebalanceId',
    });
  });

  it('skips accounts already in a handover when a second preview is applied', async () => {
    const preview = await s.rebalances.preview(boss, { misfitOnly: true });
    expect(preview.accounts).toBe(0);
    await expect(
      s.rebalances.apply(boss, { rebalanceId: preview.id, dueOn: '2001-01-01' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.dueOn' });
  });

  it('is for supervisors and admins', async () => {
    await expect(
      s.rebalances.preview({ subject: 'E401', roles: ['ACCOUNT_MANAGER'] }, { misfitOnly: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
