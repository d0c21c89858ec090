import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  approvalChain,
  checkConfiguration,
  manualDiscountProblem,
  priceConfiguration,
  typedAttributes,
  type ApproverLevel,
  type BundlesPolicy,
  type BundleTemplate,
  type Catalogue,
  type ConfigurationViolation,
  type ManualDiscount,
  type PriceBreakdown,
  type Tier,
} from '@gap/bundles/domain';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import type { ConfigurationLineInput, ManualDiscountInput } from './dto/proposal.input.js';
import { ProposalErrors } from './proposal.errors.js';
import type { StoredLine } from './proposal.repository.js';

export interface Priced {
  readonly lines: StoredLine[];
  readonly violations: ConfigurationViolation[];
  /** Null while the configuration breaks a rule. */
  readonly price: PriceBreakdown | null;
  readonly chain: ApproverLevel[];
}

/** A manual discount as the domain takes it; a share and amounts together are refused. */
export function manualDiscountOf(
  input: ManualDiscountInput | null | undefined,
): ManualDiscount | null {
  if (!input) return null;
  const amounts = input.monthlyFen !== null && input.monthlyFen !== undefined;
  const oneTime = input.oneTimeFen !== null && input.oneTimeFen !== undefined;
  const percent = input.percentBp !== null && input.percentBp !== undefined;
  if (percent && (amounts || oneTime)) throw ProposalErrors.discountShape();
  if (percent) return { kind: 'PERCENT', bp: input.percentBp ?? 0 };
  if (!amounts && !oneTime) return null;
  return { kind: 'AMOUNT', monthlyFen: input.monthlyFen ?? 0, oneTimeFen: input.oneTimeFen ?? 0 };
}

/**
 * A configuration checked and priced by the domain: new lines are made of the versions on sale,
 * stored lines of the versions they were configured with. A malformed manual discount is
 * refused before anything else, naming its field.
 */
@Injectable()
export class ConfigurationPricer {
  constructor(private readonly catalogue: CatalogueRepository) {}

  /** New lines (from input), made of the products on sale now. */
  async fresh(
    template: BundleTemplate,
    inputLines: readonly ConfigurationLineInput[],
    tier: Tier,
    discount: ManualDiscount | null,
    policy: BundlesPolicy,
    tx?: EntityManager,
  ): Promise<Priced> {
    const catalogue = await this.catalogue.onSale(
      inputLines.map((l) => l.productCode),
      tx,
    );
    const lines = inputLines.map((line) => {
      const product = catalogue.get(line.productCode);
      return {
        productCode: line.productCode,
        productVersion: product?.version ?? 0,
        quantity: line.quantity,
        attributes: typedAttributes(product, line.attributes),
      };
    });
    return this.price(template, catalogue, lines, tier, discount, policy);
  }

  /** Stored lines, at the versions they were configured with. */
  async stored(
    template: BundleTemplate,
    lines: readonly StoredLine[],
    tier: Tier,
    discount: ManualDiscount | null,
    policy: BundlesPolicy,
    tx?: EntityManager,
  ): Promise<Priced> {
    const catalogue = await this.catalogue.versions(
      lines.map((l) => ({ code: l.productCode, version: l.productVersion })),
      tx,
    );
    return this.price(template, catalogue, [...lines], tier, discount, policy);
  }

  private price(
    template: BundleTemplate,
    catalogue: Catalogue,
    lines: StoredLine[],
    tier: Tier,
    discount: ManualDiscount | null,
    policy: BundlesPolicy,
  ): Priced {
    const problem = discount ? manualDiscountProblem(discount) : null;
    if (problem) throw ProposalErrors.manualDiscount(problem);
    const violations = checkConfiguration(template, catalogue, { lines });
    if (violations.length > 0) return { lines, violations, price: null, chain: [] };
    const price = priceConfiguration({
      template,
      catalogue,
      configuration: { lines },
      tier,
      policy,
      ...(discount ? { manualDiscount: discount } : {}),
    });
    return { lines, violations, price, chain: approvalChain(price.discountDepthBp, policy) };
  }
}
