import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope, EventPayload, EventType } from '@gap/contracts';
import {
  EventConsumer,
  OutboxPublisher,
  type DeliveredRecord,
  type EventTransport,
  type MessagingService,
} from '@gap/messaging';
import { openOwnTestDatabase } from '@gap/testing';
import { TierExplanationRepository } from '../explanation/tier-explanation.repository.js';
import { TierExplanationService } from '../explanation/tier-explanation.service.js';
import { TIERING_MIGRATIONS, TIERING_SCHEMA } from '../migrations/index.js';
import { TierOverrideRepository } from '../overrides/tier-override.repository.js';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { ApplyTieringRunService } from '../runs/apply-tiering-run.service.js';
import { StartTieringRunService } from '../runs/start-tiering-run.service.js';
import { TieringRunRepository } from '../runs/tiering-run.repository.js';
import { AccountTierEntity } from '../tier-assignment/account-tier.entity.js';
import { AccountTierRepository } from '../tier-assignment/account-tier.repository.js';
import { TierAssignmentService } from '../tier-assignment/tier-assignment.service.js';
import { AccountProfileRepository } from '../value/account-profile.repository.js';
import { TieringPolicyRepository } from '../value/tiering-policy.repository.js';
import { AccountVisibility } from '../visibility/account-visibility.repository.js';
import { BundlesEventsConsumer } from './bundles-events.consumer.js';
import { BundlesLinksService } from './bundles-links.service.js';
import { SubscriptionRevenueRepository } from './subscription-revenue.repository.js';

let dataSource: DataSource;
let consumer: EventConsumer;
let explanationStore: TierExplanationRepository;
let explanations: TierExplanationService;
let offset = 0;
const admin = { subject: 'A1', roles: ['ADMIN' as const] };

function envelope<T extends EventType>(
  type: T,
  aggregateId: string,
  payload: EventPayload<T>,
): EventEnvelope<T> {
  const id = randomUUID();
  const occurredAt = new Date().toISOString();
  return {
    id,
    type,
    version: 1,
    occurredAt,
    aggregateId,
    correlationId: id,
    causationId: null,
    payload,
  };
}

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
  dataSource = await openOwnTestDatabase('tiering_bundles_links', {
    schema: TIERING_SCHEMA,
    entities: [AccountTierEntity],
    migrations: TIERING_MIGRATIONS,
  });
  let handlers = {};
  const messaging = {
    consume: (options: { handlers: object }) => {
      handlers = options.handlers;
    },
  } as unknown as MessagingService;
  const links = new BundlesLinksService(new SubscriptionRevenueRepository());
  new BundlesEventsConsumer(messaging, links).onModuleInit();
  const transport = { publish: () => Promise.resolve() } as unknown as EventTransport;
  consumer = new EventConsumer(dataSource, transport, {
    groupId: 'tiering-bundles',
    handlers,
    retryDelayMs: 1,
  });
  const visibility = new AccountVisibility(dataSource);
  const overrides = new TierOverrideService(
    new TierOverrideRepository(dataSource),
    new OutboxPublisher(dataSource),
    visibility,
  );
  explanationStore = new TierExplanationRepository(dataSource);
  explanations = new TierExplanationService(
    explanationStore,
    new TieringPolicyRepository(dataSource),
    overrides,
    visibility,
  );
});
afterAll(() => dataSource?.destroy());

const started = (
  accountId: string,
  subscriptionId: string,
  monthlyNetFen: string,
  startsOn: string,
) =>
  envelope('SubscriptionStarted', accountId, {
    subscriptionId,
    groupAccountId: accountId,
    proposalId: null,
    productCode: 'LEASED_LINE_100M',
    productVersion: 1,
    quantity: 1,
    monthlyNetFen,
    startsOn,
  });

const changed = (
  accountId: string,
  subscriptionId: string,
  amounts: { from: string; to: string },
  effectiveOn: string,
) =>
  envelope('SubscriptionChanged', accountId, {
    subscriptionId,
    groupAccountId: accountId,
    productCode: 'LEASED_LINE_100M',
    productVersion: 1,
    previousQuantity: 1,
    quantity: 2,
    previousMonthlyNetFen: amounts.from,
    monthlyNetFen: amounts.to,
    effectiveOn,
    changedBy: 'E801',
  });

const ended = (accountId: string, subscriptionId: string, endsOn: string) =>
  envelope('SubscriptionEnded', accountId, {
    subscriptionId,
    groupAccountId: accountId,
    productCode: 'LEASED_LINE_100M',
    endsOn,
    endedBy: 'E801',
  });

const row = async (subscriptionId: string) =>
  (
    await dataSource.query<Record<string, string | null>[]>(
      `SELECT monthly_net_fen AS "monthlyNetFen", to_char(amount_from, 'YYYY-MM-DD') AS "amountFrom",
              to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
         FROM tiering.subscription_revenue WHERE subscription_id = $1`,
      [subscriptionId],
    )
  )[0];

const mrrOn = (accountId: string, today: string) =>
  explanationStore.findContractedMonthlyRecurring(accountId, today);

describe('subscriptions’ monthly recurring revenue from the bundles service', () => {
  it('applies a start, a change and an end once each, however often they are delivered', async () => {
    const accountId = randomUUID();
    const id = randomUUID();
    const start = started(accountId, id, '1200000', '2026-01-01');
    const change = changed(accountId, id, { from: '1200000', to: '1800000' }, '2026-03-01');
    const end = ended(accountId, id, '2026-06-30');
    expect(await consume(start, start)).toEqual(['applied', 'duplicate']);
    expect(await row(id)).toEqual({
      monthlyNetFen: '1200000',
      amountFrom: '2026-01-01',
      startsOn: '2026-01-01',
      endsOn: null,
    });
    expect(await consume(change)).toEqual(['applied']);
    expect(await consume(change, end)).toEqual(['duplicate', 'applied']);
    expect(await consume(end)).toEqual(['duplicate']);
    expect(await row(id)).toEqual({
      monthlyNetFen: '1800000',
      amountFrom: '2026-03-01',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    // Before the start nothing; the old amount until the change; nothing after the last day.
    expect(await mrrOn(accountId, '2025-12-31')).toBe('0');
    expect(await mrrOn(accountId, '2026-02-28')).toBe('1200000');
    expect(await mrrOn(accountId, '2026-03-01')).toBe('1800000');
    expect(await mrrOn(accountId, '2026-06-30')).toBe('1800000');
    expect(await mrrOn(accountId, '2026-07-01')).toBe('0');
  });

  it('keeps an end that arrives before its start: the start does not revive the subscription', async () => {
    const accountId = randomUUID();
    const id = randomUUID();
    expect(await consume(ended(accountId, id, '2026-04-30'))).toEqual(['applied']);
    expect(await mrrOn(accountId, '2026-02-01')).toBe('0');
    expect(await consume(started(accountId, id, '500000', '2026-01-01'))).toEqual(['applied']);
    expect(await row(id)).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-04-30' });
    expect(await mrrOn(accountId, '2026-02-01')).toBe('500000');
    expect(await mrrOn(accountId, '2026-05-01')).toBe('0');
  });

  it('keeps the latest change whatever order the changes and the start arrive in', async () => {
    const accountId = randomUUID();
    const id = randomUUID();
    const later = changed(accountId, id, { from: '700000', to: '900000' }, '2026-05-01');
    const earlier = changed(accountId, id, { from: '500000', to: '700000' }, '2026-03-01');
    expect(await consume(later, earlier)).toEqual(['applied', 'applied']);
    // Not counted until its start is known.
    expect(await mrrOn(accountId, '2026-06-01')).toBe('0');
    expect(await consume(started(accountId, id, '500000', '2026-01-01'))).toEqual(['applied']);
    expect(await row(id)).toMatchObject({ monthlyNetFen: '900000', amountFrom: '2026-05-01' });
    expect(await mrrOn(accountId, '2026-06-01')).toBe('900000');
  });
});

describe('a tier’s explanation beside the subscriptions', () => {
  it('shows the contracted monthly recurring revenue beside billed revenue, leaving the value as it was', async () => {
    const accountId = randomUUID();
    const tiers = new TierAssignmentService(
      new AccountTierRepository(dataSource),
      new OutboxPublisher(dataSource),
      new AccountVisibility(dataSource),
      new TieringPolicyRepository(dataSource),
    );
    const created = envelope('AccountCreated', accountId, {
      groupAccountId: accountId,
      accountCode: 'GA00700001',
      name: '厦门港务物流有限公司',
      creditCode: '91350200MA0000001X',
      type: 'ENTERPRISE',
      industryCode: 'G',
      regionCode: '350200',
      status: 'ACTIVE',
      employees: 400,
    });
    await dataSource.transaction(async (tx) => {
      await new AccountProfileRepository().onAccountCreated(created, tx);
      await tiers.onAccountCreated(created, tx);
    });
    await dataSource.query(
      `INSERT INTO tiering.value_input (group_account_id, month, revenue_data, revenue_leased_line, cost_operating, loaded_by)
       VALUES ($1, '2026-08-01', 60000, 30000, 20000, 'spec'), ($1, '2026-09-01', 60000, 30000, 20000, 'spec')`,
      [accountId],
    );
    const runs = new TieringRunRepository(dataSource);
    const policies = new TieringPolicyRepository(dataSource);
    const preview = await new StartTieringRunService(runs, policies).preview(admin, '2026-10');
    const overrides = new TierOverrideRepository(dataSource);
    await new ApplyTieringRunService(runs, overrides, new OutboxPublisher(dataSource)).apply(
      admin,
      preview.runId,
      '2026-11-01',
    );
    const valued = (today: string) =>
      explanations.explain(admin, accountId, 'tierExplanation', today).then((e) => ({
        tier: e.tier,
        inputs: e.inputs,
        components: e.components,
        placement: e.placement,
        contractedMonthlyRecurringRevenue: e.contractedMonthlyRecurringRevenue,
      }));
    const before = await valued('2026-11-15');
    expect(before.contractedMonthlyRecurringRevenue).toBe('0');
    expect(before.inputs?.revenue).toBe(180_000);

    const line = randomUUID();
    const vpmn = randomUUID();
    const gone = randomUUID();
    expect(
      await consume(
        started(accountId, line, '3000000', '2026-10-01'),
        started(accountId, vpmn, '250050', '2026-11-01'),
        started(accountId, gone, '990000', '2026-01-01'),
        ended(accountId, gone, '2026-10-31'),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'applied']);

    const after = await valued('2026-11-15');
    expect(after.contractedMonthlyRecurringRevenue).toBe('3250050');
    // Billed revenue already holds what the subscriptions billed: the value is not touched.
    expect({ ...after, contractedMonthlyRecurringRevenue: '0' }).toEqual(before);
    const values = await explanations.valuesOf(admin, [accountId]);
    expect(values.get(accountId)?.current).toBe(before.components?.currentValue);
  });
});
