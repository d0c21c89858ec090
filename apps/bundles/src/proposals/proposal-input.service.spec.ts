import type { DataSource } from 'typeorm';
import {
  bundleServices,
  manager,
  openBundlesTestDatabase,
  rejection,
  seedAccount,
  seedCatalogue,
  writtenRows,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;
const SELLER = manager('M1001');

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('proposal_input');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(() => dataSource.destroy());

type Line = {
  productCode: string;
  quantity: number;
  attributes: { name: string; value: string }[];
};
const line = (productCode: string, quantity: number, attributes: Record<string, string> = {}) => ({
  productCode,
  quantity,
  attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
});

async function refusedDraft(
  templateCode: string,
  lines: Line[],
  manualDiscount: Record<string, number> | null = null,
  account: Parameters<typeof seedAccount>[1] = {},
) {
  const accountId = await seedAccount(dataSource, { tier: 'B', managerId: 'M1001', ...account });
  const before = await writtenRows(dataSource);
  const error = await rejection(
    services.drafting.draft(SELLER, {
      groupAccountId: accountId,
      templateCode,
      lines,
      manualDiscount,
    }),
  );
  expect(await writtenRows(dataSource)).toEqual(before);
  return error;
}

const pairs = (error: Awaited<ReturnType<typeof rejection>>) =>
  error.violations.map((v) => [v.field, v.reason]);

describe('a configuration that breaks the template’s rules', () => {
  it('names every violation at once, each with its field and item', async () => {
    const error = await refusedDraft('SME_BUSINESS', [
      line('DIA', 2, { bandwidthMbps: '100', slaClass: 'PLATINUM' }),
      line('FIXED_LINE', 10),
      line('CLOUD_PBX', 5),
      line('IOT_CARD', 100),
    ]);
    expect(error).toMatchObject({ code: 'BUNDLE_CONFIGURATION_INVALID', kind: 'INVALID_INPUT' });
    expect(pairs(error)).toEqual([
      ['input.lines.0.attributes', 'ATTRIBUTE_VALUE_NOT_ALLOWED'],
      ['input.lines.3.productCode', 'NOT_IN_TEMPLATE'],
      ['input.lines.0.quantity', 'QUANTITY_OUT_OF_RANGE'],
      ['input.lines.2.productCode', 'EXCLUDED_TOGETHER'],
    ]);
    const messages = error.violations.map((v) => v.message).join(' ');
    expect(messages).toContain('IOT_CARD');
    expect(messages).toContain('PLATINUM');
  });

  it('names a required module that is missing', async () => {
    const error = await refusedDraft(
      'LINE_AND_VOICE',
      [line('DIA', 1, { bandwidthMbps: '200' }), line('FIXED_LINE', 20), line('GROUP_CALLING', 50)],
      null,
      { tier: 'A', segment: 'VALUE', employees: 800 },
    );
    expect(pairs(error)).toEqual([['input.lines', 'REQUIRED_MISSING']]);
    expect(error.violations[0]?.message).toContain('VPMN');
  });

  it('refuses negative and huge quantities, naming the line', async () => {
    const error = await refusedDraft('SME_BUSINESS', [
      line('DIA', -1, { bandwidthMbps: '100' }),
      line('FIXED_LINE', 1_000_000_000),
    ]);
    expect(pairs(error)).toEqual(
      expect.arrayContaining([
        ['input.lines.0.quantity', 'QUANTITY_INVALID'],
        ['input.lines.1.quantity', 'QUANTITY_INVALID'],
      ]),
    );
  });

  it('refuses a manual discount beyond 100 % or a negative or fractional amount', async () => {
    const lines = [line('DIA', 1, { bandwidthMbps: '100' }), line('FIXED_LINE', 10)];
    const share = await refusedDraft('SME_BUSINESS', lines, { percentBp: 20_000 });
    expect(pairs(share)).toEqual([['input.manualDiscount.percentBp', 'MANUAL_DISCOUNT_INVALID']]);
    const negative = await refusedDraft('SME_BUSINESS', lines, { monthlyFen: -500 });
    expect(pairs(negative)).toEqual([
      ['input.manualDiscount.monthlyFen', 'MANUAL_DISCOUNT_INVALID'],
    ]);
    const fraction = await refusedDraft('SME_BUSINESS', lines, { oneTimeFen: 0.5 });
    expect(pairs(fraction)).toEqual([
      ['input.manualDiscount.oneTimeFen', 'MANUAL_DISCOUNT_INVALID'],
    ]);
    const both = await refusedDraft('SME_BUSINESS', lines, { percentBp: 100, monthlyFen: 100 });
    expect(pairs(both)).toEqual([['input.manualDiscount', 'MANUAL_DISCOUNT_SHAPE']]);
  });

  it('refuses a template the account does not qualify for, with every reason', async () => {
    const error = await refusedDraft(
      'SME_BUSINESS',
      [line('DIA', 1, { bandwidthMbps: '100' }), line('FIXED_LINE', 10)],
      null,
      { tier: 'A', employees: 5_000 },
    );
    expect(error).toMatchObject({ code: 'ACCOUNT_NOT_ELIGIBLE', field: 'input.templateCode' });
  });

  it('checks and prices without keeping anything', async () => {
    const accountId = await seedAccount(dataSource, { tier: 'C', managerId: 'M1001' });
    const before = await writtenRows(dataSource);
    const check = await services.queries.check(SELLER, {
      groupAccountId: accountId,
      templateCode: 'SME_BUSINESS',
      lines: [line('DIA', 1, { bandwidthMbps: '100' }), line('FIXED_LINE', 10)],
    });
    expect(check.valid).toBe(true);
    expect(check.price?.tierDiscountBp).toBe(0);
    const lines = check.price?.lines ?? [];
    expect(lines.reduce((sum, l) => sum + l.monthly.grossFen, 0)).toBe(
      check.price?.monthly.grossFen,
    );
    expect(await writtenRows(dataSource)).toEqual(before);
  });
});
