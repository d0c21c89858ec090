import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BundleTemplate, Catalogue, Product, ProductLifecycle } from '@gap/bundles/domain';

type Tx = EntityManager;
type Kind = 'product' | 'template';
type Versioned = { readonly code: string; readonly version: number };

/**
 * The catalogue's products and the bundle templates, one row per version (bundles.product,
 * bundles.template): a version is never edited but for its lifecycle; saving makes the next
 * version; activating one retires the version of the same code on sale.
 */
@Injectable()
export class CatalogueRepository {
  /** The templates on sale as last read, with the stamp of the table they were read at. */
  private templatesRead: { readonly stamp: string; readonly templates: BundleTemplate[] } | null =
    null;

  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async products(filter: { code?: string | null; activeOnly?: boolean } = {}): Promise<Product[]> {
    const rows = await this.dataSource.query<{ body: Product; lifecycle: ProductLifecycle }[]>(
      `SELECT body, lifecycle FROM bundles.product
        WHERE ($1::text IS NULL OR code = $1) AND (NOT $2 OR lifecycle = 'ACTIVE')
        ORDER BY code, version DESC`,
      [filter.code ?? null, filter.activeOnly ?? false],
    );
    return rows.map(withLifecycle);
  }

  async templates(filter: { code?: string | null; activeOnly?: boolean } = {}) {
    const rows = await this.dataSource.query<
      { body: BundleTemplate; lifecycle: ProductLifecycle }[]
    >(
      `SELECT body, lifecycle FROM bundles.template
        WHERE ($1::text IS NULL OR code = $1) AND (NOT $2 OR lifecycle = 'ACTIVE')
        ORDER BY code, version DESC`,
      [filter.code ?? null, filter.activeOnly ?? false],
    );
    return rows.map(withLifecycle);
  }

  /**
   * The templates on sale, read again only when the table has changed: every write is a new
   * row version, so the rows' count and their newest transaction id stamp what was read
   * (another instance's change included). Qualifying an account reads them all each time.
   */
  async templatesOnSale(): Promise<BundleTemplate[]> {
    const [row] = await this.dataSource.query<{ stamp: string }[]>(
      `SELECT count(*) || ':' || COALESCE(max(xmin::text::bigint), 0) AS stamp FROM bundles.template`,
    );
    const stamp = row?.stamp ?? '';
    if (this.templatesRead?.stamp === stamp) return this.templatesRead.templates;
    const templates = await this.templates({ activeOnly: true });
    this.templatesRead = { stamp, templates };
    return templates;
  }

  /** One version, or the one on sale when `version` is null. */
  async product(code: string, version: number | null, tx?: Tx): Promise<Product | null> {
    return this.one<Product>('product', code, version, tx);
  }

  async template(code: string, version: number | null, tx?: Tx): Promise<BundleTemplate | null> {
    return this.one<BundleTemplate>('template', code, version, tx);
  }

  private async one<T>(kind: Kind, code: string, version: number | null, tx?: Tx) {
    const [row] = await (tx ?? this.dataSource.manager).query<
      { body: T; lifecycle: ProductLifecycle }[]
    >(
      `SELECT body, lifecycle FROM bundles.${kind}
        WHERE code = $1 AND (version = $2 OR ($2::int IS NULL AND lifecycle = 'ACTIVE'))`,
      [code, version],
    );
    return row ? withLifecycle(row) : null;
  }

  /** The versions on sale of these codes, by code: what a new configuration is made of. */
  async onSale(codes: readonly string[], tx?: Tx): Promise<Catalogue> {
    const rows = await (tx ?? this.dataSource.manager).query<
      { body: Product; lifecycle: ProductLifecycle }[]
    >(
      `SELECT body, lifecycle FROM bundles.product WHERE code = ANY($1::text[]) AND lifecycle = 'ACTIVE'`,
      [codes],
    );
    return new Map(rows.map((row) => [row.body.code, withLifecycle(row)]));
  }

  /** The very versions a configuration was made of (retired ones too: sold keeps its version). */
  async versions(lines: readonly Versioned[], tx?: Tx): Promise<Catalogue> {
    const rows = await (tx ?? this.dataSource.manager).query<
      { body: Product; lifecycle: ProductLifecycle }[]
    >(
      `SELECT p.body, p.lifecycle FROM bundles.product p
         JOIN unnest($1::text[], $2::int[]) AS l (code, version)
           ON p.code = l.code AND p.version = l.version`,
      [lines.map((l) => l.code), lines.map((l) => l.version)],
    );
    return new Map(rows.map((row) => [row.body.code, withLifecycle(row)]));
  }

  /** Codes of these that the catalogue has in no version at all. */
  async unknownProducts(codes: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.query<{ code: string }[]>(
      `SELECT c AS code FROM unnest($1::text[]) AS c
        WHERE NOT EXISTS (SELECT 1 FROM bundles.product p WHERE p.code = c)`,
      [codes],
    );
    return rows.map((row) => row.code);
  }

  /** Stores `product` as the code's next version, a draft; returns the version. */
  async addProduct(tx: Tx, product: Omit<Product, 'version'>, by: string): Promise<number> {
    const version = await this.nextVersion(tx, 'product', product.code);
    const body: Product = { ...product, version, lifecycle: 'DRAFT' };
    await tx.query(
      `INSERT INTO bundles.product (code, version, name_zh, name_en, family, monthly_list_fen,
         one_time_fee_fen, tax_category, lifecycle, body, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10)`,
      [
        body.code,
        version,
        body.nameZh,
        body.nameEn,
        body.family,
        body.monthlyListFen,
        body.oneTimeFeeFen,
        body.taxCategory,
        JSON.stringify(body),
        by,
      ],
    );
    return version;
  }

  async addTemplate(tx: Tx, template: Omit<BundleTemplate, 'version'>, by: string) {
    const version = await this.nextVersion(tx, 'template', template.code);
    const body: BundleTemplate = { ...template, version, lifecycle: 'DRAFT' };
    await tx.query(
      `INSERT INTO bundles.template (code, version, name_zh, name_en, kind, lifecycle, body, created_by)
       VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6, $7)`,
      [body.code, version, body.nameZh, body.nameEn, body.kind, JSON.stringify(body), by],
    );
    return version;
  }

  private async nextVersion(tx: Tx, kind: Kind, code: string): Promise<number> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bundles.${kind}:${code}`]);
    const [row] = await tx.query<{ next: number }[]>(
      `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM bundles.${kind} WHERE code = $1`,
      [code],
    );
    return row?.next ?? 1;
  }

  /** The version's lifecycle as it stands, locked for the change. */
  async lockLifecycle(tx: Tx, kind: Kind, item: Versioned): Promise<ProductLifecycle | null> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bundles.${kind}:${item.code}`]);
    const [row] = await tx.query<{ lifecycle: ProductLifecycle }[]>(
      `SELECT lifecycle FROM bundles.${kind} WHERE code = $1 AND version = $2 FOR UPDATE`,
      [item.code, item.version],
    );
    return row?.lifecycle ?? null;
  }

  /** Moves the version; putting one on sale retires the version of its code on sale. */
  async moveLifecycle(tx: Tx, kind: Kind, item: Versioned, to: ProductLifecycle): Promise<void> {
    if (to === 'ACTIVE') {
      await tx.query(
        `UPDATE bundles.${kind} SET lifecycle = 'RETIRED' WHERE code = $1 AND lifecycle = 'ACTIVE'`,
        [item.code],
      );
    }
    await tx.query(`UPDATE bundles.${kind} SET lifecycle = $3 WHERE code = $1 AND version = $2`, [
      item.code,
      item.version,
      to,
    ]);
  }
}

function withLifecycle<T>(row: { body: T; lifecycle: ProductLifecycle }): T {
  return { ...row.body, lifecycle: row.lifecycle };
}
