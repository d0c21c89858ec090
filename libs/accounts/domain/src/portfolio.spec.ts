import fc from 'fast-check';
import { foldPortfolio, type PortfolioEvent, type PortfolioFacts } from './portfolio.js';

const ACCOUNTS = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
];
const START = Date.parse('2026-01-05T08:00:00.000Z');

/** A step of one producer for one account, before it gets its time. */
type Step = (groupAccountId: string) => PortfolioEvent;
const at = '';

const tieringStep: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom('A', 'B', 'C').map<Step>((tier) => (id) => ({
    type: 'TierChanged',
    occurredAt: at,
    payload: { groupAccountId: id, tier },
  })),
  fc
    .record({
      tier: fc.constantFrom('A', 'B', 'C'),
      previousTier: fc.constantFrom('A', 'B', 'C', null),
      segment: fc.constantFrom('VALUE', 'SECONDARY_VALUE', 'POTENTIAL_VALUE', 'LOW_VALUE'),
      currentValue: fc.bigInt(0n, 10n ** 12n).map(String),
      potentialValue: fc.bigInt(0n, 10n ** 12n).map(String),
      runId: fc.uuid(),
    })
    .map<Step>((payload) => (id) => ({
      type: 'AccountValued',
      occurredAt: at,
      payload: { groupAccountId: id, ...payload },
    })),
);

const MANAGERS = ['E1001', 'E1002', 'E1003', 'E1004'];
const HANDOVERS = ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002'];

const simpleManagersStep: fc.Arbitrary<Step[]> = fc.oneof(
  fc
    .record({ managerId: fc.constantFrom(...MANAGERS), supervisorId: fc.constantFrom('S1', null) })
    .map<Step[]>((p) => [
      (id) => ({ type: 'ManagerAssigned', occurredAt: at, payload: { groupAccountId: id, ...p } }),
    ]),
  fc.constantFrom(...MANAGERS, null).map<Step[]>((currentManagerId) => [
    (id) => ({
      type: 'AccountUnassignable',
      occurredAt: at,
      payload: { groupAccountId: id, currentManagerId },
    }),
  ]),
  fc.subarray(MANAGERS).map<Step[]>((members) => [
    (id) => ({
      type: 'TeamChanged',
      occurredAt: at,
      payload: { groupAccountId: id, members: members.map((managerId) => ({ managerId })) },
    }),
  ]),
);

/** A handover's life as the managers service publishes it: planned, maybe started, maybe overdue, then closed or still open. */
const handoverLife: fc.Arbitrary<Step[]> = fc
  .record({
    handoverId: fc.uuid(),
    toManagerId: fc.constantFrom(...MANAGERS),
    started: fc.boolean(),
    overdue: fc.boolean(),
    end: fc.constantFrom('HandoverCompleted', 'HandoverCancelled', null),
  })
  .map(({ handoverId, toManagerId, started, overdue, end }) => {
    const of = (id: string) => ({ groupAccountId: id, handoverId });
    const steps: Step[] = [
      (id) => ({ type: 'HandoverPlanned', occurredAt: at, payload: { ...of(id), toManagerId } }),
    ];
    if (started) {
      steps.push((id) => ({
        type: 'HandoverStarted',
        occurredAt: at,
        payload: { ...of(id), toManagerId },
      }));
    }
    if (overdue) steps.push((id) => ({ type: 'HandoverOverdue', occurredAt: at, payload: of(id) }));
    if (end) steps.push((id) => ({ type: end, occurredAt: at, payload: of(id) }));
    return steps;
  });

const REGIONS = ['350102', '350203', '110101'];
const STATUSES = ['PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED'];

/** The accounts service's own events after the creation: moves and status changes. */
const accountsStep: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom(...REGIONS).map<Step>((regionCode) => (id) => ({
    type: 'AccountUpdated',
    occurredAt: at,
    payload: { groupAccountId: id, regionCode },
  })),
  fc.constantFrom(...STATUSES).map<Step>((to) => (id) => ({
    type: 'AccountStatusChanged',
    occurredAt: at,
    payload: { groupAccountId: id, to },
  })),
);

/** The managers service's events for one account: assignments, teams and whole handovers. */
const managersSteps: fc.Arbitrary<Step[]> = fc
  .array(fc.oneof(simpleManagersStep, handoverLife), { maxLength: 5 })
  .map((parts) => parts.flat());

/**
 * Each producer's events for each account, in the order it published them, each at a later
 * time than the account's creation (the accounts service's event comes first in time, not
 * necessarily in arrival).
 */
const producerStreams = fc
  .array(
    fc.record({
      tiering: fc.array(tieringStep, { maxLength: 6 }),
      managers: managersSteps,
      accounts: fc.array(accountsStep, { maxLength: 4 }),
    }),
    { minLength: ACCOUNTS.length, maxLength: ACCOUNTS.length },
  )
  .map((perAccount) =>
    perAccount.flatMap(({ tiering, managers, accounts }, index) => {
      const id = ACCOUNTS[index] ?? '';
      let clock = START + index;
      const timed = (steps: Step[]) =>
        steps.map((step) => ({
          ...step(id),
          occurredAt: new Date((clock += 1_000)).toISOString(),
        }));
      const created: PortfolioEvent = {
        type: 'AccountCreated',
        occurredAt: new Date(START - 60_000).toISOString(),
        payload: { groupAccountId: id, regionCode: '350102', status: 'PROSPECT' },
      };
      return [[created, ...timed(accounts)], timed(tiering), timed(managers)];
    }),
  );

/** Interleaves streams, keeping each one's order: `picks` say which stream goes next. */
function interleave(
  streams: readonly PortfolioEvent[][],
  picks: readonly number[],
): PortfolioEvent[] {
  const queues = streams.map((stream) => [...stream]);
  const order: PortfolioEvent[] = [];
  let pick = 0;
  for (;;) {
    const open = queues.filter((queue) => queue.length > 0);
    if (open.length === 0) return order;
    const queue = open[(picks[pick++ % Math.max(picks.length, 1)] ?? 0) % open.length];
    const next = queue?.shift();
    if (next) order.push(next);
  }
}

function foldAll(events: readonly PortfolioEvent[]): Map<string, PortfolioFacts> {
  const rows = new Map<string, PortfolioFacts>();
  for (const event of events) {
    const id = event.payload.groupAccountId;
    rows.set(id, foldPortfolio(rows.get(id), event));
  }
  return rows;
}

const sorted = (rows: Map<string, PortfolioFacts>) =>
  [...rows.values()].sort((a, b) => a.groupAccountId.localeCompare(b.groupAccountId));

describe('the portfolio fold over events arriving from several producers', () => {
  it('reaches the same rows whatever the interleaving, each producer keeping its order per account', () => {
    fc.assert(
      fc.property(
        producerStreams,
        fc.array(fc.nat(), { minLength: 1, maxLength: 64 }),
        (streams, picks) => {
          const inOrder = sorted(foldAll(streams.flat()));
          expect(sorted(foldAll(interleave(streams, picks)))).toEqual(inOrder);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the manager named before the account was created, and the tier too', () => {
    const id = ACCOUNTS[0] ?? '';
    const rows = foldAll([
      {
        type: 'ManagerAssigned',
        occurredAt: '2026-01-05T09:00:00.000Z',
        payload: { groupAccountId: id, managerId: 'E1001', supervisorId: 'S1' },
      },
      {
        type: 'TierChanged',
        occurredAt: '2026-01-05T09:30:00.000Z',
        payload: { groupAccountId: id, tier: 'A' },
      },
      {
        type: 'AccountCreated',
        occurredAt: '2026-01-05T08:00:00.000Z',
        payload: { groupAccountId: id, regionCode: '350102', status: 'ACTIVE' },
      },
    ]);
    expect(rows.get(id)).toMatchObject({
      primaryManagerId: 'E1001',
      supervisorId: 'S1',
      tier: 'A',
      regionCode: '350102',
      status: 'ACTIVE',
      changedAt: '2026-01-05T09:30:00.000Z',
    });
  });

  it('follows the account to its new region and status, and keeps the region an update leaves out', () => {
    const id = ACCOUNTS[2] ?? '';
    const rows = foldAll([
      {
        type: 'AccountCreated',
        occurredAt: '2026-01-05T08:00:00.000Z',
        payload: { groupAccountId: id, regionCode: '350102', status: 'PROSPECT' },
      },
      {
        type: 'AccountUpdated',
        occurredAt: '2026-01-05T09:00:00.000Z',
        payload: { groupAccountId: id, regionCode: '350203' },
      },
      {
        type: 'AccountStatusChanged',
        occurredAt: '2026-01-05T10:00:00.000Z',
        payload: { groupAccountId: id, to: 'ACTIVE' },
      },
      {
        type: 'AccountUpdated',
        occurredAt: '2026-01-05T11:00:00.000Z',
        payload: { groupAccountId: id },
      },
    ]);
    expect(rows.get(id)).toMatchObject({
      regionCode: '350203',
      status: 'ACTIVE',
      changedAt: '2026-01-05T11:00:00.000Z',
    });
  });

  it('goes back to no handover once a planned and started handover completes', () => {
    const id = ACCOUNTS[1] ?? '';
    const handover = { groupAccountId: id, handoverId: HANDOVERS[0] ?? '' };
    const steps: PortfolioEvent[] = [
      {
        type: 'HandoverPlanned',
        occurredAt: '2026-01-05T09:00:00.000Z',
        payload: { ...handover, toManagerId: 'E1002' },
      },
      {
        type: 'HandoverStarted',
        occurredAt: '2026-01-06T09:00:00.000Z',
        payload: { ...handover, toManagerId: 'E1002' },
      },
    ];
    expect(sorted(foldAll(steps))[0]).toMatchObject({
      handoverState: 'SHADOWING',
      handoverToManagerId: 'E1002',
    });
    const done = foldAll([
      ...steps,
      { type: 'HandoverCompleted', occurredAt: '2026-01-07T09:00:00.000Z', payload: handover },
    ]);
    expect(done.get(id)).toMatchObject({
      handoverState: 'NONE',
      handoverId: null,
      handoverToManagerId: null,
    });
  });
});
