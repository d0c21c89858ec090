import type { DataSource } from 'typeorm';
import {
  ADMIN,
  bundleServices,
  manager,
  openBundlesTestDatabase,
  rejection,
  seedAccount,
  seedCatalogue,
  seedSubscription,
  seedTrial,
  supervisor,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;
const NOW = new Date('2026-06-15T04:00:00Z');
const SELLER = manager('M3001');
const BOSS = supervisor('S3001');
const STRANGER = manager('M9009');

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('adoption_awareness');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(async () => {
  await services.trialQueue.stop();
  await dataSource.destroy();
});

const account = () => seedAccount(dataSource, { managerId: 'M3001', supervisorId: 'S3001' });
const presentations = (accountId: string) =>
  dataSource.query<{ product: string; on: string; channel: string; by: string }[]>(
    `SELECT product_code AS product, to_char(presented_on, 'YYYY-MM-DD') AS on, channel,
            presented_by AS by
       FROM bundles.awareness WHERE group_account_id = $1 ORDER BY presented_on, product_code`,
    [accountId],
  );
const presented = (groupAccountId: string, overrides: Record<string, string> = {}) => ({
  groupAccountId,
  productCode: 'MOBILE_OFFICE',
  channel: 'VISIT' as const,
  presentedOn: '2026-06-14',
  note: '客户对移动办公很感兴趣。',
  ...overrides,
});

describe('recording that a product was presented', () => {
  it('keeps one record per account, product and day: the first stands, a repeat adds nothing', async () => {
    const accountId = await account();
    const first = await services.awareness.record(SELLER, presented(accountId), NOW);
    const again = await services.awareness.record(
      BOSS,
      presented(accountId, { channel: 'CALL' }),
      NOW,
    );
    await services.awareness.record(BOSS, presented(accountId, { presentedOn: '2026-06-15' }), NOW);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ channel: 'VISIT', presentedBy: 'M3001' });
    expect(await presentations(accountId)).toEqual([
      { product: 'MOBILE_OFFICE', on: '2026-06-14', channel: 'VISIT', by: 'M3001' },
      { product: 'MOBILE_OFFICE', on: '2026-06-15', channel: 'VISIT', by: 'S3001' },
    ]);
  });

  it('is refused to a seller outside the portfolio as an account they cannot see, writing nothing', async () => {
    const accountId = await account();
    const error = await rejection(services.awareness.record(STRANGER, presented(accountId), NOW));
    expect(error).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND', field: 'input.groupAccountId' });
    const coordinator = await rejection(
      services.awareness.record(
        { subject: 'C0001', roles: ['COORDINATOR'] },
        presented(accountId),
        NOW,
      ),
    );
    expect(coordinator.code).toBe('FORBIDDEN');
    expect(await presentations(accountId)).toEqual([]);
  });

  it('refuses a day ahead or more than a year back, and a product not on sale, naming the field', async () => {
    const accountId = await account();
    for (const presentedOn of ['2026-06-16', '2025-06-13']) {
      const error = await rejection(
        services.awareness.record(SELLER, presented(accountId, { presentedOn }), NOW),
      );
      expect(error.code).toBe('PRESENTED_ON_OUT_OF_RANGE');
      expect(error.violations.map((v) => v.field)).toEqual(['input.presentedOn']);
    }
    const draft = await rejection(
      services.awareness.record(SELLER, presented(accountId, { productCode: 'PRIVATE_5G' }), NOW),
    );
    expect(draft).toMatchObject({ code: 'BUNDLE_PRODUCT_NOT_FOUND', field: 'input.productCode' });
    expect(await presentations(accountId)).toEqual([]);
  });
});

describe("an account's adoption", () => {
  it('shows each subscription’s latest month against its entitlement, and each product’s stage', async () => {
    const accountId = await account();
    const office = await seedSubscription(dataSource, accountId, { quantity: 20 });
    const sms = await seedSubscription(dataSource, accountId, { productCode: 'SMS_BROADCAST' });
    await seedTrial(
      dataSource,
      accountId,
      { kind: 'PRODUCT', code: 'CLOUD_STORAGE' },
      '2026-05-02',
    );
    await services.awareness.record(
      SELLER,
      presented(accountId, { presentedOn: '2026-05-10' }),
      NOW,
    );
    await services.awareness.record(
      SELLER,
      presented(accountId, { productCode: 'VPMN', presentedOn: '2026-06-01' }),
      NOW,
    );
    const csv = `subscriptionId,month,usage\n${office},2026-04,5\n${office},2026-05,15`;
    await services.usageImport.import(ADMIN, 'CSV', csv, {}, NOW);

    const adoption = await services.adoption.ofAccount(SELLER, accountId, NOW);
    expect(adoption?.subscriptions).toEqual(
      expect.arrayContaining([
        {
          subscriptionId: office,
          productCode: 'MOBILE_OFFICE',
          family: 'MOBILE_OFFICE',
          state: 'ACTIVE',
          month: '2026-05',
          usage: 15,
          entitlement: 20,
          adoptionBp: 7500,
        },
        {
          subscriptionId: sms,
          productCode: 'SMS_BROADCAST',
          family: 'SMS',
          state: 'ACTIVE',
          month: null,
          usage: null,
          entitlement: null,
          adoptionBp: null,
        },
      ]),
    );
    expect(adoption?.products).toEqual([
      stage('CLOUD_STORAGE', 'CLOUD', { trialled: true }),
      stage('MOBILE_OFFICE', 'MOBILE_OFFICE', {
        aware: true,
        lastPresentedOn: '2026-05-10',
        subscribed: true,
      }),
      stage('SMS_BROADCAST', 'SMS', { subscribed: true }),
      stage('VPMN', 'GROUP_SHORT_NUMBER', { aware: true, lastPresentedOn: '2026-06-01' }),
    ]);
    expect(await services.adoption.ofAccount(STRANGER, accountId, NOW)).toBeNull();
  });
});

function stage(productCode: string, family: string, reached: Record<string, unknown>) {
  return {
    productCode,
    family,
    aware: false,
    lastPresentedOn: null,
    trialled: false,
    subscribed: false,
    ...reached,
  };
}
