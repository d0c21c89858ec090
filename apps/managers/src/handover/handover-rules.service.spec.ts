import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import {
  accountManager,
  ADMIN,
  managersServices,
  openManagersTestDatabase,
  primaryViolations,
  registerManager,
  seedAccount,
  shadowedFor,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';

/**
 * The rules a handover's completion and checklist keep, each against its own accounts: the
 * incoming manager is checked again, both managers shadow for the policy's period, the
 * incoming manager cannot waive alone, a supervisor acts only within their team.
 */
describe('handover rules', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  const boss = supervisor('S500');
  let counter = 0;

  const primaryOf = async (accountId: string) =>
    (
      await dataSource.query<{ managerId: string }[]>(
        'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
        [accountId],
      )
    )[0]?.managerId ?? null;

  /** A B account of E501 in a handover to a fresh senior manager, shadowing, items resolved. */
  async function readyHandover(options: { shadowDays?: number; resolve?: boolean } = {}) {
    counter += 1;
    const incoming = `K5${String(counter).padStart(2, '0')}`;
    await registerManager(s, incoming, 'SENIOR', { supervisorId: 'S500' });
    const accountId = await seedAccount(dataSource, 'B', 'E501');
    const planned = await s.handovers.plan(boss, {
      groupAccountId: accountId,
      toManagerId: incoming,
      reason: '战略客户',
    });
    await s.handovers.start(boss, planned.id);
    if (options.resolve ?? true) {
      for (const item of planned.checklist) {
        await s.handovers.resolveItem(boss, {
          handoverId: planned.id,
          key: item.key,
          outcome: 'DONE',
          channel: item.kind === 'CUSTOMER_NOTIFIED' ? 'VISIT' : null,
        });
      }
    }
    await shadowedFor(dataSource, planned.id, options.shadowDays ?? 7);
    return { id: planned.id, accountId, incoming, incomingCaller: accountManager(incoming) };
  }

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('handover_rules');
    s = managersServices(dataSource);
    await registerManager(s, 'S500', 'KEY_ACCOUNT', { capacity: 0 });
    await registerManager(s, 'E501', 'SENIOR', { supervisorId: 'S500', capacity: 1000 });
    await registerManager(s, 'S590', 'KEY_ACCOUNT', { capacity: 0 });
  });

  afterAll(() => dataSource?.destroy());

  it('accepts a short Chinese reason such as 战略客户', async () => {
    const { id } = await readyHandover();
    expect((await s.handovers.byId(ADMIN, id)).reason).toBe('战略客户');
  });

  it('refuses completion when the incoming manager is no longer active', async () => {
    const h = await readyHandover();
    await s.managers.update(ADMIN, { id: h.incoming, status: 'ON_LEAVE' });
    await expect(s.handovers.complete(boss, h.id)).rejects.toMatchObject({
      code: 'INCOMING_MANAGER_NOT_ACTIVE',
      field: 'id',
    });
    expect(await primaryOf(h.accountId)).toBe('E501');
    expect((await s.handovers.byId(ADMIN, h.id)).state).toBe('SHADOWING');
  });

  it('refuses completion when the incoming manager’s grade no longer fits the tier', async () => {
    const h = await readyHandover();
    await s.managers.update(ADMIN, { id: h.incoming, grade: 'STANDARD' });
    await expect(s.handovers.complete(boss, h.id)).rejects.toMatchObject({
      code: 'INCOMING_GRADE_CANNOT_OWN_TIER',
    });
    expect(await primaryOf(h.accountId)).toBe('E501');
  });

  it('refuses completion before the tier’s minimum shadow period, and completes after it', async () => {
    const h = await readyHandover({ shadowDays: 6 });
    const refused = await s.handovers.complete(boss, h.id).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'SHADOW_PERIOD_NOT_OVER', field: 'id' });
    expect((refused as { messageIn(locale: string): string }).messageIn('zh-CN')).toContain(
      '至少陪跑 7 天',
    );
    await shadowedFor(dataSource, h.id, 7);
    expect((await s.handovers.complete(h.incomingCaller, h.id)).state).toBe('COMPLETED');
    expect(await primaryOf(h.accountId)).toBe(h.incoming);
    expect(await primaryViolations(dataSource)).toEqual([]);
  });

  it('refuses the incoming manager alone waiving a checklist item; the supervisor may', async () => {
    const h = await readyHandover({ resolve: false });
    const waive = (caller: Caller) =>
      s.handovers.resolveItem(caller, {
        handoverId: h.id,
        key: 'CONTACTS_INTRODUCED',
        outcome: 'WAIVED',
        note: '战略客户',
      });
    await expect(waive(h.incomingCaller)).rejects.toMatchObject({ code: 'WAIVER_NOT_ALLOWED' });
    await expect(waive(accountManager('E501'))).rejects.toMatchObject({
      code: 'WAIVER_NOT_ALLOWED',
    });
    const waived = await waive(boss);
    expect(waived.checklist.find((i) => i.key === 'CONTACTS_INTRODUCED')).toMatchObject({
      state: 'WAIVED',
      note: '战略客户',
      resolvedBy: 'S500',
    });
  });

  it('refuses a supervisor acting on a handover outside their team with FORBIDDEN', async () => {
    const h = await readyHandover({ resolve: false });
    const outsider = supervisor('S590');
    await expect(s.handovers.complete(outsider, h.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      s.handovers.cancel(outsider, { handoverId: h.id, reason: '不在本团队' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await seedAccount(dataSource, 'C', 'E501');
    await expect(
      s.handovers.plan(outsider, {
        groupAccountId: other,
        toManagerId: h.incoming,
        reason: '区域调整',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.handovers.byId(ADMIN, h.id)).state).toBe('SHADOWING');
  });
});
