/**
 * The book `npm run bench:bundles` works on: the seed catalogue, 500 templates on sale (copies
 * of the seed templates with their eligibility varied) and a million accounts in the bundles
 * service's projection, written set-based. Also the synthetic catalogues the pure-function
 * timings price and check: a 200-line configuration and a 50-module template.
 */
import type pg from 'pg';
import {
  SEED_PRODUCTS,
  SEED_TEMPLATES,
  TIERS,
  VALUE_SEGMENTS,
  INDUSTRY_SECTIONS,
  type AttributeValues,
  type BundleTemplate,
  type CompositionRule,
  type Configuration,
  type Product,
} from '@gap/bundles/domain';

/** Cities of Fujian and Guangdong (GB/T 2260), the accounts' districts are in. */
const CITIES = ['3501', '3502', '3503', '3505', '3506', '4401', '4403', '4404', '4406', '4419'];

export async function writeCatalogue(db: pg.Pool, templates: number): Promise<BundleTemplate[]> {
  for (const product of SEED_PRODUCTS) {
    await db.query(
      `INSERT INTO bundles.product (code, version, name_zh, name_en, family, monthly_list_fen,
         one_time_fee_fen, tax_category, lifecycle, body, created_by)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, 'ACTIVE', $8, 'bench')`,
      [
        product.code,
        product.nameZh,
        product.nameEn,
        product.family,
        product.monthlyListFen,
        product.oneTimeFeeFen,
        product.taxCategory,
        JSON.stringify({ ...product, version: 1, lifecycle: 'ACTIVE' }),
      ],
    );
  }
  const written: BundleTemplate[] = [];
  for (let i = 0; i < templates; i += 1) {
    const seed = SEED_TEMPLATES[i % SEED_TEMPLATES.length];
    const template: BundleTemplate = {
      ...seed,
      code: i < SEED_TEMPLATES.length ? seed.code : `${seed.code}_${String(i).padStart(3, '0')}`,
      version: 1,
      lifecycle: 'ACTIVE',
      eligibility: variedEligibility(seed, i),
    };
    written.push(template);
  }
  await db.query(
    `INSERT INTO bundles.template (code, version, name_zh, name_en, kind, lifecycle, body, created_by)
     SELECT t->>'code', 1, t->>'nameZh', t->>'nameEn', t->>'kind', 'ACTIVE', t, 'bench'
       FROM jsonb_array_elements($1::jsonb) AS t`,
    [JSON.stringify(written)],
  );
  return written;
}

/** The seed's own eligibility for the seed templates; narrower or wider for the copies. */
function variedEligibility(seed: BundleTemplate, i: number): BundleTemplate['eligibility'] {
  if (i < SEED_TEMPLATES.length) return seed.eligibility;
  return {
    tiers: TIERS.filter((_, t) => (i >> t) % 2 === 0 || t === i % 3),
    ...(i % 4 === 0 ? { segments: VALUE_SEGMENTS.slice(0, 1 + (i % 4)) } : {}),
    ...(i % 5 === 0 ? { industries: INDUSTRY_SECTIONS.slice(i % 7, (i % 7) + 6) } : {}),
    ...(i % 3 === 0 ? { employees: { min: (i % 10) * 20 } } : {}),
    ...(i % 2 === 0 ? { regionPrefixes: [CITIES[i % CITIES.length].slice(0, 2)] } : {}),
  };
}

/** `count` active accounts (a few in other states): 5% A, 25% B, the rest C. */
export async function writeAccounts(db: pg.Pool, count: number, chunk = 200_000): Promise<void> {
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await db.query(
      `INSERT INTO bundles.account (group_account_id, status, industry, region_code, employees,
         lines, tier, tier_at, segment, segment_at)
       SELECT md5('bench-account-' || n)::uuid,
              CASE WHEN n % 50 = 0 THEN 'PROSPECT' ELSE 'ACTIVE' END,
              ($3::text[])[1 + n % 20],
              ($4::text[])[1 + n % 10] || lpad((n % 7 + 1)::text, 2, '0'),
              ((n::bigint * 7919) % 2000)::int, ((n::bigint * 104729) % 500)::int,
              CASE WHEN n % 20 = 0 THEN 'A' WHEN n % 4 = 1 THEN 'B' ELSE 'C' END, now(),
              ($5::text[])[1 + (n / 3) % 4], now()
         FROM generate_series($1::int, $2::int) AS n`,
      [from, to, INDUSTRY_SECTIONS, CITIES, VALUE_SEGMENTS],
    );
  }
  await db.query('ANALYZE bundles.account');
}

/** One of the book's accounts, by its number (1 to `count`). */
export async function accountNumbered(db: pg.Pool, n: number): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT md5('bench-account-' || $1::int)::uuid::text AS id`,
    [n],
  );
  return rows[0].id;
}

/** Each attribute at its default, else its first value or its minimum. */
function defaults(product: Product): AttributeValues {
  return Object.fromEntries(
    product.attributes.map((spec) => [
      spec.name,
      spec.default ?? (spec.kind === 'ENUM' ? spec.values[0] : spec.min),
    ]),
  );
}

/** `size` products, each a copy of a seed product under its own code. */
function syntheticProducts(size: number): Product[] {
  return Array.from({ length: size }, (_, i) => {
    const seed = SEED_PRODUCTS[i % SEED_PRODUCTS.length];
    return { ...seed, code: `M${String(i).padStart(3, '0')}`, lifecycle: 'ACTIVE' as const };
  });
}

export interface SyntheticBundle {
  readonly products: Product[];
  readonly template: BundleTemplate;
  readonly configuration: Configuration;
}

/**
 * A template of one core product and `size - 1` modules, and a configuration taking each once;
 * with `rules`, a requires, an excludes, a choose-k-of-n and an attribute rule every ten items.
 */
export function syntheticBundle(size: number, rules: boolean): SyntheticBundle {
  const products = syntheticProducts(size);
  const items = products.map((product) => ({
    productCode: product.code,
    minQuantity: 0,
    maxQuantity: 100,
  }));
  const composition: CompositionRule[] = [];
  if (rules) {
    for (let i = 10; i + 3 < size; i += 10) {
      const [a, b, c, d] = [i, i + 1, i + 2, i + 3].map((k) => products[k].code) as [
        string,
        string,
        string,
        string,
      ];
      composition.push(
        { id: `requires-${i}`, kind: 'REQUIRES', item: a, requires: [products[0].code] },
        { id: `excludes-${i}`, kind: 'EXCLUDES', items: [b, `ABSENT_${i}`] },
        { id: `choose-${i}`, kind: 'CHOOSE', items: [a, b, c], min: 1, max: 3 },
      );
      const target = products[i + 3];
      const integer = target.attributes.find((spec) => spec.kind === 'INTEGER');
      if (integer) {
        composition.push({
          id: `attribute-${i}`,
          kind: 'ATTRIBUTE',
          item: d,
          target: d,
          attribute: integer.name,
          min: integer.min,
        });
      }
    }
  }
  const template: BundleTemplate = {
    code: `SYNTHETIC_${size}`,
    version: 1,
    nameZh: '基准测试模板',
    nameEn: 'Benchmark template',
    kind: 'CUSTOM',
    core: { ...items[0], minQuantity: 1 },
    modules: items.slice(1),
    rules: composition,
    bundleDiscountBp: 500,
    eligibility: {},
    lifecycle: 'ACTIVE',
  };
  const configuration: Configuration = {
    lines: products.map((product, i) => ({
      productCode: product.code,
      quantity: 1 + (i % 5),
      attributes: defaults(product),
    })),
  };
  return { products, template, configuration };
}
