import type { AttributeValue, AttributeValues, Product } from './catalogue.js';

/**
 * Attribute values as an edge receives them (text), typed as the product's attributes are:
 * digits become a number for an integer attribute; anything else stays text and the
 * configuration check then names it as a value not allowed. Unknown names are kept, for the
 * check to name too.
 */
export function typedAttributes(
  product: Product | undefined,
  given: readonly { readonly name: string; readonly value: string }[],
): AttributeValues {
  const typed: Record<string, AttributeValue> = {};
  for (const { name, value } of given) {
    const spec = product?.attributes.find((a) => a.name === name);
    typed[name] = spec?.kind === 'INTEGER' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }
  return typed;
}
