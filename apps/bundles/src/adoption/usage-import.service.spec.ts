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
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;
const NOW = new Date('2026-06-15T04:00:00Z');
const NIL = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('adoption_usage');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(async () => {
  await services.trialQueue.stop();
  await dataSource.destroy();
});

const usageOf = (subscriptionId: string) =>
  dataSource.query<{ month: string; usage: string; entitlement: string; by: string }[]>(
    `SELECT month, usage, entitlement, imported_by AS by FROM bundles.usage
      WHERE subscription_id = $1 ORDER BY month`,
    [subscriptionId],
  );
const usageRows = async () =>
  Number(
    (await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM bundles.usage'))[0]?.n,
  );

async function twoSubscriptions() {
  const accountId = await seedAccount(dataSource, { managerId: 'M1001' });
  const office = await seedSubscription(dataSource, accountId, { quantity: 20 });
  const lines = await seedSubscription(dataSource, accountId, {
    productCode: 'FIXED_LINE',
    quantity: 10,
    startsOn: '2026-03-05',
  });
  return { accountId, office, lines };
}

describe('importing monthly usage per subscription', () => {
  it('loads a CSV with a byte-order mark, the entitlement being the quantity subscribed', async () => {
    const { office, lines } = await twoSubscriptions();
    // Mobile office grew from 20 to 30 seats on 10 April: April's entitlement is 30.
    await dataSource.query(
      `INSERT INTO bundles.subscription_price (subscription_id, effective_on, quantity, tier,
         monthly_net_fen, monthly_gross_fen, line, changed_by)
       VALUES ($1, '2026-04-10', 30, 'B', 30000, 31800, '{}', 'test')`,
      [office],
    );
    const csv = [
      '\uFEFFsubscriptionId,month,usage',
      `${office},2026-03,12`,
      `${office},2026-04,27`,
      `${lines},2026-03,10`,
    ].join('\r\n');
    const report = await services.usageImport.import(ADMIN, 'CSV', csv, {}, NOW);
    expect(report).toEqual({
      total: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
      dryRun: false,
    });
    expect(await usageOf(office)).toEqual([
      { month: '2026-03', usage: '12', entitlement: '20', by: 'A0001' },
      { month: '2026-04', usage: '27', entitlement: '30', by: 'A0001' },
    ]);
    expect(await usageOf(lines)).toEqual([
      { month: '2026-03', usage: '10', entitlement: '10', by: 'A0001' },
    ]);
  });

  it('takes JSON too, and a re-run of the same file changes nothing while a corrected month replaces it', async () => {
    const { office } = await twoSubscriptions();
    const file = (usage: number) =>
      JSON.stringify({
        usage: [
          { subscriptionId: office, month: '2026-02', usage: 8 },
          { subscriptionId: office, month: '2026-03', usage },
        ],
      });
    await services.usageImport.import(ADMIN, 'JSON', file(9), {}, NOW);
    const again = await services.usageImport.import(ADMIN, 'JSON', file(9), {}, NOW);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    const corrected = await services.usageImport.import(
      { subject: 'A0002', roles: ['ADMIN'] },
      'JSON',
      file(14),
      {},
      NOW,
    );
    expect(corrected).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(await usageOf(office)).toEqual([
      { month: '2026-02', usage: '8', entitlement: '20', by: 'A0001' },
      { month: '2026-03', usage: '14', entitlement: '20', by: 'A0002' },
    ]);
  });

  it('refuses a file with wrong rows whole, naming each row and field, and writes nothing', async () => {
    const { office, lines } = await twoSubscriptions();
    const before = await usageRows();
    const csv = [
      'subscriptionId,month,usage',
      `${office},2026-03,12`,
      `${office},2026-13,-4`,
      `${lines},2026-02,3`,
      `${NIL},2026-03,1`,
      `not-an-id,2026-07,1.5`,
      `${office},2026-05,3`,
      `${office},2026-05,4`,
    ].join('\n');
    const report = await services.usageImport.import(ADMIN, 'CSV', csv, {}, NOW);
    expect(report).toMatchObject({ total: 7, created: 0, updated: 0, unchanged: 0, failed: 7 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [0, 'file', 'USAGE_FILE_REJECTED'],
      [2, 'month', 'MONTH_INVALID'],
      [2, 'usage', 'NEGATIVE'],
      [3, 'month', 'MONTH_OUTSIDE_SUBSCRIPTION'],
      [4, 'subscriptionId', 'SUBSCRIPTION_UNKNOWN'],
      [5, 'month', 'MONTH_IN_FUTURE'],
      [5, 'subscriptionId', 'SUBSCRIPTION_ID_INVALID'],
      [5, 'usage', 'NOT_AN_INTEGER'],
      [6, 'month', 'DUPLICATE_IN_FILE'],
      [7, 'month', 'DUPLICATE_IN_FILE'],
    ]);
    expect(await usageRows()).toBe(before);
    expect(await usageOf(office)).toEqual([]);
  });

  it('writes nothing of a file the database refuses half-way, and says it was rolled back', async () => {
    const { office, lines } = await twoSubscriptions();
    // Stands for any refusal no row check foresees, on the file's second row.
    await dataSource.query(`
      CREATE OR REPLACE FUNCTION bundles.refuse_usage_666() RETURNS trigger AS $$
      BEGIN
        IF NEW.usage = 666 THEN
          RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation', CONSTRAINT = 'usage_666';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await dataSource.query(`
      CREATE TRIGGER refuse_usage_666 AFTER INSERT ON bundles.usage
        FOR EACH ROW EXECUTE FUNCTION bundles.refuse_usage_666()`);
    try {
      const csv = `subscriptionId,month,usage\n${office},2026-03,12\n${lines},2026-03,666`;
      const report = await services.usageImport.import(ADMIN, 'CSV', csv, {}, NOW);
      expect(report).toMatchObject({ total: 2, created: 0, failed: 2 });
      expect(report.errors.map((e) => [e.row, e.code])).toEqual([[0, 'IMPORT_ROLLED_BACK']]);
      expect(await usageOf(office)).toEqual([]);
    } finally {
      await dataSource.query('DROP TRIGGER refuse_usage_666 ON bundles.usage');
    }
  });

  it('counts on a dry run what a real run would do, and keeps nothing', async () => {
    const { office } = await twoSubscriptions();
    const csv = `subscriptionId,month,usage\n${office},2026-03,12\n${office},2026-04,13`;
    const report = await services.usageImport.import(ADMIN, 'CSV', csv, { dryRun: true }, NOW);
    expect(report).toMatchObject({ total: 2, created: 2, failed: 0, dryRun: true });
    expect(await usageOf(office)).toEqual([]);
  });

  it('names an unknown column as a problem of the whole file', async () => {
    const error = await rejection(
      services.usageImport.import(
        ADMIN,
        'CSV',
        `subscriptionId,month,used\n${NIL},2026-03,1`,
        {},
        NOW,
      ),
    );
    expect(error).toMatchObject({ problem: { row: 0, field: 'used', code: 'UNKNOWN_COLUMN' } });
  });

  it('is for administrators only', async () => {
    const error = await rejection(
      services.usageImport.import(manager('M1001'), 'CSV', 'subscriptionId,month,usage\n'),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});
