import type { DataSource } from 'typeorm';
import {
  bundleServices,
  eventsAbout,
  manager,
  openBundlesTestDatabase,
  rejection,
  seedAccount,
  seedCatalogue,
  supervisor,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;
const SELLER = manager('M1001');
const STRANGER = manager('M9009');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('trials');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(async () => {
  await services.trialQueue.stop();
  await dataSource.destroy();
});

const account = (tier: 'A' | 'B' | 'C' = 'C') =>
  seedAccount(dataSource, { tier, managerId: 'M1001', supervisorId: 'S1001' });
const smeLines = () => [
  { productCode: 'DIA', quantity: 1, attributes: [{ name: 'bandwidthMbps', value: '100' }] },
  { productCode: 'FIXED_LINE', quantity: 10, attributes: [] },
  { productCode: 'MOBILE_OFFICE', quantity: 20, attributes: [] },
];
const startSme = (accountId: string, now?: Date) =>
  services.trials.start(SELLER, { groupAccountId: accountId, templateCode: 'SME_BUSINESS' }, now);
const jobsOf = async (trialId: string) => {
  const rows = await dataSource.query<{ startAfter: Date }[]>(
    `SELECT start_after AS "startAfter" FROM bundles_jobs.job
      WHERE data ->> 'trialId' = $1 ORDER BY start_after`,
    [trialId],
  );
  return rows.map((r) => new Date(r.startAfter).toISOString());
};
const trialRows = async () =>
  Number(
    (await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM bundles.trial'))[0]?.n,
  );

describe('a trial through its life', () => {
  it('runs for the policy’s length at the account’s tier and plans its reminders and expiry once', async () => {
    const tierC = await account('C');
    const tierB = await account('B');
    const at = new Date('2026-12-01T02:00:00Z');
    const c = await services.trialQueries.byId(SELLER, await startSme(tierC, at));
    const b = await services.trialQueries.byId(SELLER, await startSme(tierB, at));
    expect(c).toMatchObject({
      state: 'ACTIVE',
      tier: 'C',
      subjectKind: 'TEMPLATE',
      reminderDays: [7, 1],
    });
    expect(c.endsAt.getTime() - at.getTime()).toBe(14 * DAY);
    expect(b.endsAt.getTime() - at.getTime()).toBe(30 * DAY);
    const planned = [7, 1, 0].map((d) => new Date(c.endsAt.getTime() - d * DAY).toISOString());
    expect(await jobsOf(c.id)).toEqual(planned);
    // Planning every open trial again (the start-up sweep) adds no job.
    expect(await services.trialScheduler.replanOpen()).toBeGreaterThanOrEqual(2);
    expect(await jobsOf(c.id)).toEqual(planned);
    expect((await eventsAbout(dataSource, tierC)).map((e) => e.type)).toEqual(['TrialStarted']);
  });

  it('sends each reminder once at its moment, never early, whoever runs its job how often', async () => {
    const accountId = await account('C');
    const id = await startSme(accountId, daysAgo(10));
    const first = { trialId: id, kind: 'REMINDER' as const, reminder: 1, firesAt: '' };
    const second = { ...first, reminder: 2 };
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => services.trialWorker.fire(first)));
    expect(outcomes.filter((o) => o.kind === 'FIRED')).toHaveLength(1);
    expect((await services.trialWorker.fire(first)).kind).toBe('ALREADY_FIRED');
    expect(await services.trialWorker.fire(second)).toMatchObject({ kind: 'NOT_DUE' });
    const ending = (await eventsAbout(dataSource, accountId)).filter(
      (e) => e.type === 'TrialEnding',
    );
    expect(ending.map((e) => [e.payload['reminder'], e.payload['daysLeft']])).toEqual([[1, 7]]);
    expect((await services.trialQueries.byId(SELLER, id)).remindersSent).toBe(1);
  });

  it('expires exactly once after the end and never before it', async () => {
    const running = await startSme(await account('C'));
    const expiry = (trialId: string) => ({
      trialId,
      kind: 'EXPIRY' as const,
      reminder: 0,
      firesAt: '',
    });
    expect(await services.trialWorker.fire(expiry(running))).toMatchObject({ kind: 'NOT_DUE' });
    expect((await services.trialQueries.byId(SELLER, running)).state).toBe('ACTIVE');

    const accountId = await account('C');
    const ended = await startSme(accountId, daysAgo(15));
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => services.trialWorker.fire(expiry(ended))),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['CLOSED', 'CLOSED', 'FIRED']);
    expect((await services.trialWorker.fire(expiry(ended))).kind).toBe('CLOSED');
    const reminder = { trialId: ended, kind: 'REMINDER' as const, reminder: 2, firesAt: '' };
    expect((await services.trialWorker.fire(reminder)).kind).toBe('CLOSED');
    expect(await services.trialQueries.byId(SELLER, ended)).toMatchObject({
      state: 'EXPIRED',
      closedBy: null,
    });
    const types = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(types).toEqual(['TrialStarted', 'TrialExpired']);
  });

  it('converts into subscriptions priced now, as an accepted proposal would start them', async () => {
    const accountId = await account('C');
    const id = await startSme(accountId);
    await services.trials.convert(SELLER, { id, version: 1, lines: smeLines() });
    const trial = await services.trialQueries.byId(SELLER, id);
    expect(trial).toMatchObject({ state: 'CONVERTED', closedBy: 'M1001', version: 2 });
    const subscriptions = await services.queries.subscriptionsOf(SELLER, accountId);
    expect(subscriptions.map((s) => s.id).sort()).toEqual([...trial.subscriptionIds].sort());
    expect(subscriptions.map((s) => [s.productCode, s.quantity]).sort()).toEqual([
      ['DIA', 1],
      ['FIXED_LINE', 10],
      ['MOBILE_OFFICE', 20],
    ]);
    const events = await eventsAbout(dataSource, accountId);
    expect(events.map((e) => e.type)).toEqual([
      'TrialStarted',
      'SubscriptionStarted',
      'SubscriptionStarted',
      'SubscriptionStarted',
      'TrialConverted',
    ]);
    const expiry = { trialId: id, kind: 'EXPIRY' as const, reminder: 0, firesAt: '' };
    expect((await services.trialWorker.fire(expiry, new Date(Date.now() + 60 * DAY))).kind).toBe(
      'CLOSED',
    );
  });

  it('converts a module tried alone at its list price less the tier discount', async () => {
    const accountId = await account('B');
    const id = await services.trials.start(SELLER, {
      groupAccountId: accountId,
      productCode: 'SMS_BROADCAST',
    });
    const lines = [
      {
        productCode: 'SMS_BROADCAST',
        quantity: 2,
        attributes: [{ name: 'channel', value: 'MARKETING' }],
      },
    ];
    await services.trials.convert(SELLER, { id, lines });
    const [subscription] = await services.queries.subscriptionsOf(SELLER, accountId);
    // (450 + 50 yuan) × 2, less tier B's 8 %.
    expect(subscription).toMatchObject({
      productCode: 'SMS_BROADCAST',
      quantity: 2,
      monthlyNetFen: 92_000,
    });
  });

  it('refuses to convert after the end, writing nothing', async () => {
    const id = await startSme(await account('C'), daysAgo(20));
    const before = await trialRows();
    const refusal = await rejection(services.trials.convert(SELLER, { id, lines: smeLines() }));
    expect([refusal.code, refusal.field]).toEqual(['TRIAL_ENDED', 'input.id']);
    expect((await services.trialQueries.byId(SELLER, id)).state).toBe('ACTIVE');
    expect(await trialRows()).toBe(before);
  });

  it('keeps one open trial per account and subject until it closes', async () => {
    const accountId = await account('C');
    const id = await startSme(accountId);
    const again = await rejection(startSme(accountId));
    expect([again.code, again.field]).toEqual(['TRIAL_ALREADY_OPEN', 'input.templateCode']);
    const stale = await rejection(services.trials.endEarly(SELLER, { id, version: 7 }));
    expect([stale.code, stale.field]).toEqual(['TRIAL_VERSION_CONFLICT', 'input.version']);
    await services.trials.endEarly(SELLER, { id, version: 1 });
    expect(await services.trialQueries.byId(SELLER, id)).toMatchObject({
      state: 'EXPIRED',
      closedBy: 'M1001',
    });
    const twice = await rejection(services.trials.endEarly(SELLER, { id }));
    expect(twice.code).toBe('TRIAL_NOT_ACTIVE');
    await startSme(accountId);
    const expired = (await eventsAbout(dataSource, accountId)).filter(
      (e) => e.type === 'TrialExpired',
    );
    expect(expired.map((e) => e.payload['endedBy'])).toEqual(['M1001']);
  });

  it('refuses a manager outside the account’s portfolio, and a trial of both or neither subject', async () => {
    const accountId = await account('C');
    const id = await startSme(accountId);
    const before = await trialRows();
    const outside = await rejection(
      services.trials.start(STRANGER, { groupAccountId: accountId, productCode: 'VPMN' }),
    );
    expect([outside.code, outside.field]).toEqual([
      'GROUP_ACCOUNT_NOT_FOUND',
      'input.groupAccountId',
    ]);
    const listed = await services.trialQueries.list(
      SELLER,
      { groupAccountId: accountId },
      { first: 5 },
    );
    expect(listed.edges.map((e) => e.node.id)).toEqual([id]);
    const convert = await rejection(services.trials.convert(STRANGER, { id, lines: smeLines() }));
    expect([convert.code, convert.field]).toEqual(['TRIAL_NOT_FOUND', 'input.id']);
    expect(await rejection(services.trialQueries.byId(STRANGER, id))).toMatchObject({
      code: 'TRIAL_NOT_FOUND',
    });
    expect(
      (await services.trialQueries.list(STRANGER, { groupAccountId: accountId }, { first: 5 }))
        .edges,
    ).toEqual([]);
    const both = await rejection(
      services.trials.start(SELLER, {
        groupAccountId: accountId,
        templateCode: 'SME_BUSINESS',
        productCode: 'VPMN',
      }),
    );
    expect([both.code, both.field]).toEqual(['TRIAL_SUBJECT_INVALID', 'input.templateCode']);
    expect(await trialRows()).toBe(before);
  });

  it('reports conversions of those started in the period, by subject and tier', async () => {
    const start = new Date('2025-03-10T02:00:00Z');
    const later = new Date('2025-03-12T02:00:00Z');
    const iot = (accountId: string, now: Date) =>
      services.trials.start(
        SELLER,
        { groupAccountId: accountId, productCode: 'CLOUD_STORAGE' },
        now,
      );
    const converted = await iot(await account('B'), start);
    await services.trials.convert(
      SELLER,
      { id: converted, lines: [{ productCode: 'CLOUD_STORAGE', quantity: 1, attributes: [] }] },
      later,
    );
    await services.trials.endEarly(SELLER, { id: await iot(await account('B'), start) }, later);
    const lapsed = await iot(await account('B'), start);
    const expiry = { trialId: lapsed, kind: 'EXPIRY' as const, reminder: 0, firesAt: '' };
    expect((await services.trialWorker.fire(expiry)).kind).toBe('FIRED');
    await iot(await account('A'), later);
    await iot(await account('A'), new Date('2025-04-01T02:00:00Z'));

    const rates = await services.trialQueries.conversion(
      supervisor('S1001'),
      '2025-03-01',
      '2025-03-31',
    );
    expect(rates.filter((r) => r.subjectCode === 'CLOUD_STORAGE')).toEqual([
      {
        subjectKind: 'PRODUCT',
        subjectCode: 'CLOUD_STORAGE',
        tier: 'A',
        started: 1,
        converted: 0,
        expired: 0,
        active: 1,
        conversionBp: 0,
        closedConversionBp: null,
      },
      {
        subjectKind: 'PRODUCT',
        subjectCode: 'CLOUD_STORAGE',
        tier: 'B',
        started: 3,
        converted: 1,
        expired: 2,
        active: 0,
        conversionBp: 3_333,
        closedConversionBp: 3_333,
      },
    ]);
    const refusal = await rejection(
      services.trialQueries.conversion(SELLER, '2025-03-01', '2025-03-31'),
    );
    expect(refusal.code).toBe('FORBIDDEN');
  });

  it('fires a trial’s reminders and expiry from the durable queue once each', async () => {
    const accountId = await account('C');
    const id = await startSme(accountId, daysAgo(30));
    await services.trialQueue.work((job) => services.trialWorker.run(job));
    const deadline = Date.now() + 20_000;
    while (
      (await services.trialQueries.byId(SELLER, id)).state === 'ACTIVE' &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await services.trialQueries.byId(SELLER, id)).state).toBe('EXPIRED');
    const types = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(types.filter((t) => t === 'TrialExpired')).toHaveLength(1);
    expect(types.filter((t) => t === 'TrialEnding').length).toBeLessThanOrEqual(2);
  }, 30_000);
});
