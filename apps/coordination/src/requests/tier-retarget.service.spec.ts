import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import {
  accountEventsConsumer,
  accountManager,
  auditOf,
  coordinator,
  envelope,
  leasedLine,
  openCoordinationTestDatabase,
  requestServices,
  seedAccount,
  type RequestServices,
} from '../testing/requests-harness.js';

let dataSource: DataSource;
let services: RequestServices;
let deliver: (event: EventEnvelope) => Promise<void>;
const TEAM = coordinator('E1001');

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('tier_retarget');
  services = requestServices(dataSource);
  ({ deliver } = accountEventsConsumer(dataSource, services));
});
afterAll(() => dataSource.destroy());

const tierChanged = (accountId: string, tier: 'A' | 'B' | 'C', occurredAt: Date) => ({
  ...envelope('TierChanged', accountId, {
    groupAccountId: accountId,
    tier,
    previousTier: 'C',
    reason: 'PARETO',
    policyVersion: 'v1',
    runId: null,
    overrideId: null,
    effectiveFrom: occurredAt.toISOString().slice(0, 10),
  }),
  occurredAt: occurredAt.toISOString(),
});

describe('a tier change re-targets the open clocks of the account', () => {
  it('counts the open requests under the new tier’s targets from the moment of the change', async () => {
    const accountId = await seedAccount(dataSource, 'M4001');
    const waiting = await services.submit(accountManager('M4001'), leasedLine(accountId));
    const working = await services.submit(accountManager('M4001'), leasedLine(accountId));
    await services.commands.triage(TEAM, {
      id: working,
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: [],
    });
    const ended = await services.submit(accountManager('M4001'), leasedLine(accountId));
    await services.commands.cancel(TEAM, { id: ended, reason: '客户撤回了需求' });
    const before = await services.queries.byId(TEAM, working);
    // Tier C until tiering says otherwise: a P2 build resolves in 10 days × 1.5.
    expect(before.resolutionClock?.targetMinutes).toBe(8100);
    expect((await services.queries.byId(TEAM, waiting)).responseClock?.targetMinutes).toBe(240);
    services.planner.replanned.length = 0;

    const changedAt = new Date();
    await deliver(tierChanged(accountId, 'A', changedAt));

    const moved = await services.queries.byId(TEAM, working);
    expect(moved.accountTier).toBe('A');
    expect(moved.resolutionClock).toMatchObject({ targetMinutes: 4050, run: 'RUNNING' });
    // The response clock stopped at triage: met under tier C, it keeps its target.
    expect(moved.responseClock).toMatchObject({ targetMinutes: 240, run: 'STOPPED' });
    expect(moved.version).toBe(before.version + 1);
    const untriaged = await services.queries.byId(TEAM, waiting);
    expect(untriaged).toMatchObject({ accountTier: 'A', responseClock: { targetMinutes: 60 } });
    expect((await services.queries.byId(TEAM, ended)).accountTier).toBe('C');
    expect(services.planner.replanned.sort()).toEqual([waiting, working].sort());

    const trail = await auditOf(dataSource, working);
    expect(trail.at(-1)).toMatchObject({
      actor: 'tiering',
      action: 'RETARGET',
      before: { clocks: { resolution: { targetMinutes: 8100, retargetedAt: null } } },
      after: {
        clocks: { resolution: { targetMinutes: 4050, retargetedAt: changedAt.toISOString() } },
      },
    });
    const [row] = await dataSource.query<{ dueAt: Date; breachAt: Date }[]>(
      'SELECT due_at AS "dueAt", breach_at AS "breachAt" FROM coordination.request WHERE id = $1',
      [working],
    );
    expect(row?.dueAt).toEqual(moved.resolutionClock?.dueAt);
    expect(row?.breachAt).toEqual(moved.resolutionClock?.dueAt);
  });

  it('changes nothing for a tier it already counts, or for an older word from tiering', async () => {
    const accountId = await seedAccount(dataSource, 'M4002', { tier: 'B' });
    const id = await services.submit(accountManager('M4002'), leasedLine(accountId));
    const before = await services.queries.byId(TEAM, id);
    await deliver(tierChanged(accountId, 'B', new Date()));
    await deliver(tierChanged(accountId, 'A', new Date(Date.now() - 86_400_000)));
    const after = await services.queries.byId(TEAM, id);
    expect(after).toMatchObject({ accountTier: 'B', version: before.version });
    expect((await auditOf(dataSource, id)).map((a) => a.action)).toEqual(['SUBMIT']);
  });
});
