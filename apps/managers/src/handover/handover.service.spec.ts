import type { DataSource } from 'typeorm';
import { addDays, todayInChina } from '@gap/calendar';
import {
  accountCreated,
  accountManager,
  ADMIN,
  deliver,
  eventsAbout,
  managersServices,
  openManagersTestDatabase,
  primaryViolations,
  registerManager,
  shadowedFor,
  supervisor,
  tierChanged,
  type ManagersServices,
} from '../testing/harness.js';

/**
 * The managers service against its own PostgreSQL database (so that who has room is decided
 * by this file alone). After every step, no account has zero or two primary managers.
 */
describe('assignment and handover', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  const boss = supervisor('S100');
  const today = todayInChina();

  const primaryOf = async (accountId: string) =>
    (
      await dataSource.query<{ managerId: string }[]>(
        'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
        [accountId],
      )
    )[0]?.managerId ?? null;
  const expectOnePrimaryEach = async () => expect(await primaryViolations(dataSource)).toEqual([]);

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('handover');
    s = managersServices(dataSource);
    await registerManager(s, 'S100', 'KEY_ACCOUNT', { regions: ['350000'], capacity: 50 });
    await registerManager(s, 'E101', 'STANDARD', { supervisorId: 'S100' });
    await registerManager(s, 'E102', 'STANDARD', { regions: ['350200'], supervisorId: 'S100' });
    await registerManager(s, 'K101', 'KEY_ACCOUNT', { supervisorId: 'S100' });
    await registerManager(s, 'K102', 'KEY_ACCOUNT', { regions: ['440300'], supervisorId: 'S100' });
  });

  afterAll(() => dataSource?.destroy());

  describe('a new account', () => {
    it('gets the fitting manager at once, announced with the supervisor', async () => {
      const created = accountCreated('350102');
      await deliver(dataSource, s, created);
      const id = created.payload.groupAccountId;
      expect(await primaryOf(id)).toBe('E101');
      await expectOnePrimaryEach();
      const events = await eventsAbout(dataSource, id);
      expect(events.map((e) => e.type)).toEqual(['ManagerAssigned']);
      expect(events[0]?.payload).toMatchObject({
        managerId: 'E101',
        supervisorId: 'S100',
        reason: 'AUTOMATIC',
      });
      const explanation = await s.assignments.explain(ADMIN, id);
      expect(explanation).toMatchObject({
        primaryManagerId: 'E101',
        assignedReason: 'AUTOMATIC',
        bestManagerId: 'E101',
      });
      expect(explanation.candidates[0]).toMatchObject({ managerId: 'E101' });
    });

    it('is delivered twice without a second assignment', async () => {
      const created = accountCreated('350102');
      await deliver(dataSource, s, created);
      await deliver(dataSource, s, created);
      expect(
        (await eventsAbout(dataSource, created.payload.groupAccountId)).map((e) => e.type),
      ).toEqual(['ManagerAssigned']);
    });

    it('is listed and announced when no manager may take it, and placed once one can', async () => {
      // The tier arrives first: an A account in Guangzhou, where K102 covers only Shenzhen.
      const created = accountCreated('440106');
      const id = created.payload.groupAccountId;
      await deliver(dataSource, s, tierChanged(id, 'A', 'C'));
      await s.managers.update(ADMIN, { id: 'K102', status: 'ON_LEAVE' });
      await s.managers.update(ADMIN, { id: 'K101', status: 'ON_LEAVE' });
      await s.managers.update(ADMIN, { id: 'S100', status: 'ON_LEAVE' });
      try {
        await deliver(dataSource, s, created);
      } finally {
        for (const id of ['K101', 'K102', 'S100']) {
          await s.managers.update(ADMIN, { id, status: 'ACTIVE' });
        }
      }
      expect(await primaryOf(id)).toBeNull();
      expect(await s.assignments.unassignable(ADMIN, 100)).toEqual([
        expect.objectContaining({ groupAccountId: id, tier: 'A', reason: 'NO_ACTIVE_MANAGER' }),
      ]);
      expect((await eventsAbout(dataSource, id)).map((e) => e.type)).toEqual([
        'AccountUnassignable',
      ]);
      await expectOnePrimaryEach();
      expect(await s.assignments.placeUnassigned()).toBe(1);
      expect(await primaryOf(id)).toBe('K102');
      expect(await s.assignments.unassignable(ADMIN, 100)).toEqual([]);
      await expectOnePrimaryEach();
    });
  });

  describe('an account moving from C to A', () => {
    let accountId: string;
    let handoverId: string;

    beforeAll(async () => {
      const created = accountCreated('350103');
      accountId = created.payload.groupAccountId;
      await deliver(dataSource, s, created);
      await dataSource.query(
        `INSERT INTO managers.open_work_item (source, ref, group_account_id, title, opened_at)
         VALUES ('COORDINATION_REQUEST', 'CR-7001', $1, '专线开通资源协调', now())`,
        [accountId],
      );
    });

    it('is handed over to a key-account manager, with a checklist', async () => {
      expect(await primaryOf(accountId)).toBe('E101');
      await deliver(dataSource, s, tierChanged(accountId, 'A', 'C'));
      const [handover] = await s.handovers.list(ADMIN, { accountIds: [accountId] });
      expect(handover).toMatchObject({
        fromManagerId: 'E101',
        toManagerId: 'K101',
        state: 'PLANNED',
        cause: 'TIER_CHANGE',
        tier: 'A',
        dueOn: addDays(today, 14),
      });
      expect(handover?.checklist.map((item) => item.key)).toEqual([
        'CONTACTS_INTRODUCED',
        'COORDINATION_REQUEST:CR-7001',
        'CUSTOMER_NOTIFIED',
        'JOINT_VISIT',
      ]);
      handoverId = handover?.id;
      // The outgoing manager stays primary until completion.
      expect(await primaryOf(accountId)).toBe('E101');
      await expectOnePrimaryEach();
    });

    it('lets both managers see the account while shadowing', async () => {
      const incoming = accountManager('K101');
      expect(await s.visibility.visible(incoming, [accountId])).toEqual(new Set());
      const started = await s.handovers.start(accountManager('E101'), handoverId);
      expect(started.state).toBe('SHADOWING');
      expect(await s.visibility.visible(incoming, [accountId])).toEqual(new Set([accountId]));
      expect(await s.visibility.visible(accountManager('E101'), [accountId])).toEqual(
        new Set([accountId]),
      );
      const team = (await eventsAbout(dataSource, accountId)).filter(
        (e) => e.type === 'TeamChanged',
      );
      expect(team.at(-1)?.payload).toEqual({
        groupAccountId: accountId,
        members: [{ managerId: 'K101', role: 'INCOMING_MANAGER' }],
      });
      await expectOnePrimaryEach();
    });

    it('refuses completion while an item is open, and changes nothing', async () => {
      await expect(s.handovers.complete(boss, handoverId)).rejects.toMatchObject({
        code: 'CHECKLIST_INCOMPLETE',
        field: 'id',
      });
      expect((await s.handovers.byId(boss, handoverId)).state).toBe('SHADOWING');
      expect(await primaryOf(accountId)).toBe('E101');
      await expectOnePrimaryEach();
    });

    it('refuses a reassignment during the handover', async () => {
      await expect(
        s.assignments.assign(boss, {
          groupAccountId: accountId,
          managerId: 'K102',
          reason: '客户要求更换经理',
        }),
      ).rejects.toMatchObject({ code: 'ACCOUNT_IN_HANDOVER', field: 'input.groupAccountId' });
      expect(await primaryOf(accountId)).toBe('E101');
    });

    it('asks how the customer was told, and why an item is waived', async () => {
      await expect(
        s.handovers.resolveItem(accountManager('E101'), {
          handoverId,
          key: 'CUSTOMER_NOTIFIED',
          outcome: 'DONE',
        }),
      ).rejects.toMatchObject({ code: 'CHANNEL_REQUIRED', field: 'input.channel' });
      await expect(
        s.handovers.resolveItem(boss, { handoverId, key: 'JOINT_VISIT', outcome: 'WAIVED' }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'input.note' });
      const items = (await s.handovers.byId(boss, handoverId)).checklist;
      expect(items.every((item) => item.state === 'OPEN')).toBe(true);
    });

    it('completes once every item is done or waived: the primary switches in one step', async () => {
      const e101 = accountManager('E101');
      await s.handovers.resolveItem(e101, {
        handoverId,
        key: 'CUSTOMER_NOTIFIED',
        outcome: 'DONE',
        channel: 'VISIT',
      });
      await s.handovers.resolveItem(e101, {
        handoverId,
        key: 'CONTACTS_INTRODUCED',
        outcome: 'DONE',
      });
      await s.handovers.resolveItem(e101, {
        handoverId,
        key: 'COORDINATION_REQUEST:CR-7001',
        outcome: 'DONE',
      });
      await s.handovers.resolveItem(boss, {
        handoverId,
        key: 'JOINT_VISIT',
        outcome: 'WAIVED',
        note: '客户总经理出差，改为视频会议介绍',
      });
      await expectOnePrimaryEach();
      await shadowedFor(dataSource, handoverId, 14);
      const done = await s.handovers.complete(accountManager('K101'), handoverId);
      expect(done.state).toBe('COMPLETED');
      expect(await primaryOf(accountId)).toBe('K101');
      await expectOnePrimaryEach();
      const events = await eventsAbout(dataSource, accountId);
      expect(events.slice(-3).map((e) => e.type)).toEqual([
        'ManagerAssigned',
        'TeamChanged',
        'HandoverCompleted',
      ]);
      expect(events.at(-3)?.payload).toMatchObject({
        managerId: 'K101',
        previousManagerId: 'E101',
        reason: 'HANDOVER',
      });
      expect(events.at(-2)?.payload).toEqual({ groupAccountId: accountId, members: [] });
      expect(await s.visibility.visible(accountManager('E101'), [accountId])).toEqual(new Set());
    });
  });

  it('lets exactly one of two concurrent handovers of an account through', async () => {
    const created = accountCreated('350104');
    const id = created.payload.groupAccountId;
    await deliver(dataSource, s, created);
    const plan = (toManagerId: string) =>
      s.handovers.plan(boss, { groupAccountId: id, toManagerId, reason: '区域调整，重新分配' });
    const outcomes = await Promise.allSettled([plan('E102'), plan('S100')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({
      code: 'ACCOUNT_IN_HANDOVER',
    });
    expect(await s.handovers.list(boss, { accountIds: [id], openOnly: true })).toHaveLength(1);
    await expectOnePrimaryEach();
  });

  describe('refuses bad requests with a code naming the field, and changes nothing', () => {
    let accountId: string;
    let cancelledId: string;
    const state = async () => ({
      primary: await primaryOf(accountId),
      handovers: await s.handovers.list(ADMIN, { accountIds: [accountId] }),
      events: (await eventsAbout(dataSource, accountId)).length,
    });

    beforeAll(async () => {
      const created = accountCreated('350105');
      accountId = created.payload.groupAccountId;
      await deliver(dataSource, s, created);
      const planned = await s.handovers.plan(boss, {
        groupAccountId: accountId,
        toManagerId: 'E102',
        reason: '区域调整，重新分配',
      });
      cancelledId = (
        await s.handovers.cancel(boss, { handoverId: planned.id, reason: '客户不同意更换' })
      ).id;
      await registerManager(s, 'E199', 'STANDARD', { capacity: 0 });
    });

    it.each([
      ['an unknown manager', { toManagerId: 'E404' }, 'MANAGER_NOT_FOUND', 'input.toManagerId'],
      [
        'a handover to the current manager',
        { toManagerId: 'E101' },
        'HANDOVER_TO_SELF',
        'input.toManagerId',
      ],
      ['a manager without room', { toManagerId: 'E199' }, 'CAPACITY_EXCEEDED', 'input.toManagerId'],
      ['a reason too short', { reason: '调' }, 'INVALID_INPUT', 'input.reason'],
      ['a due day in the past', { dueOn: '2020-01-01' }, 'INVALID_INPUT', 'input.dueOn'],
    ])('planning with %s', async (_case, change, code, field) => {
      const before = await state();
      await expect(
        s.handovers.plan(boss, {
          groupAccountId: accountId,
          toManagerId: 'E102',
          reason: '区域调整，重新分配',
          ...change,
        }),
      ).rejects.toMatchObject({ code, field });
      expect(await state()).toEqual(before);
    });

    it('a grade that cannot own the tier', async () => {
      const created = accountCreated('350106');
      const id = created.payload.groupAccountId;
      await deliver(dataSource, s, tierChanged(id, 'B', 'C'));
      await deliver(dataSource, s, created);
      const owner = await primaryOf(id);
      expect(['K101', 'S100']).toContain(owner);
      await expect(
        s.assignments.assign(boss, {
          groupAccountId: id,
          managerId: 'E101',
          reason: '客户要求更换',
        }),
      ).rejects.toMatchObject({ code: 'GRADE_CANNOT_OWN_TIER', field: 'input.managerId' });
      expect(await primaryOf(id)).toBe(owner);
    });

    it('completing a cancelled handover', async () => {
      const before = await state();
      await expect(s.handovers.complete(boss, cancelledId)).rejects.toMatchObject({
        code: 'HANDOVER_CANCELLED',
        field: 'id',
      });
      expect(await state()).toEqual(before);
    });

    it('registering a manager with bad fields, each named', async () => {
      await expect(
        s.managers.register(ADMIN, {
          id: 'E 1',
          name: ' ',
          grade: 'STANDARD',
          regions: ['3501'],
          industries: ['Z'],
          capacity: -5,
          supervisorId: null,
        }),
      ).rejects.toMatchObject({
        violations: [
          expect.objectContaining({ field: 'input.id', reason: 'EMPLOYEE_NUMBER_INVALID' }),
          expect.objectContaining({ field: 'input.name', reason: 'REQUIRED' }),
          expect.objectContaining({ field: 'input.regions[0]', reason: 'REGION_INVALID' }),
          expect.objectContaining({ field: 'input.industries[0]', reason: 'INDUSTRY_UNKNOWN' }),
          expect.objectContaining({ field: 'input.capacity', reason: 'NEGATIVE' }),
        ],
      });
    });
  });
});
