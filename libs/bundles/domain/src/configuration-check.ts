import type { Figures, Reason } from '@gap/i18n';
import {
  isAllowedValue,
  MAX_QUANTITY,
  withDefaults,
  type AttributeValues,
  type Catalogue,
} from './catalogue.js';
import {
  quantityRuleId,
  templateItems,
  type AttributeRule,
  type BundleTemplate,
  type TemplateItem,
} from './template.js';

/** One line of a configuration: a product of the template, how many, with which attributes. */
export interface ConfigurationLine {
  readonly productCode: string;
  readonly quantity: number;
  readonly attributes?: AttributeValues;
}

export interface Configuration {
  readonly lines: readonly ConfigurationLine[];
}

export const VIOLATION_CODES = [
  'NOT_IN_TEMPLATE',
  'PRODUCT_UNKNOWN',
  'PRODUCT_NOT_ACTIVE',
  'QUANTITY_INVALID',
  'ATTRIBUTE_UNKNOWN',
  'ATTRIBUTE_MISSING',
  'ATTRIBUTE_VALUE_NOT_ALLOWED',
  'ITEM_MISSING',
  'QUANTITY_OUT_OF_RANGE',
  'REQUIRED_MISSING',
  'EXCLUDED_TOGETHER',
  'TOO_FEW_CHOSEN',
  'TOO_MANY_CHOSEN',
  'ATTRIBUTE_CONSTRAINT',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/**
 * A broken rule, as a reason the edge renders (see CONFIGURATION_REASONS): `rule` is a rule id
 * of the template (see `ruleIdsOf`), `item` the product it is about, `line` the line's index
 * when one line is at fault.
 */
export interface ConfigurationViolation extends Reason<ViolationCode> {
  readonly rule: string;
  readonly item: string;
  readonly line?: number;
}

/**
 * Every rule the configuration breaks, all at once (never only the first), in a stable order:
 * line by line, then item quantities, then the template's rules in their order.
 */
export function checkConfiguration(
  template: BundleTemplate,
  catalogue: Catalogue,
  configuration: Configuration,
): ConfigurationViolation[] {
  const violations: ConfigurationViolation[] = [];
  const add = (
    code: ViolationCode,
    rule: string,
    item: string,
    figures: Figures = {},
    line?: number,
  ) =>
    violations.push({
      code,
      rule,
      item,
      figures: { ...figures, item, ...(line === undefined ? {} : { line: line + 1 }) },
      ...(line === undefined ? {} : { line }),
    });

  const offered = new Map<string, TemplateItem>(
    templateItems(template).map((item) => [item.productCode, item]),
  );
  const quantities = new Map<string, number>();
  const linesOf = new Map<string, { index: number; values: AttributeValues }[]>();
  const badQuantity = new Set<string>();

  configuration.lines.forEach((line, index) => {
    const code = line.productCode;
    if (!offered.has(code)) {
      add('NOT_IN_TEMPLATE', 'membership', code, { template: template.code }, index);
      return;
    }
    const product = catalogue.get(code);
    if (!product) {
      add('PRODUCT_UNKNOWN', 'membership', code, {}, index);
      return;
    }
    if (product.lifecycle !== 'ACTIVE') {
      add('PRODUCT_NOT_ACTIVE', 'lifecycle', code, { lifecycle: product.lifecycle }, index);
    }
    const quantity = line.quantity;
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      add('QUANTITY_INVALID', 'line', code, { quantity, max: MAX_QUANTITY }, index);
      badQuantity.add(code);
    } else {
      quantities.set(code, (quantities.get(code) ?? 0) + quantity);
    }
    const given = line.attributes ?? {};
    for (const name of Object.keys(given)) {
      if (!product.attributes.some((spec) => spec.name === name)) {
        add('ATTRIBUTE_UNKNOWN', 'attributes', code, { attribute: name }, index);
      }
    }
    const values = withDefaults(product, given);
    for (const spec of product.attributes) {
      const value = values[spec.name];
      if (value === undefined) {
        add('ATTRIBUTE_MISSING', 'attributes', code, { attribute: spec.name }, index);
      } else if (!isAllowedValue(spec, value)) {
        const allowed =
          spec.kind === 'ENUM'
            ? spec.values.join(', ')
            : `${spec.min}..${spec.max}${spec.step ? ` / ${spec.step}` : ''}`;
        add(
          'ATTRIBUTE_VALUE_NOT_ALLOWED',
          'attributes',
          code,
          { attribute: spec.name, value, allowed },
          index,
        );
      }
    }
    const list = linesOf.get(code) ?? [];
    list.push({ index, values });
    linesOf.set(code, list);
  });

  for (const item of offered.values()) {
    const code = item.productCode;
    const quantity = quantities.get(code) ?? 0;
    const figures = { quantity, min: item.minQuantity, max: item.maxQuantity };
    if (!linesOf.has(code) && item.minQuantity > 0) {
      add('ITEM_MISSING', quantityRuleId(code), code, figures);
    } else if (
      !badQuantity.has(code) &&
      (quantity < item.minQuantity || quantity > item.maxQuantity)
    ) {
      add('QUANTITY_OUT_OF_RANGE', quantityRuleId(code), code, figures);
    }
  }

  const present = (code: string) => linesOf.has(code);
  for (const rule of template.rules) {
    switch (rule.kind) {
      case 'REQUIRES':
        if (!present(rule.item)) break;
        for (const needed of rule.requires) {
          if (!present(needed)) add('REQUIRED_MISSING', rule.id, needed, { by: rule.item });
        }
        break;
      case 'EXCLUDES': {
        const chosen = rule.items.filter(present);
        for (const other of chosen.slice(1)) {
          add('EXCLUDED_TOGETHER', rule.id, other, { with: chosen[0] ?? '' });
        }
        break;
      }
      case 'CHOOSE': {
        const chosen = rule.items.filter(present);
        const figures = { chosen: chosen.length, min: rule.min, max: rule.max };
        const options = rule.items.join(', ');
        if (chosen.length < rule.min) {
          const first = rule.items.find((code) => !present(code)) ?? rule.items[0] ?? '';
          add('TOO_FEW_CHOSEN', rule.id, first, { ...figures, options });
        }
        for (const extra of chosen.slice(rule.max)) {
          add('TOO_MANY_CHOSEN', rule.id, extra, { ...figures, options });
        }
        break;
      }
      case 'ATTRIBUTE':
        if (!present(rule.item)) break;
        for (const { index, values } of linesOf.get(rule.target) ?? []) {
          const value = values[rule.attribute];
          if (!meets(rule, value)) {
            add(
              'ATTRIBUTE_CONSTRAINT',
              rule.id,
              rule.target,
              constraintFigures(rule, value),
              index,
            );
          }
        }
        break;
    }
  }
  return violations;
}

function meets(rule: AttributeRule, value: string | number | undefined): boolean {
  if (value === undefined) return false;
  if (rule.values && !rule.values.includes(String(value))) return false;
  if (rule.min !== undefined && !(typeof value === 'number' && value >= rule.min)) return false;
  if (rule.max !== undefined && !(typeof value === 'number' && value <= rule.max)) return false;
  return true;
}

function constraintFigures(rule: AttributeRule, value: string | number | undefined): Figures {
  return {
    by: rule.item,
    attribute: rule.attribute,
    value: value ?? null,
    min: rule.min ?? null,
    max: rule.max ?? null,
    values: rule.values ? rule.values.join(', ') : null,
  };
}
