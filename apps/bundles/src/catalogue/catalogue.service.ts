import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import {
  BUNDLES_PERMISSIONS,
  canMoveLifecycle,
  checkProduct,
  checkTemplate,
  templateItems,
  type BundleTemplate,
  type Product,
  type ProductLifecycle,
} from '@gap/bundles/domain';
import { CatalogueRepository } from './catalogue.repository.js';
import { CatalogueErrors } from './catalogue.errors.js';
import { productOf, templateOf } from './catalogue.mapper.js';
import type { LifecycleInput, SaveProductInput, SaveTemplateInput } from './dto/catalogue.input.js';

/** The catalogue and the templates: read by staff, changed by admins, one version at a time. */
@Injectable()
export class CatalogueService {
  constructor(private readonly catalogue: CatalogueRepository) {}

  products(caller: Caller, code?: string | null): Promise<Product[]> {
    authorize(BUNDLES_PERMISSIONS, 'bundleProducts', caller);
    return this.catalogue.products({ code });
  }

  async product(caller: Caller, code: string, version?: number | null): Promise<Product> {
    authorize(BUNDLES_PERMISSIONS, 'bundleProduct', caller);
    const product = await this.catalogue.product(code, version ?? null);
    if (!product) throw CatalogueErrors.notFound('product', code, version);
    return product;
  }

  templates(caller: Caller, code?: string | null): Promise<BundleTemplate[]> {
    authorize(BUNDLES_PERMISSIONS, 'bundleTemplates', caller);
    return this.catalogue.templates({ code });
  }

  async template(caller: Caller, code: string, version?: number | null): Promise<BundleTemplate> {
    authorize(BUNDLES_PERMISSIONS, 'bundleTemplate', caller);
    const template = await this.catalogue.template(code, version ?? null);
    if (!template) throw CatalogueErrors.notFound('template', code, version);
    return template;
  }

  /** Saves the product as its code's next version, a draft; a version on sale stays as it is. */
  async saveProduct(caller: Caller, input: SaveProductInput): Promise<Product> {
    authorize(BUNDLES_PERMISSIONS, 'saveBundleProduct', caller);
    const product = productOf(input);
    const problems = checkProduct({ ...product, version: 1 });
    if (problems.length > 0) throw CatalogueErrors.invalid(problems);
    const version = await this.catalogue.transaction((tx) =>
      this.catalogue.addProduct(tx, product, caller.subject),
    );
    return this.product(caller, product.code, version);
  }

  async saveTemplate(caller: Caller, input: SaveTemplateInput): Promise<BundleTemplate> {
    authorize(BUNDLES_PERMISSIONS, 'saveBundleTemplate', caller);
    const template = templateOf(input);
    const problems = checkTemplate({ ...template, version: 1 });
    const codes = templateItems({ ...template, version: 1 }).map((item) => item.productCode);
    const unknown = new Set(await this.catalogue.unknownProducts(codes));
    codes.forEach((code, i) => {
      if (unknown.has(code)) {
        const field = i === 0 ? 'core' : `modules[${i - 1}]`;
        problems.push({ field: `${field}.productCode`, problem: 'a product of the catalogue' });
      }
    });
    if (problems.length > 0) throw CatalogueErrors.invalid(problems);
    const version = await this.catalogue.transaction((tx) =>
      this.catalogue.addTemplate(tx, template, caller.subject),
    );
    return this.template(caller, template.code, version);
  }

  async setProductLifecycle(caller: Caller, input: LifecycleInput): Promise<Product> {
    authorize(BUNDLES_PERMISSIONS, 'setBundleProductLifecycle', caller);
    await this.move('product', input);
    return this.product(caller, input.code, input.version);
  }

  async setTemplateLifecycle(caller: Caller, input: LifecycleInput): Promise<BundleTemplate> {
    authorize(BUNDLES_PERMISSIONS, 'setBundleTemplateLifecycle', caller);
    await this.move('template', input);
    return this.template(caller, input.code, input.version);
  }

  private async move(kind: 'product' | 'template', input: LifecycleInput): Promise<void> {
    const to = input.lifecycle as ProductLifecycle;
    await this.catalogue.transaction(async (tx) => {
      const from = await this.catalogue.lockLifecycle(tx, kind, input);
      if (from === null) throw CatalogueErrors.notFound(kind, input.code, input.version);
      if (!canMoveLifecycle(from, to)) throw CatalogueErrors.lifecycle(input.code, from, to);
      await this.catalogue.moveLifecycle(tx, kind, input, to);
    });
  }
}
