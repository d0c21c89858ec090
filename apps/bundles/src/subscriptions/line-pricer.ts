import { Injectable } from '@nestjs/common';
import {
  MAX_QUANTITY,
  priceConfiguration,
  templateItems,
  type AttributeValues,
  type BundlesPolicy,
  type BundleTemplate,
  type PriceLine,
  type Product,
  type Tier,
} from '@gap/bundles/domain';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import type { Tx } from './subscription.repository.js';

/**
 * A product sold alone (a module's trial converted): priced as a one-item bundle without a
 * bundle discount, so that the domain's one pricing applies (list, tier discount, VAT).
 */
export function standaloneTemplate(product: Product): BundleTemplate {
  return {
    code: product.code,
    version: product.version,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    kind: 'SME',
    core: { productCode: product.code, minQuantity: 1, maxQuantity: MAX_QUANTITY },
    modules: [],
    rules: [],
    bundleDiscountBp: 0,
    eligibility: {},
    lifecycle: 'ACTIVE',
  };
}

export interface LineToPrice {
  readonly productCode: string;
  readonly productVersion: number;
  readonly quantity: number;
  readonly attributes: AttributeValues;
  readonly templateCode: string | null;
  readonly templateVersion: number | null;
}

/** The quantity bounds of a product in the bundle it was sold in (1 to the maximum alone). */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** One subscription line re-priced by the domain, at the version and tier it was sold at. */
@Injectable()
export class LinePricer {
  constructor(private readonly catalogue: CatalogueRepository) {}

  async price(
    tx: Tx,
    line: LineToPrice,
    tier: Tier,
    policy: BundlesPolicy,
  ): Promise<{ line: PriceLine; bounds: Bounds }> {
    const ref = { code: line.productCode, version: line.productVersion };
    const catalogue = await this.catalogue.versions([ref], tx);
    const product = catalogue.get(line.productCode);
    if (!product) throw new Error(`Product ${line.productCode} v${line.productVersion} is gone.`);
    const template =
      (line.templateCode && line.templateVersion
        ? await this.catalogue.template(line.templateCode, line.templateVersion, tx)
        : null) ?? standaloneTemplate(product);
    const item = templateItems(template).find((i) => i.productCode === line.productCode);
    const bounds = {
      min: Math.max(1, item?.minQuantity ?? 1),
      max: item?.maxQuantity ?? MAX_QUANTITY,
    };
    const price = priceConfiguration({
      template,
      catalogue,
      configuration: { lines: [line] },
      tier,
      policy,
    });
    const [priced] = price.lines;
    if (!priced) throw new Error('A one-line configuration priced to no line.');
    return { line: priced, bounds };
  }
}
