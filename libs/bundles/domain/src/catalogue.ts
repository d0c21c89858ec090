import { multiplyFen } from './money.js';
import type { TaxCategory } from './policy.js';

/** A product's life in the catalogue: only ACTIVE products are sold; RETIRED ones stay priced. */
export const PRODUCT_LIFECYCLES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
export type ProductLifecycle = (typeof PRODUCT_LIFECYCLES)[number];

export const PRODUCT_FAMILIES = [
  'LEASED_LINE',
  'FIXED_LINE',
  'GROUP_SHORT_NUMBER',
  'GROUP_CALLING',
  'MOBILE_OFFICE',
  'SMS',
  'CLOUD',
  'IOT',
] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

/** Bounds the service enforces on input so that every amount stays a safe integer of fen. */
export const MAX_QUANTITY = 1_000_000;
export const MAX_UNIT_PRICE_FEN = 100_000_000;

interface AttributeBase {
  readonly name: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** An attribute whose value is one of a list (an SLA class). */
export interface EnumAttribute extends AttributeBase {
  readonly kind: 'ENUM';
  readonly values: readonly string[];
  readonly default?: string;
}

/** An attribute whose value is a whole number in a range, optionally in steps from `min`. */
export interface IntegerAttribute extends AttributeBase {
  readonly kind: 'INTEGER';
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly unit?: string;
  readonly default?: number;
}

export type AttributeSpec = EnumAttribute | IntegerAttribute;
export type AttributeValue = string | number;
export type AttributeValues = Readonly<Record<string, AttributeValue>>;

/**
 * The monthly list price per unit by an integer attribute (a leased line by bandwidth): the
 * band with the greatest `from` at or below the value replaces the product's monthly price.
 */
export interface PriceBand {
  readonly attribute: string;
  readonly from: number;
  readonly monthlyListFen: number;
}

/** A monthly amount per unit added when an enumerated attribute takes a value (GOLD SLA). */
export interface Surcharge {
  readonly attribute: string;
  readonly value: string;
  readonly monthlyFen: number;
}

/**
 * A product of the catalogue, one version of it: a change makes a new version, and what was
 * sold keeps the version it was sold at. Prices are integer fen, per unit.
 */
export interface Product {
  readonly code: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly family: ProductFamily;
  /** What one unit is: a line, a member, a card, a package of 10,000 messages. */
  readonly unit: string;
  readonly monthlyListFen: number;
  readonly oneTimeFeeFen: number;
  readonly attributes: readonly AttributeSpec[];
  readonly priceBands?: readonly PriceBand[];
  readonly surcharges?: readonly Surcharge[];
  readonly taxCategory: TaxCategory;
  readonly lifecycle: ProductLifecycle;
}

/** The products a check or a price reads, by code (one version each). */
export type Catalogue = ReadonlyMap<string, Product>;

export function catalogueOf(products: readonly Product[]): Catalogue {
  return new Map(products.map((product) => [product.code, product]));
}

/** Whether `value` is one the attribute allows. */
export function isAllowedValue(spec: AttributeSpec, value: AttributeValue): boolean {
  if (spec.kind === 'ENUM') return typeof value === 'string' && spec.values.includes(value);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
  if (value < spec.min || value > spec.max) return false;
  return spec.step === undefined || (value - spec.min) % spec.step === 0;
}

/** A line's attributes with the product's defaults filled in where the line says nothing. */
export function withDefaults(product: Product, values: AttributeValues = {}): AttributeValues {
  const filled: Record<string, AttributeValue> = { ...values };
  for (const spec of product.attributes) {
    if (filled[spec.name] === undefined && spec.default !== undefined) {
      filled[spec.name] = spec.default;
    }
  }
  return filled;
}

/** The monthly list price of one unit with these attributes (bands, then surcharges). */
export function unitMonthlyFen(product: Product, values: AttributeValues = {}): number {
  const filled = withDefaults(product, values);
  let price = product.monthlyListFen;
  let bandFrom = -Infinity;
  for (const band of product.priceBands ?? []) {
    const value = filled[band.attribute];
    if (typeof value === 'number' && value >= band.from && band.from > bandFrom) {
      price = band.monthlyListFen;
      bandFrom = band.from;
    }
  }
  for (const surcharge of product.surcharges ?? []) {
    if (filled[surcharge.attribute] === surcharge.value) price += surcharge.monthlyFen;
  }
  return price;
}

/** Monthly and one-time list amounts of `quantity` units. */
export function listAmounts(
  product: Product,
  quantity: number,
  values: AttributeValues = {},
): { readonly monthlyFen: number; readonly oneTimeFen: number } {
  return {
    monthlyFen: multiplyFen(unitMonthlyFen(product, values), quantity),
    oneTimeFen: multiplyFen(product.oneTimeFeeFen, quantity),
  };
}

/** Every defect of a catalogue entry, as field paths and what is wrong with them. */
export function checkProduct(product: Product): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const fen = (field: string, value: number) => {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_UNIT_PRICE_FEN) {
      problems.push({ field, problem: `whole fen from 0 to ${MAX_UNIT_PRICE_FEN}` });
    }
  };
  if (!/^[A-Z0-9_-]{2,40}$/.test(product.code)) {
    problems.push({ field: 'code', problem: '2 to 40 capitals, digits, dashes or underscores' });
  }
  if (!Number.isSafeInteger(product.version) || product.version < 1) {
    problems.push({ field: 'version', problem: 'a whole number from 1' });
  }
  fen('monthlyListFen', product.monthlyListFen);
  fen('oneTimeFeeFen', product.oneTimeFeeFen);
  const names = new Set<string>();
  product.attributes.forEach((spec, i) => {
    if (names.has(spec.name)) problems.push({ field: `attributes[${i}].name`, problem: 'unique' });
    names.add(spec.name);
    const empty = spec.kind === 'ENUM' ? spec.values.length === 0 : spec.min > spec.max;
    if (empty) problems.push({ field: `attributes[${i}]`, problem: 'allows at least one value' });
    if (spec.default !== undefined && !isAllowedValue(spec, spec.default)) {
      problems.push({ field: `attributes[${i}].default`, problem: 'one of the allowed values' });
    }
  });
  (product.priceBands ?? []).forEach((band, i) => {
    if (product.attributes.find((a) => a.name === band.attribute)?.kind !== 'INTEGER') {
      problems.push({ field: `priceBands[${i}].attribute`, problem: 'an integer attribute' });
    }
    fen(`priceBands[${i}].monthlyListFen`, band.monthlyListFen);
  });
  (product.surcharges ?? []).forEach((surcharge, i) => {
    const spec = product.attributes.find((a) => a.name === surcharge.attribute);
    if (!spec || !isAllowedValue(spec, surcharge.value)) {
      problems.push({ field: `surcharges[${i}]`, problem: 'an allowed value of an attribute' });
    }
    fen(`surcharges[${i}].monthlyFen`, surcharge.monthlyFen);
  });
  return problems;
}
