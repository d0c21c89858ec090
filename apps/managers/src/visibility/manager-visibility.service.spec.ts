import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import type { EventEnvelope } from '@gap/contracts';
import { DomainError } from '@gap/errors';
import { accountScopeOf, PortfolioStore, portfolioTableSql, scopeCondition } from '@gap/portfolio';
import { TeamService } from '../assignment/team.service.js';
import {
  accountCreated,
  accountManager,
  ADMIN,
  deliver,
  managersServices,
  openManagersTestDatabase,
  registerManager,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';

const PROJECTION = 'portfolio_check';

/**
 * The managers service reads its own tables as the source of truth for who sees which
 * account; the other services read a projection of its events through @gap/portfolio. Both
 * must say the same: the projection is built here from the events this service recorded, and
 * the two answers compared for every caller.
 */
describe('manager visibility', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  const accounts: string[] = [];

  const projectedVisible = async (caller: Caller): Promise<Set<string>> => {
    const condition = scopeCondition(
      accountScopeOf(caller),
      PROJECTION,
      'g.id',
      'g.registered_by',
      '$2',
    );
    const rows = await dataSource.query<{ id: string }[]>(
      `SELECT g.id FROM managers.group_account g WHERE g.id = ANY($1::uuid[]) AND ${condition}`,
      [accounts, caller.subject],
    );
    return new Set(rows.map((row) => row.id));
  };

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('visibility');
    s = managersServices(dataSource);
    await registerManager(s, 'S600', 'KEY_ACCOUNT', { capacity: 0 });
    await registerManager(s, 'E601', 'STANDARD', { supervisorId: 'S600', capacity: 2 });
    await registerManager(s, 'E602', 'STANDARD', { supervisorId: 'S600', capacity: 0 });
    await registerManager(s, 'E603', 'STANDARD', { capacity: 0 });
    // Two accounts for E601, one handed over to E602 (shadowing); a team member on the other.
    for (let i = 0; i < 2; i += 1) {
      const created = accountCreated('350102');
      await deliver(dataSource, s, created);
      accounts.push(created.payload.groupAccountId);
    }
    const [first = '', second = ''] = accounts;
    await s.managers.update(ADMIN, { id: 'E602', capacity: 1 });
    const planned = await s.handovers.plan(supervisor('S600'), {
      groupAccountId: first,
      toManagerId: 'E602',
      reason: '区域调整',
    });
    await s.handovers.start(ADMIN, planned.id);
    await s.get(TeamService).setTeamMember(ADMIN, {
      groupAccountId: second,
      managerId: 'E603',
      role: 'BACKUP',
    });
    // One account nobody may take yet (outside every region, no room): its registrar follows it.
    const orphan = accountCreated('650102', { registeredBy: 'E603' });
    await deliver(dataSource, s, orphan);
    accounts.push(orphan.payload.groupAccountId);

    await dataSource.query(`CREATE SCHEMA ${PROJECTION}`);
    for (const sql of portfolioTableSql(PROJECTION)) await dataSource.query(sql);
    const projection = new PortfolioStore(PROJECTION);
    const events = await dataSource.query<
      { envelope: EventEnvelope<'ManagerAssigned' | 'TeamChanged'> }[]
    >(
      `SELECT envelope FROM managers.outbox WHERE event_type IN ('ManagerAssigned', 'TeamChanged') ORDER BY seq`,
    );
    await dataSource.transaction(async (manager) => {
      for (const { envelope } of events) {
        if (envelope.type === 'ManagerAssigned') {
          await projection.onManagerAssigned(envelope as EventEnvelope<'ManagerAssigned'>, manager);
        } else {
          await projection.onTeamChanged(envelope as EventEnvelope<'TeamChanged'>, manager);
        }
      }
    });
  });

  afterAll(() => dataSource?.destroy());

  it.each([
    ['the primary manager', accountManager('E601'), 2],
    ['the incoming manager while shadowing', accountManager('E602'), 1],
    ['a team member, and the registrar of an account without a manager', accountManager('E603'), 2],
    ['the supervisor', supervisor('S600'), 2],
    ['a manager with nothing', accountManager('E699'), 0],
    ['an admin', ADMIN, 3],
  ])('shows %s what the portfolio projection shows', async (_who, caller, expected) => {
    const own = await s.visibility.visible(caller, accounts);
    expect(own.size).toBe(expected);
    expect(own).toEqual(await projectedVisible(caller));
  });

  it('refuses an account the caller may not see as not found, in both languages', async () => {
    const refusal = await s.visibility
      .assertVisible(accountManager('E699'), accounts[0] ?? '', 'groupAccountId')
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND' });
    expect((refusal as DomainError).messageIn('zh-CN')).toContain('没有您可见的集团客户');
    expect((refusal as DomainError).messageIn('en')).toContain('visible to you');
  });
});
