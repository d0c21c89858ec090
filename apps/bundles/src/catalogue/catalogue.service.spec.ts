import type { DataSource } from 'typeorm';
import { SEED_PRODUCTS } from '@gap/bundles/domain';
import type { SaveProductInput } from './dto/catalogue.input.js';
import {
  ADMIN,
  bundleServices,
  manager,
  openBundlesTestDatabase,
  rejection,
  seedCatalogue,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('catalogue');
  services = bundleServices(dataSource);
  await seedCatalogue(services, SEED_PRODUCTS, []);
});
afterAll(() => dataSource.destroy());

const fixedLine = (overrides: Partial<SaveProductInput> = {}): SaveProductInput => ({
  code: 'FIXED_LINE_PLUS',
  nameZh: '固定电话（增强版）',
  nameEn: 'Fixed line plus',
  family: 'FIXED_LINE',
  unit: '线',
  monthlyListFen: 3_000,
  oneTimeFeeFen: 10_000,
  taxCategory: 'BASIC_TELECOM',
  attributes: [],
  priceBands: [],
  surcharges: [],
  ...overrides,
});

describe('the catalogue', () => {
  it('makes a new version of every change, and keeps one version on sale', async () => {
    const first = await services.catalogue.saveProduct(ADMIN, fixedLine());
    expect(first).toMatchObject({ version: 1, lifecycle: 'DRAFT' });
    await services.catalogue.setProductLifecycle(ADMIN, {
      code: first.code,
      version: 1,
      lifecycle: 'ACTIVE',
    });
    const second = await services.catalogue.saveProduct(
      ADMIN,
      fixedLine({ monthlyListFen: 3_500 }),
    );
    expect(second).toMatchObject({ version: 2, lifecycle: 'DRAFT', monthlyListFen: 3_500 });
    await services.catalogue.setProductLifecycle(ADMIN, {
      code: first.code,
      version: 2,
      lifecycle: 'ACTIVE',
    });
    const versions = await services.catalogue.products(manager('M1001'), first.code);
    expect(versions.map((p) => [p.version, p.lifecycle, p.monthlyListFen])).toEqual([
      [2, 'ACTIVE', 3_500],
      [1, 'RETIRED', 3_000],
    ]);
    const back = await rejection(
      services.catalogue.setProductLifecycle(ADMIN, {
        code: first.code,
        version: 1,
        lifecycle: 'ACTIVE',
      }),
    );
    expect(back).toMatchObject({
      code: 'CATALOGUE_LIFECYCLE_NOT_ALLOWED',
      field: 'input.lifecycle',
    });
  });

  it('refuses a defective product, naming every field, and keeps nothing', async () => {
    const error = await rejection(
      services.catalogue.saveProduct(
        ADMIN,
        fixedLine({
          code: 'bad code',
          monthlyListFen: -1,
          attributes: [
            {
              name: 'sla',
              nameZh: '等级',
              nameEn: 'SLA',
              kind: 'ENUM',
              values: ['GOLD'],
              default: 'TIN',
            },
          ],
          priceBands: [{ attribute: 'sla', from: 1, monthlyListFen: 100 }],
        }),
      ),
    );
    expect(error.code).toBe('CATALOGUE_ENTRY_INVALID');
    expect(error.violations.map((v) => v.field)).toEqual([
      'input.code',
      'input.monthlyListFen',
      'input.attributes.0.default',
      'input.priceBands.0.attribute',
    ]);
    expect(await services.catalogue.products(ADMIN, 'bad code')).toEqual([]);
  });

  it('refuses a template offering a product the catalogue does not have', async () => {
    const error = await rejection(
      services.catalogue.saveTemplate(ADMIN, {
        code: 'SME_X',
        nameZh: '中小企业套餐',
        nameEn: 'SME package',
        kind: 'SME',
        core: { productCode: 'DIA', minQuantity: 1, maxQuantity: 1 },
        modules: [{ productCode: 'TELEPORT', minQuantity: 0, maxQuantity: 1 }],
        rules: [],
        bundleDiscountBp: 500,
        eligibility: {},
      }),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['input.modules.0.productCode']);
  });

  it('is changed by admins only', async () => {
    const error = await rejection(services.catalogue.saveProduct(manager('M1001'), fixedLine()));
    expect(error.code).toBe('FORBIDDEN');
  });
});
