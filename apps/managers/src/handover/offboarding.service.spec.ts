import type { DataSource } from 'typeorm';
import { addDays, todayInChina } from '@gap/calendar';
import {
  accountManager,
  ADMIN,
  managersServices,
  openManagersTestDatabase,
  primaryViolations,
  registerManager,
  shadowedFor,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';

/**
 * A manager with 500 accounts leaves: 480 C accounts and 20 B accounts, 560 points, and 460
 * points of room among the others (one of them has none), so some accounts cannot be placed.
 */
describe('offboarding a manager with 500 accounts', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  const boss = supervisor('S300');
  const today = todayInChina();
  const lastDay = addDays(today, 7);

  const countOf = async (sql: string, params: unknown[] = []) =>
    (await dataSource.query<{ n: number }[]>(sql, params))[0]?.n ?? -1;

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('offboarding');
    s = managersServices(dataSource);
    await registerManager(s, 'S300', 'KEY_ACCOUNT', { regions: ['330000'], capacity: 100 });
    await registerManager(s, 'L301', 'STANDARD', {
      regions: ['330100'],
      capacity: 2000,
      supervisorId: 'S300',
    });
    for (const id of ['T311', 'T312', 'T313']) {
      await registerManager(s, id, 'STANDARD', { regions: ['330100'], supervisorId: 'S300' });
    }
    await registerManager(s, 'T314', 'STANDARD', { regions: ['330100'], capacity: 0 });
    await registerManager(s, 'T315', 'SENIOR', {
      regions: ['330000'],
      capacity: 60,
      supervisorId: 'S300',
    });
    await dataSource.query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
       SELECT gen_random_uuid(), '杭州企业 ' || n, '330106', 'C', 'ACTIVE' FROM generate_series(1, 500) n`,
    );
    await dataSource.query(
      `INSERT INTO managers.account_tier (group_account_id, tier)
       SELECT id, CASE WHEN row_number() OVER (ORDER BY id) <= 20 THEN 'B' ELSE 'C' END
         FROM managers.group_account`,
    );
    await dataSource.query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       SELECT id, 'L301', 'AUTOMATIC', 'system' FROM managers.group_account`,
    );
  });

  afterAll(() => dataSource?.destroy());

  it('refuses an unknown manager and a last day in the past, naming the field', async () => {
    await expect(
      s.offboarding.offboard(boss, { managerId: 'E404', lastDay }),
    ).rejects.toMatchObject({ code: 'MANAGER_NOT_FOUND', field: 'input.managerId' });
    await expect(
      s.offboarding.offboard(boss, { managerId: 'L301', lastDay: addDays(today, -1) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.lastDay' });
    expect((await s.managers.byId(ADMIN, 'L301')).status).toBe('ACTIVE');
  });

  it('plans a handover for every account that fits somewhere, within capacities', async () => {
    const result = await s.offboarding.offboard(boss, { managerId: 'L301', lastDay });
    expect(result.accounts).toBe(500);
    expect(result.planned + result.unplaced.length).toBe(500);
    expect(await countOf('SELECT count(*)::int AS n FROM managers.handover')).toBe(result.planned);
    // 460 points of room: at most 460 placed, and nothing with room left unplaced.
    const cards = await s.managers.scorecards(['S300', 'T311', 'T312', 'T313', 'T314', 'T315']);
    for (const [id, card] of cards) {
      expect({ id, over: card.load > card.maxLoad }).toEqual({ id, over: false });
    }
    const placedPoints = [...cards.values()].reduce((sum, card) => sum + card.load, 0);
    expect(placedPoints).toBeLessThanOrEqual(460);
    expect(placedPoints).toBeGreaterThanOrEqual(456); // a B (4 points) may not fit the last gap
    expect(result.unplaced.length).toBeGreaterThan(0);
    expect(new Set(result.unplaced.map((u) => u.reason))).toEqual(new Set(['NO_CAPACITY']));
    expect((await s.assignments.unassignable(ADMIN, 500)).length).toBe(result.unplaced.length);
    expect(
      await countOf(
        "SELECT count(*)::int AS n FROM managers.outbox WHERE event_type = 'AccountUnassignable'",
      ),
    ).toBe(result.unplaced.length);
    expect(
      await countOf(
        "SELECT count(*)::int AS n FROM managers.outbox WHERE event_type = 'HandoverPlanned'",
      ),
    ).toBe(result.planned);
    // The B accounts went to the senior and key-account managers only.
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM managers.handover h
           JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
          WHERE t.tier = 'B' AND h.to_manager_id NOT IN ('S300', 'T315')`,
      ),
    ).toBe(0);
    // The leaving manager stays primary of everything until each handover completes.
    expect(
      await countOf(
        "SELECT count(*)::int AS n FROM managers.primary_assignment WHERE manager_id = 'L301'",
      ),
    ).toBe(500);
    expect(await primaryViolations(dataSource)).toEqual([]);
    expect((await s.managers.byId(ADMIN, 'L301')).status).toBe('LEAVING');
  });

  it('escalates what is still open on the last day to the supervisor, once', async () => {
    const planned = await countOf('SELECT count(*)::int AS n FROM managers.handover');
    expect(await s.offboarding.enforceDeadlines(addDays(lastDay, -1))).toEqual({
      escalated: 0,
      reassigned: 0,
      unassigned: 0,
      left: 0,
    });
    expect(await s.offboarding.enforceDeadlines(lastDay)).toEqual({
      escalated: planned,
      reassigned: 0,
      unassigned: 0,
      left: 0,
    });
    expect((await s.offboarding.enforceDeadlines(lastDay)).escalated).toBe(0);
    const [overdue] = await dataSource.query<{ envelope: { payload: Record<string, unknown> } }[]>(
      "SELECT envelope FROM managers.outbox WHERE event_type = 'HandoverOverdue' LIMIT 1",
    );
    expect(overdue?.envelope.payload).toMatchObject({
      supervisorId: 'S300',
      fromManagerId: 'L301',
      dueOn: lastDay,
      openItems: ['CONTACTS_INTRODUCED', 'CUSTOMER_NOTIFIED'],
    });
  });

  it('gives the supervisor only what fits their capacity after the last day, and queues the rest', async () => {
    const result = await s.offboarding.enforceDeadlines(addDays(lastDay, 1));
    expect(result).toMatchObject({ escalated: 0, left: 1 });
    expect(result.reassigned + result.unassigned).toBe(500);
    expect(result.unassigned).toBeGreaterThan(0);
    expect((await s.managers.byId(ADMIN, 'L301')).status).toBe('LEFT');
    // The fallback to the supervisor respects the supervisor's capacity.
    const [card] = (await s.managers.scorecards(['S300'])).values();
    expect(card?.load).toBeLessThanOrEqual(card?.maxLoad ?? -1);
    expect(
      await countOf(
        "SELECT count(*)::int AS n FROM managers.primary_assignment WHERE manager_id = 'S300' AND reason = 'MANAGER_LEFT'",
      ),
    ).toBe(result.reassigned);
    // A LEFT manager is primary of nothing; what nobody took waits, announced, in the queue.
    expect(
      await countOf(
        "SELECT count(*)::int AS n FROM managers.primary_assignment WHERE manager_id = 'L301'",
      ),
    ).toBe(0);
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM managers.unassignable_account
          WHERE current_manager_id IS NULL AND reason = 'NO_CAPACITY'`,
      ),
    ).toBe(result.unassigned);
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM managers.outbox WHERE event_type = 'AccountUnassignable'
            AND envelope->'payload'->>'currentManagerId' IS NULL`,
      ),
    ).toBe(result.unassigned);
    expect(await primaryViolations(dataSource)).toEqual([]);
  });

  it('still completes an open handover of a queued account, to the incoming manager', async () => {
    const [open] = await dataSource.query<{ id: string; groupAccountId: string }[]>(
      `SELECT h.id, h.group_account_id AS "groupAccountId" FROM managers.handover h
        WHERE h.to_manager_id = 'T311' AND h.state = 'PLANNED'
          AND NOT EXISTS (SELECT 1 FROM managers.primary_assignment pa
                           WHERE pa.group_account_id = h.group_account_id)
        LIMIT 1`,
    );
    const id = open?.id ?? 'none';
    const t311 = accountManager('T311');
    await s.handovers.start(t311, id);
    for (const key of ['CONTACTS_INTRODUCED', 'CUSTOMER_NOTIFIED']) {
      await s.handovers.resolveItem(t311, {
        handoverId: id,
        key,
        outcome: 'DONE',
        channel: key === 'CUSTOMER_NOTIFIED' ? 'PHONE' : null,
      });
    }
    await shadowedFor(dataSource, id, 3);
    await s.handovers.complete(t311, id);
    const [after] = await dataSource.query<{ managerId: string }[]>(
      'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
      [open?.groupAccountId],
    );
    expect(after?.managerId).toBe('T311');
    expect(
      await countOf(
        'SELECT count(*)::int AS n FROM managers.unassignable_account WHERE group_account_id = $1',
        [open?.groupAccountId],
      ),
    ).toBe(0);
    expect(await primaryViolations(dataSource)).toEqual([]);
  });
});
