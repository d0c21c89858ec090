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
import { RebalanceApplyService } from './rebalance-apply.service.js';
import { RebalancePreviewService } from './rebalance-preview.service.js';

/**
 * After a tiering run, Xiamen's standard manager owns six accounts that became A and B, and an
 * overloaded colleague owns 30 C accounts with room for 20; two more of S400's team own
 * nothing. The rebalance moves what must move, and spreads the load within the policy's band.
 */
describe('a bulk rebalance', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  let previews: RebalancePreviewService;
  let applying: RebalanceApplyService;
  const boss = supervisor('S400');

  const owners = async () =>
    new Map(
      (
        await dataSource.query<{ id: string; managerId: string }[]>(
          'SELECT group_account_id AS id, manager_id AS "managerId" FROM managers.primary_assignment',
        )
      ).map((row) => [row.id, row.managerId]),
    );

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

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('rebalance');
    s = managersServices(dataSource);
    previews = s.get(RebalancePreviewService);
    applying = s.get(RebalanceApplyService);
    await registerManager(s, 'S300', 'KEY_ACCOUNT', { regions: ['350000'], capacity: 0 });
    await registerManager(s, 'S400', 'KEY_ACCOUNT', {
      regions: ['350000'],
      capacity: 0,
      supervisorId: 'S300',
    });
    await registerManager(s, 'S410', 'SENIOR', {
      regions: ['350200'],
      capacity: 0,
      supervisorId: 'S400',
    });
    const team = { regions: ['350200'], supervisorId: 'S400' };
    await registerManager(s, 'E401', 'STANDARD', { ...team, capacity: 40 });
    await registerManager(s, 'E402', 'STANDARD', { ...team, capacity: 20 });
    // E403 is supervised by S410, who reports to S400: in S400's team, transitively.
    await registerManager(s, 'E403', 'STANDARD', { ...team, capacity: 40, supervisorId: 'S410' });
    await registerManager(s, 'K401', 'KEY_ACCOUNT', { ...team, capacity: 40 });
    await registerManager(s, 'R401', 'SENIOR', { ...team, capacity: 40 });
    // Another supervisor's manager, with room: not S400's to fill.
    await registerManager(s, 'S500', 'KEY_ACCOUNT', { regions: ['350000'], capacity: 0 });
    await registerManager(s, 'E501', 'STANDARD', {
      regions: ['350200'],
      capacity: 40,
      supervisorId: 'S500',
    });
    await insert(2, 'A', 'E401');
    await insert(4, 'B', 'E401');
    await insert(10, 'C', 'E401');
    await insert(30, 'C', 'E402');
  });

  afterAll(() => dataSource?.destroy());

  it('previews moves within every manager’s limit and within the supervisor’s team', async () => {
    const preview = await previews.preview(boss, { misfitOnly: false });
    expect(preview.accounts).toBe(46);
    expect(preview.unassigned).toBe(0);
    expect(preview.totalCost).toBeGreaterThanOrEqual(preview.lowerBound);
    const byTarget = new Map<string, number>();
    for (const move of preview.movesSample) {
      const key = `${move.tier}→${move.toManagerId}`;
      byTarget.set(key, (byTarget.get(key) ?? 0) + 1);
    }
    // The two A accounts to the key-account manager, the four B to the senior one.
    expect(byTarget.get('A→K401')).toBe(2);
    expect(byTarget.get('B→R401')).toBe(4);
    for (const load of preview.loads) {
      expect({ id: load.managerId, fits: load.after <= load.maxLoad }).toEqual({
        id: load.managerId,
        fits: true,
      });
    }
    expect(preview.loads.find((l) => l.managerId === 'E402')?.after).toBeLessThanOrEqual(20);
    expect(preview.movesSample.map((m) => m.toManagerId)).not.toContain('E501');
    // A preview changes nobody's accounts.
    expect(new Set((await owners()).values())).toEqual(new Set(['E401', 'E402']));
  });

  it('spreads the load towards the policy’s band: the idle take from the full down to its floor', async () => {
    const preview = await previews.preview(boss, { misfitOnly: false });
    const after = Object.fromEntries(preview.loads.map((l) => [l.managerId, l.after]));
    // The cheapest plan leaves E403 idle and E402 full (1.0): a move costs more than the fit
    // gains. The band (0.6 to 1.0 by default) has E403 take from E402 until E402 is at 0.6.
    expect(after).toMatchObject({ E402: 12, E403: 8 });
    expect(preview.loadShareMin).toBeCloseTo(0.2);
    expect(preview.loadShareMax).toBeCloseTo(0.6);
  });

  it('refuses a supervisor a rebalance of managers outside their team, with a coded FORBIDDEN', async () => {
    await expect(
      previews.preview(boss, { misfitOnly: false, managerIds: ['E401', 'E501'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', kind: 'FORBIDDEN' });
    await expect(
      previews.preview(supervisor('S500'), { misfitOnly: false, managerIds: ['E402'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const own = await previews.preview(supervisor('S500'), { misfitOnly: false });
    expect(own.accounts).toBe(0);
    await expect(
      applying.apply(supervisor('S500'), { rebalanceId: own.id }),
    ).resolves.toMatchObject({ handovers: 0 });
  });

  it('refuses a supervisor to apply a preview whose moves reach beyond their team', async () => {
    const preview = await previews.preview(ADMIN, { misfitOnly: false });
    await expect(
      applying.apply(supervisor('S500'), { rebalanceId: preview.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('applies as handovers, not silent swaps, and only once; a later preview of the same book skips what moved', async () => {
    const first = await previews.preview(boss, { misfitOnly: false });
    const second = await previews.preview(supervisor('S300'), { misfitOnly: false });
    expect(second.moves).toBeGreaterThan(0);
    const before = await owners();
    const applied = await applying.apply(boss, { rebalanceId: first.id });
    expect(applied).toEqual({
      rebalanceId: first.id,
      handovers: first.moves,
      assigned: 0,
      unassignable: 0,
      skipped: 0,
    });
    expect(await owners()).toEqual(before);
    const open = await s.handovers.list(ADMIN, { openOnly: true, first: 500 });
    expect(open).toHaveLength(first.moves);
    expect(new Set(open.map((h) => h.cause))).toEqual(new Set(['REBALANCE']));
    expect(await primaryViolations(dataSource)).toEqual([]);
    await expect(applying.apply(boss, { rebalanceId: first.id })).rejects.toMatchObject({
      code: 'REBALANCE_ALREADY_APPLIED',
      field: 'input.rebalanceId',
    });
    // The accounts the first one moved are in handovers now: the second skips each of them.
    const later = await applying.apply(supervisor('S300'), { rebalanceId: second.id });
    expect(later.skipped).toBeGreaterThanOrEqual(first.moves);
    expect(later.handovers + later.skipped).toBe(second.moves);
    expect(await s.handovers.list(ADMIN, { openOnly: true, first: 500 })).toHaveLength(
      first.moves + later.handovers,
    );
  });

  it('refuses a due day in the past', async () => {
    const preview = await previews.preview(boss, { misfitOnly: true });
    await expect(
      applying.apply(boss, { rebalanceId: preview.id, dueOn: '2001-01-01' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.dueOn' });
  });

  it('is for supervisors and admins', async () => {
    await expect(
      previews.preview({ subject: 'E401', roles: ['ACCOUNT_MANAGER'] }, { misfitOnly: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
