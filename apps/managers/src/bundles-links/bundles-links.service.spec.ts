import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope, EventPayload } from '@gap/contracts';
import type { DomainError } from '@gap/errors';
import {
  EventConsumer,
  type DeliveredRecord,
  type EventTransport,
  type MessagingService,
} from '@gap/messaging';
import {
  accountCreated,
  ADMIN,
  deliver,
  envelope,
  managersServices,
  openManagersTestDatabase,
  registerManager,
  supervisor,
  type ManagersServices,
} from '../testing/harness.js';
import { BundlesEventsConsumer } from './bundles-events.consumer.js';
import { BundlesLinksService } from './bundles-links.service.js';

let dataSource: DataSource;
let s: ManagersServices;
let consumer: EventConsumer;
let offset = 0;
const boss = supervisor('S800');

/** Delivers the events as one batch through the service's consumer, inbox and all. */
function consume(...events: EventEnvelope[]) {
  const records = events.map((event): DeliveredRecord => ({
    topic: 'bundles.events.v1',
    partition: 0,
    offset: String(++offset),
    key: event.aggregateId,
    value: JSON.stringify(event),
    headers: {},
  }));
  return consumer.consumeBatch(records);
}

beforeAll(async () => {
  dataSource = await openManagersTestDatabase('bundles_links');
  s = managersServices(dataSource);
  await registerManager(s, 'S800', 'KEY_ACCOUNT', { regions: ['350000'], capacity: 50 });
  await registerManager(s, 'E801', 'STANDARD', { supervisorId: 'S800' });
  await registerManager(s, 'E802', 'STANDARD', { regions: ['350200'], supervisorId: 'S800' });
  let handlers = {};
  const messaging = {
    consume: (options: { handlers: object }) => {
      handlers = options.handlers;
    },
  } as unknown as MessagingService;
  new BundlesEventsConsumer(messaging, s.get(BundlesLinksService)).onModuleInit();
  const transport = { publish: () => Promise.resolve() } as unknown as EventTransport;
  consumer = new EventConsumer(dataSource, transport, {
    groupId: 'managers-bundles',
    handlers,
    retryDelayMs: 1,
  });
});
afterAll(() => dataSource?.destroy());

async function newAccount(): Promise<string> {
  const created = accountCreated('350102');
  await deliver(dataSource, s, created);
  return created.payload.groupAccountId;
}

const facts = (accountId: string, proposalId: string, revision = 1) => ({
  proposalId,
  groupAccountId: accountId,
  templateCode: 'SME_BUSINESS',
  templateVersion: 1,
  revision,
  authorId: 'E801',
});

const submitted = (accountId: string, proposalId: string = randomUUID(), revision = 1) =>
  envelope('ProposalSubmitted', proposalId, {
    ...facts(accountId, proposalId, revision),
    monthlyNetFen: '1234560',
    oneTimeNetFen: '300000',
    discountDepthBp: 1200,
    chain: ['SUPERVISOR', 'REGIONAL_DIRECTOR'],
  } satisfies EventPayload<'ProposalSubmitted'>);

const trialFacts = (accountId: string, trialId: string) => ({
  trialId,
  groupAccountId: accountId,
  subjectKind: 'TEMPLATE',
  subjectCode: 'SME_BUSINESS',
  tier: 'B',
  endsAt: '2027-01-15T16:00:00.000Z',
});

const checklistOf = async (handoverId: string) => {
  const handover = await s.handovers.byId(ADMIN, handoverId);
  return handover.checklist
    .filter((item) => item.source === 'OPEN_WORK')
    .map((item) => ({ key: item.key, label: item.label, state: item.state }))
    .sort((a, b) => a.key.localeCompare(b.key));
};

describe('open proposals and trials in a handover’s checklist', () => {
  it('lists a submitted proposal, holds the handover back until the customer answers, and reopens on resubmission', async () => {
    const accountId = await newAccount();
    const proposal = submitted(accountId);
    expect(await consume(proposal)).toEqual(['applied']);
    const handover = await s.handovers.plan(boss, {
      groupAccountId: accountId,
      toManagerId: 'E802',
      reason: '区域调整，重新分配',
    });
    const key = `BUNDLE_PROPOSAL:${proposal.payload.proposalId}`;
    expect(await checklistOf(handover.id)).toEqual([
      {
        key,
        label: 'Pass on: Bundle proposal SME_BUSINESS, revision 1, ¥12,345.60 a month',
        state: 'OPEN',
      },
    ]);
    await s.handovers.start(boss, handover.id);
    const refused = await s.handovers
      .complete(boss, handover.id)
      .catch((error: DomainError) => error);
    expect(refused).toMatchObject({ code: 'CHECKLIST_INCOMPLETE' });
    expect((refused as DomainError).messageIn('en')).toContain(key);

    const rejected = envelope('ProposalRejected', proposal.aggregateId, {
      ...facts(accountId, proposal.payload.proposalId),
      rejectedBy: 'S800',
      level: 'SUPERVISOR',
      comment: '折扣过深，请重新报价',
    } satisfies EventPayload<'ProposalRejected'>);
    expect(await consume(rejected)).toEqual(['applied']);
    expect((await checklistOf(handover.id)).map((i) => i.state)).toEqual(['DONE']);
    expect(await consume(rejected)).toEqual(['duplicate']);

    // Revised and submitted again: the same proposal is open work again.
    expect(await consume(submitted(accountId, proposal.payload.proposalId, 2))).toEqual([
      'applied',
    ]);
    expect(await checklistOf(handover.id)).toEqual([
      {
        key,
        label: 'Pass on: Bundle proposal SME_BUSINESS, revision 2, ¥12,345.60 a month',
        state: 'OPEN',
      },
    ]);
    const accepted = envelope('ProposalAccepted', proposal.aggregateId, {
      ...facts(accountId, proposal.payload.proposalId, 2),
      monthlyNetFen: '1234560',
      oneTimeNetFen: '300000',
      subscriptionIds: [randomUUID()],
    } satisfies EventPayload<'ProposalAccepted'>);
    expect(await consume(accepted)).toEqual(['applied']);
    expect((await checklistOf(handover.id)).map((i) => i.state)).toEqual(['DONE']);
    // What still holds the handover back is the manager's own part, no longer the proposal.
    const still = await s.handovers.complete(boss, handover.id).catch((e: DomainError) => e);
    expect(still).toMatchObject({ code: 'CHECKLIST_INCOMPLETE' });
    expect((still as DomainError).messageIn('en')).not.toContain(key);
  });

  it('lists a running trial until it is converted or ends', async () => {
    const accountId = await newAccount();
    const converting = randomUUID();
    const lapsing = randomUUID();
    await consume(
      envelope('TrialStarted', converting, {
        ...trialFacts(accountId, converting),
        startedAt: '2026-12-01T02:00:00.000Z',
        startedBy: 'E801',
      } satisfies EventPayload<'TrialStarted'>),
      envelope('TrialStarted', lapsing, {
        ...trialFacts(accountId, lapsing),
        subjectKind: 'PRODUCT',
        subjectCode: 'CLOUD_PBX',
        startedAt: '2026-12-01T02:00:00.000Z',
        startedBy: 'E801',
      } satisfies EventPayload<'TrialStarted'>),
    );
    const handover = await s.handovers.plan(boss, {
      groupAccountId: accountId,
      toManagerId: 'E802',
      reason: '区域调整，重新分配',
    });
    const labels = (await checklistOf(handover.id)).map((i) => [i.label, i.state]).sort();
    expect(labels).toEqual([
      ['Pass on: Trial of CLOUD_PBX until 2027-01-15', 'OPEN'],
      ['Pass on: Trial of SME_BUSINESS until 2027-01-15', 'OPEN'],
    ]);
    await consume(
      envelope('TrialConverted', converting, {
        ...trialFacts(accountId, converting),
        subscriptionIds: [randomUUID()],
        convertedBy: 'E801',
      } satisfies EventPayload<'TrialConverted'>),
      envelope('TrialExpired', lapsing, {
        ...trialFacts(accountId, lapsing),
        subjectKind: 'PRODUCT',
        subjectCode: 'CLOUD_PBX',
        endedBy: null,
      } satisfies EventPayload<'TrialExpired'>),
    );
    expect((await checklistOf(handover.id)).map((i) => i.state)).toEqual(['DONE', 'DONE']);
    const open = await dataSource.query<{ ref: string }[]>(
      `SELECT ref FROM managers.open_work_item WHERE group_account_id = $1 AND closed_at IS NULL`,
      [accountId],
    );
    expect(open).toEqual([]);
  });
});
