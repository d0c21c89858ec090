import type { DataSource } from 'typeorm';
import { adoptionFunnel, PRODUCT_FAMILIES } from '@gap/bundles/domain';
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
import { reportPeriod } from './adoption-queries.service.js';

let dataSource: DataSource;
let services: BundleServices;
const NOW = new Date('2026-06-15T04:00:00Z');
const SELLER = manager('M2001');

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('adoption_report');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(async () => {
  await services.trialQueue.stop();
  await dataSource.destroy();
});

/** The domain's funnel over the facts the service reads for the same period. */
async function domainFunnel(from: string, to: string) {
  const facts = await services.adoptionRepository.facts(
    'ALL',
    ADMIN.subject,
    reportPeriod(from, to),
  );
  return adoptionFunnel(facts, 5000);
}

const presented = (groupAccountId: string, presentedOn: string, productCode = 'MOBILE_OFFICE') =>
  services.awareness.record(
    SELLER,
    { groupAccountId, productCode, channel: 'VISIT', presentedOn, note: null },
    NOW,
  );

describe('the adoption report', () => {
  it('counts each account once per stage by family and tier, as the domain does, for the period asked', async () => {
    const seller = { managerId: 'M2001' };
    const [a1, a2, a3, a4] = await Promise.all(
      [1, 2, 3, 4].map(() => seedAccount(dataSource, seller)),
    );
    const a5 = await seedAccount(dataSource, { tier: 'A', managerId: 'M2001' });
    const a6 = await seedAccount(dataSource, { tier: null, managerId: 'M2001' });
    if (!a1 || !a2 || !a3 || !a4) throw new Error('accounts missing');
    for (const [accountId, day] of [
      [a1, '2026-05-10'],
      [a2, '2026-05-11'],
      [a3, '2026-05-12'],
      [a4, '2026-05-13'],
    ] as const) {
      await presented(accountId, day);
    }
    await presented(a6, '2026-05-14', 'SMS_BROADCAST');
    const s1 = await seedSubscription(dataSource, a1, { quantity: 20 });
    const s2 = await seedSubscription(dataSource, a2, { quantity: 10 });
    await seedSubscription(dataSource, a5, { productCode: 'FIXED_LINE' });
    await seedSubscription(dataSource, a6, {
      productCode: 'SMS_BROADCAST',
      startsOn: '2025-06-01',
      endsOn: '2025-12-31',
    });
    await seedTrial(dataSource, a2, { kind: 'PRODUCT', code: 'MOBILE_OFFICE' }, '2026-02-01');
    // A bundle on trial counts for every product of it (SME_BUSINESS holds mobile office).
    await seedTrial(dataSource, a4, { kind: 'TEMPLATE', code: 'SME_BUSINESS' }, '2026-03-01');
    const csv = `subscriptionId,month,usage\n${s1},2026-04,5\n${s1},2026-05,15\n${s2},2026-05,2`;
    expect((await services.usageImport.import(ADMIN, 'CSV', csv, {}, NOW)).created).toBe(3);

    const half = await services.adoption.report(supervisor('S2001'), '2026-01-01', '2026-06-30');
    const row = (family: string, tier: string) =>
      half.find((r) => r.family === family && r.tier === tier);
    // Awareness is four times usage here: four accounts saw mobile office, one uses it well.
    expect(row('MOBILE_OFFICE', 'B')).toEqual({
      family: 'MOBILE_OFFICE',
      tier: 'B',
      aware: 4,
      trialled: 2,
      subscribed: 2,
      adopted: 1,
      meanAdoptionBp: 4750,
    });
    expect(row('FIXED_LINE', 'A')).toMatchObject({
      subscribed: 1,
      adopted: 0,
      meanAdoptionBp: null,
    });
    expect(row('FIXED_LINE', 'B')).toMatchObject({ aware: 0, trialled: 1, subscribed: 0 });
    // An account tiering has not placed counts as C; its subscription ended before the period.
    expect(row('SMS', 'C')).toMatchObject({ aware: 1, subscribed: 0 });
    expect(half).toEqual(await domainFunnel('2026-01-01', '2026-06-30'));

    // Up to April: no awareness yet, and a1's April usage (5 of 20) is the latest it has.
    const spring = await services.adoption.report(ADMIN, '2026-01-01', '2026-04-30');
    expect(spring.find((r) => r.family === 'MOBILE_OFFICE' && r.tier === 'B')).toEqual({
      family: 'MOBILE_OFFICE',
      tier: 'B',
      aware: 0,
      trialled: 2,
      subscribed: 2,
      adopted: 0,
      meanAdoptionBp: 2500,
    });
    expect(spring).toEqual(await domainFunnel('2026-01-01', '2026-04-30'));
  });

  it('equals the domain funnel over a varied book', async () => {
    // Everything in 2024, so that no other scenario of this file reaches the period.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const products = ['MOBILE_OFFICE', 'FIXED_LINE', 'VPMN', 'SMS_BROADCAST', 'IOT_CARD', 'DIA'];
    const tiers = ['A', 'B', 'C', null] as const;
    for (let i = 0; i < 40; i += 1) {
      const accountId = await seedAccount(dataSource, { tier: tiers[next(4)] ?? null });
      for (const productCode of products) {
        if (next(3) === 0) {
          await dataSource.query(
            `INSERT INTO bundles.awareness (group_account_id, product_code, presented_on, channel, presented_by)
             VALUES ($1, $2, $3, 'CALL', 'test')`,
            [accountId, productCode, `2024-0${1 + next(9)}-1${next(9)}`],
          );
        }
        if (next(5) === 0) {
          await seedTrial(
            dataSource,
            accountId,
            { kind: 'PRODUCT', code: productCode },
            '2024-03-01',
          );
        }
        if (next(3) === 0) {
          const id = await seedSubscription(dataSource, accountId, {
            productCode,
            quantity: 1 + next(50),
            startsOn: '2024-01-01',
            endsOn: '2024-12-31',
          });
          for (const month of ['2024-05', '2024-06'].slice(0, next(3))) {
            await dataSource.query(
              `INSERT INTO bundles.usage (subscription_id, month, usage, entitlement, imported_by)
               VALUES ($1, $2, $3, 1 + $4::int, 'test')`,
              [id, month, next(80), next(50)],
            );
          }
        }
      }
      if (next(4) === 0) {
        await seedTrial(
          dataSource,
          accountId,
          { kind: 'TEMPLATE', code: 'LINE_AND_VOICE' },
          '2024-04-01',
        );
      }
    }
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2024-02-01', '2024-05-31'],
    ] as const) {
      const report = await services.adoption.report(ADMIN, from, to);
      expect(report.length).toBeGreaterThan(PRODUCT_FAMILIES.length);
      expect(report.some((r) => r.adopted > 0 && r.meanAdoptionBp !== null)).toBe(true);
      expect(report).toEqual(await domainFunnel(from, to));
    }
  });

  it('is for supervisors and admins, over a period of at most three years', async () => {
    expect(
      (await rejection(services.adoption.report(SELLER, '2026-01-01', '2026-06-30'))).code,
    ).toBe('FORBIDDEN');
    const backwards = await rejection(services.adoption.report(ADMIN, '2026-06-30', '2026-01-01'));
    expect(backwards.violations.map((v) => [v.field, v.reason])).toEqual([
      ['to', 'PERIOD_INVALID'],
    ]);
  });
});
