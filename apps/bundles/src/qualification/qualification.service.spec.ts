import type { DataSource } from 'typeorm';
import { qualify, SEED_TEMPLATES, type QualifyingAccount, type Tier } from '@gap/bundles/domain';
import { qualifyingOf } from '../accounts/account.repository.js';
import {
  ADMIN,
  bundleServices,
  manager,
  openBundlesTestDatabase,
  seedAccount,
  seedCatalogue,
  supervisor,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('qualification');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(() => dataSource.destroy());

describe('qualification of one account', () => {
  it('answers every template on sale: eligible, or every reason why not', async () => {
    const accountId = await seedAccount(dataSource, {
      tier: 'B',
      industry: 'I',
      employees: 120,
      regionCode: '440106',
      managerId: 'M1001',
    });
    const answers = await services.qualification.forAccount(
      manager('M1001'),
      accountId,
      'GroupAccount.qualifiedBundles',
    );
    expect(answers?.map((a) => a.templateCode).sort()).toEqual(
      SEED_TEMPLATES.filter((t) => t.lifecycle === 'ACTIVE')
        .map((t) => t.code)
        .sort(),
    );
    const byCode = new Map(answers?.map((a) => [a.templateCode, a]));
    expect(byCode.get('SME_BUSINESS')).toMatchObject({ eligible: true, reasons: [] });
    expect(byCode.get('LINE_AND_VOICE')?.reasons.map((r) => r.code)).toEqual([
      'EMPLOYEES_OUT_OF_RANGE',
    ]);
    expect(byCode.get('IOT_PACKAGE')?.reasons.map((r) => r.code)).toEqual([
      'INDUSTRY_NOT_ELIGIBLE',
      'LINES_OUT_OF_RANGE',
    ]);
  });

  it('tells nothing of an account outside the caller’s portfolio', async () => {
    const accountId = await seedAccount(dataSource, { managerId: 'M1001' });
    const answers = await services.qualification.forAccount(
      manager('M2002'),
      accountId,
      'GroupAccount.qualifiedBundles',
    );
    expect(answers).toBeNull();
  });
});

describe('qualification of a template over the book', () => {
  it('finds in one statement the accounts the domain finds one by one, counted by tier and city', async () => {
    const bookSource = await openBundlesTestDatabase('qualification_book');
    const bookServices = bundleServices(bookSource);
    await seedCatalogue(bookServices);
    const tiers: (Tier | null)[] = ['A', 'B', 'C', null];
    const industries = ['C', 'G', 'I', 'S'];
    const regions = ['440106', '440305', '320102', '110101'];
    const statuses = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'PROSPECT', 'SUSPENDED'];
    const book: QualifyingAccount[] = [];
    for (let i = 0; i < 240; i += 1) {
      const account = {
        tier: tiers[i % 4],
        industry: industries[(i >> 2) % 4],
        regionCode: regions[(i >> 4) % 4],
        status: statuses[i % 5],
        employees: i % 7 === 0 ? null : (i * 37) % 1_000,
        lines: i % 11 === 0 ? null : (i * 13) % 200,
        segment: i % 3 === 0 ? null : 'VALUE',
      };
      const id = await seedAccount(bookSource, account);
      book.push(
        qualifyingOf({
          id,
          status: account.status ?? null,
          industry: account.industry ?? null,
          regionCode: account.regionCode ?? null,
          employees: account.employees,
          lines: account.lines,
          tier: account.tier ?? null,
          segment: account.segment,
        }),
      );
    }
    let eligibleSomewhere = 0;
    try {
      for (const template of SEED_TEMPLATES.filter((t) => t.lifecycle === 'ACTIVE')) {
        const result = await bookServices.qualification.forTemplate(
          supervisor('S1001'),
          template.code,
          null,
          100,
        );
        const expected = book.filter((a) => qualify(a, template).eligible);
        expect(result.eligibleAccounts).toBe(expected.length);
        eligibleSomewhere += expected.length;
        expect([...result.accountIds].sort()).toEqual(expected.map((a) => a.id).sort());
        const count = (key: (a: QualifyingAccount) => string) => {
          const counts = new Map<string, number>();
          for (const a of expected) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
          return counts;
        };
        expect(new Map(result.byTier.map((t) => [t.tier, t.count]))).toEqual(count((a) => a.tier));
        expect(new Map(result.byRegion.map((r) => [r.regionCode, r.count]))).toEqual(
          count((a) => (a.regionCode ?? '').slice(0, 4)),
        );
      }
    } finally {
      await bookSource.destroy();
    }
    expect(eligibleSomewhere).toBeGreaterThan(0);
  });

  it('is for supervisors and admins, not for account managers', async () => {
    await expect(
      services.qualification.forTemplate(manager('M1001'), 'SME_BUSINESS', null, 10),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await services.qualification.forTemplate(ADMIN, 'SME_BUSINESS', null, 10);
    expect(admin.templateCode).toBe('SME_BUSINESS');
  });
});

describe('the templates on sale, as qualification reads them', () => {
  it('follows the catalogue: a template retired since the last answer is no longer offered', async () => {
    const accountId = await seedAccount(dataSource, { managerId: 'M1001' });
    const codes = async () =>
      (await services.qualification.forAccount(ADMIN, accountId, 'GroupAccount.qualifiedBundles'))
        ?.map((answer) => answer.templateCode)
        .sort();
    const before = await codes();
    expect(before).toContain('IOT_PACKAGE');
    expect(await codes()).toEqual(before);
    await services.catalogue.setTemplateLifecycle(ADMIN, {
      code: 'IOT_PACKAGE',
      version: 1,
      lifecycle: 'RETIRED',
    });
    expect(await codes()).toEqual(before?.filter((code) => code !== 'IOT_PACKAGE'));
  });
});
