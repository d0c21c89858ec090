import type { DataSource } from 'typeorm';
import { todayInChina, addDays } from '@gap/calendar';
import {
  bundleServices,
  eventsAbout,
  manager,
  openBundlesTestDatabase,
  rejection,
  seedAccount,
  seedCatalogue,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;
const SELLER = manager('M1001');
const STRANGER = manager('M9009');
const today = todayInChina();

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('subscriptions');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(async () => {
  await services.trialQueue.stop();
  await dataSource.destroy();
});

/** An accepted SME bundle for a tier-B account: DIA, 10 fixed lines, mobile office for 20. */
async function subscribed() {
  const accountId = await seedAccount(dataSource, { tier: 'B', managerId: 'M1001' });
  const id = await services.drafting.draft(SELLER, {
    groupAccountId: accountId,
    templateCode: 'SME_BUSINESS',
    lines: [
      { productCode: 'DIA', quantity: 1, attributes: [{ name: 'bandwidthMbps', value: '100' }] },
      { productCode: 'FIXED_LINE', quantity: 10, attributes: [] },
      { productCode: 'MOBILE_OFFICE', quantity: 20, attributes: [] },
    ],
  });
  await services.commands.submit(SELLER, { id });
  await services.commands.send(SELLER, { id });
  await services.commands.accept(SELLER, { id });
  const all = await services.queries.subscriptionsOf(SELLER, accountId);
  const fixed = all.find((s) => s.productCode === 'FIXED_LINE');
  if (!fixed) throw new Error('no fixed-line subscription');
  return { accountId, fixed };
}

const priceLines = (id: string) =>
  dataSource.query<{ quantity: number; net: string; on: string; tier: string }[]>(
    `SELECT quantity, monthly_net_fen AS net, to_char(effective_on, 'YYYY-MM-DD') AS on, tier
       FROM bundles.subscription_price WHERE subscription_id = $1 ORDER BY id`,
    [id],
  );

describe('changing and ending a subscription', () => {
  it('re-prices a new quantity as sold, kept as a new price line from its day', async () => {
    const { accountId, fixed } = await subscribed();
    // The account moved to tier A meanwhile: what was sold keeps tier B's terms.
    await dataSource.query(`UPDATE bundles.account SET tier = 'A' WHERE group_account_id = $1`, [
      accountId,
    ]);
    const effectiveOn = addDays(today, 3);
    await services.subscriptions.change(SELLER, {
      id: fixed.id,
      quantity: 20,
      effectiveOn,
      version: 1,
    });
    const [after] = (await services.queries.subscriptionsOf(SELLER, accountId)).filter(
      (s) => s.id === fixed.id,
    );
    expect(after).toMatchObject({
      quantity: 20,
      version: 2,
      monthlyNetFen: fixed.monthlyNetFen * 2,
    });
    expect(await priceLines(fixed.id)).toEqual([
      { quantity: 10, net: String(fixed.monthlyNetFen), on: fixed.startsOn, tier: 'B' },
      { quantity: 20, net: String(fixed.monthlyNetFen * 2), on: effectiveOn, tier: 'B' },
    ]);
    const changed = (await eventsAbout(dataSource, accountId)).filter(
      (e) => e.type === 'SubscriptionChanged',
    );
    expect(changed.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        subscriptionId: fixed.id,
        previousQuantity: 10,
        quantity: 20,
        previousMonthlyNetFen: String(fixed.monthlyNetFen),
        monthlyNetFen: String(fixed.monthlyNetFen * 2),
        effectiveOn,
        changedBy: 'M1001',
      }),
    ]);
  });

  it('refuses a stale version, a day in the past, a quantity beyond the bundle and a stranger, writing nothing', async () => {
    const { fixed } = await subscribed();
    const change = { id: fixed.id, quantity: 12, effectiveOn: today, version: 1 };
    const cases: [Promise<unknown>, string, string][] = [
      [
        services.subscriptions.change(SELLER, { ...change, version: 2 }),
        'SUBSCRIPTION_VERSION_CONFLICT',
        'input.version',
      ],
      [
        services.subscriptions.change(SELLER, { ...change, effectiveOn: addDays(today, -1) }),
        'SUBSCRIPTION_DATE_TOO_EARLY',
        'input.effectiveOn',
      ],
      [
        services.subscriptions.change(SELLER, { ...change, quantity: 51 }),
        'SUBSCRIPTION_QUANTITY_OUT_OF_RANGE',
        'input.quantity',
      ],
      [
        services.subscriptions.change(SELLER, { ...change, quantity: 10 }),
        'SUBSCRIPTION_UNCHANGED',
        'input.quantity',
      ],
      [services.subscriptions.change(STRANGER, change), 'SUBSCRIPTION_NOT_FOUND', 'input.id'],
    ];
    for (const [work, code, field] of cases) {
      const refusal = await rejection(work);
      expect([refusal.code, refusal.field ?? refusal.violations[0]?.field]).toEqual([code, field]);
    }
    expect(await priceLines(fixed.id)).toHaveLength(1);
  });

  it('ends on its last day once; a change after it or with the old version is refused', async () => {
    const { accountId, fixed } = await subscribed();
    const endsOn = addDays(today, 30);
    await services.subscriptions.end(SELLER, {
      id: fixed.id,
      endsOn,
      reason: '客户搬迁',
      version: 1,
    });
    const [ended] = (await services.queries.subscriptionsOf(SELLER, accountId)).filter(
      (s) => s.id === fixed.id,
    );
    expect(ended).toMatchObject({ state: 'ENDED', endsOn, version: 2 });
    const again = await rejection(
      services.subscriptions.end(SELLER, { id: fixed.id, endsOn, reason: 'x', version: 1 }),
    );
    expect(again.code).toBe('SUBSCRIPTION_VERSION_CONFLICT');
    const change = await rejection(
      services.subscriptions.change(SELLER, {
        id: fixed.id,
        quantity: 5,
        effectiveOn: today,
        version: 2,
      }),
    );
    expect([change.code, change.field]).toEqual(['SUBSCRIPTION_ENDED', 'input.id']);
    const types = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(types.filter((t) => t === 'SubscriptionEnded')).toHaveLength(1);
    const early = await rejection(
      services.subscriptions.end(SELLER, {
        id: (await subscribed()).fixed.id,
        endsOn: addDays(today, -1),
        reason: 'x',
        version: 1,
      }),
    );
    expect([early.code, early.violations[0]?.field]).toEqual([
      'SUBSCRIPTION_DATE_TOO_EARLY',
      'input.endsOn',
    ]);
  });
});
