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
import { CoordinationEventsConsumer } from './coordination-events.consumer.js';
import { CoordinationLinksService } from './coordination-links.service.js';

let dataSource: DataSource;
let s: ManagersServices;
let consumer: EventConsumer;
let offset = 0;
const boss = supervisor('S700');

/** Delivers the events as one batch through the service's consumer, inbox and all. */
function consume(...events: EventEnvelope[]) {
  const records = events.map((event): DeliveredRecord => ({
    topic: 'coordination.events.v1',
    partition: 0,
    offset: String(++offset),
    key: event.aggregateId,
    value: JSON.stringify(event),
    headers: {},
  }));
  return consumer.consumeBatch(records);
}

beforeAll(async () => {
  dataSource = await openManagersTestDatabase('coordination_links');
  s = managersServices(dataSource);
  await registerManager(s, 'S700', 'KEY_ACCOUNT', { regions: ['350000'], capacity: 50 });
  await registerManager(s, 'E701', 'STANDARD', { supervisorId: 'S700' });
  await registerManager(s, 'E702', 'STANDARD', { regions: ['350200'], supervisorId: 'S700' });
  let handlers = {};
  const messaging = {
    consume: (options: { handlers: object }) => {
      handlers = options.handlers;
    },
  } as unknown as MessagingService;
  new CoordinationEventsConsumer(messaging, s.get(CoordinationLinksService)).onModuleInit();
  const transport = { publish: () => Promise.resolve() } as unknown as EventTransport;
  consumer = new EventConsumer(dataSource, transport, {
    groupId: 'managers-coordination',
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

function submitted(accountId: string, type = 'LEASED_LINE_BUILD', reference = 'CR-2026-000701') {
  const requestId = randomUUID();
  return envelope('RequestSubmitted', accountId, {
    requestId,
    groupAccountId: accountId,
    type,
    priority: 'P2',
    raisedByKind: 'MANAGER',
    raisedBy: 'E701',
    reference,
    title: '福州软件园专线新装',
  });
}

const about = (e: EventEnvelope<'RequestSubmitted'>) => ({
  requestId: e.payload.requestId,
  groupAccountId: e.payload.groupAccountId,
  type: e.payload.type,
});

const closed = (e: EventEnvelope<'RequestSubmitted'>) =>
  envelope('RequestClosed', e.aggregateId, {
    ...about(e),
    priority: 'P2',
    raisedByKind: 'MANAGER',
    raisedBy: 'E701',
    reopenCount: 0,
    by: 'C3001',
  });

const complaintClosed = (
  e: EventEnvelope<'RequestSubmitted'>,
  satisfaction: number,
): EventEnvelope<'ComplaintClosed'> =>
  envelope('ComplaintClosed', e.aggregateId, {
    requestId: e.payload.requestId,
    groupAccountId: e.payload.groupAccountId,
    category: 'NETWORK_QUALITY',
    satisfaction,
    confirmsResolution: true,
    callbacks: 1,
    reopenCount: 0,
    by: 'C3001',
  } satisfies EventPayload<'ComplaintClosed'>);

const checklistOf = async (handoverId: string) => {
  const handover = await s.handovers.byId(ADMIN, handoverId);
  return handover.checklist
    .filter((item) => item.source === 'OPEN_WORK')
    .map((item) => ({ key: item.key, label: item.label, state: item.state }))
    .sort((a, b) => a.label.localeCompare(b.label));
};

describe('open coordination requests in a handover’s checklist', () => {
  it('lists the account’s open requests, adds those opened later, and ticks off those that end', async () => {
    const accountId = await newAccount();
    const first = submitted(accountId);
    expect(await consume(first)).toEqual(['applied']);

    const handover = await s.handovers.plan(boss, {
      groupAccountId: accountId,
      toManagerId: 'E702',
      reason: '区域调整，重新分配',
    });
    const firstKey = `COORDINATION_REQUEST:${first.payload.requestId}`;
    expect(await checklistOf(handover.id)).toEqual([
      { key: firstKey, label: 'Pass on: CR-2026-000701 福州软件园专线新装', state: 'OPEN' },
    ]);

    const second = submitted(accountId, 'SPECIAL_PRICING', 'CR-2026-000702');
    const secondKey = `COORDINATION_REQUEST:${second.payload.requestId}`;
    const cancelled = envelope('RequestCancelled', accountId, {
      ...about(second),
      reason: '客户撤回了需求',
      by: 'C3001',
    });
    expect(await consume(second, closed(first))).toEqual(['applied', 'applied']);
    expect(await checklistOf(handover.id)).toEqual([
      { key: firstKey, label: 'Pass on: CR-2026-000701 福州软件园专线新装', state: 'DONE' },
      { key: secondKey, label: 'Pass on: CR-2026-000702 福州软件园专线新装', state: 'OPEN' },
    ]);
    await s.handovers.start(boss, handover.id);
    const refused = await s.handovers
      .complete(boss, handover.id)
      .catch((error: DomainError) => error);
    expect(refused).toMatchObject({ code: 'CHECKLIST_INCOMPLETE' });
    // The open request holds the handover back; the closed one no longer does.
    const message = (refused as DomainError).messageIn('en');
    expect(message).toContain(secondKey);
    expect(message).not.toContain(firstKey);

    expect(await consume(cancelled)).toEqual(['applied']);
    expect((await checklistOf(handover.id)).map((i) => i.state)).toEqual(['DONE', 'DONE']);
    // Delivered again (a redelivery after a crash): nothing changes twice.
    expect(await consume(cancelled)).toEqual(['duplicate']);

    const reopened = envelope('RequestReopened', accountId, {
      ...about(first),
      reference: 'CR-2026-000701',
      title: '福州软件园专线新装',
      reason: '客户反馈线路仍不通',
      reopenCount: 1,
      by: 'C3001',
    });
    expect(await consume(reopened)).toEqual(['applied']);
    expect((await checklistOf(handover.id)).map((i) => [i.key, i.state])).toEqual([
      [firstKey, 'OPEN'],
      [secondKey, 'DONE'],
    ]);
    const open = await dataSource.query<{ ref: string }[]>(
      `SELECT ref FROM managers.open_work_item WHERE group_account_id = $1 AND closed_at IS NULL`,
      [accountId],
    );
    expect(open).toEqual([{ ref: first.payload.requestId }]);
  });

  it('keeps an item someone waived as they left it when the request is reopened', async () => {
    const accountId = await newAccount();
    const request = submitted(accountId, 'OTHER', 'CR-2026-000703');
    await consume(request);
    const handover = await s.handovers.plan(boss, {
      groupAccountId: accountId,
      toManagerId: 'E702',
      reason: '区域调整，重新分配',
    });
    const key = `COORDINATION_REQUEST:${request.payload.requestId}`;
    await s.handovers.resolveItem(boss, {
      handoverId: handover.id,
      key,
      outcome: 'WAIVED',
      note: '新经理已了解此需求的全部情况',
    });
    await consume(
      envelope('RequestReopened', accountId, {
        ...about(request),
        reference: 'CR-2026-000703',
        title: '福州软件园专线新装',
        reason: null,
        reopenCount: 1,
        by: 'C3001',
      }),
    );
    expect((await checklistOf(handover.id)).map((i) => i.state)).toEqual(['WAIVED']);
  });
});

describe('closed requests and complaints on the manager’s scorecard', () => {
  it('counts what closed on their accounts, with the customers’ mean satisfaction', async () => {
    await registerManager(s, 'E711', 'STANDARD', { regions: ['350600'] });
    const created = accountCreated('350602');
    await deliver(dataSource, s, created);
    const accountId = created.payload.groupAccountId;
    const before = (await s.managers.scorecards(['E711'])).get('E711');
    expect(before).toMatchObject({
      requestsClosed: 0,
      complaintsClosed: 0,
      complaintSatisfaction: null,
    });

    const build = submitted(accountId);
    const unhappy = submitted(accountId, 'COMPLAINT', 'CR-2026-000711');
    const happy = submitted(accountId, 'COMPLAINT', 'CR-2026-000712');
    await consume(build, unhappy, happy);
    await consume(closed(build), closed(unhappy), complaintClosed(unhappy, 2));
    await consume(closed(happy), complaintClosed(happy, 5));
    // A complaint closed again after a reopening counts once, with its latest satisfaction.
    await consume(closed(unhappy), complaintClosed(unhappy, 3));

    expect((await s.managers.scorecards(['E711'])).get('E711')).toMatchObject({
      requestsClosed: 3,
      complaintsClosed: 2,
      complaintSatisfaction: 4,
    });
  });
});
