import fc from 'fast-check';
import { catalogueOf } from './catalogue.js';
import { SEED_PRODUCTS } from './catalogue.seed.js';
import { checkConfiguration, VIOLATION_CODES } from './configuration-check.js';
import { CONFIGURATION_REASONS } from './configuration.reasons.js';
import { renderReason } from '@gap/i18n';
import { ruleIdsOf, templateItems } from './template.js';
import { SEED_TEMPLATES } from './templates.seed.js';

const catalogue = catalogueOf(SEED_PRODUCTS);
const codes = SEED_PRODUCTS.map((p) => p.code);

const attributeValue = fc.oneof(
  fc.integer({ min: -10, max: 20_000 }),
  fc.constantFrom('GOLD', 'SILVER', 'BRONZE', 'PLATINUM', 'PREMIUM', '500', 'MARKETING'),
);
const line = fc.record({
  productCode: fc.oneof(fc.constantFrom(...codes), fc.constant('NOT_A_PRODUCT')),
  quantity: fc.oneof(
    fc.integer({ min: -5, max: 3_000 }),
    fc.constantFrom(0.5, Number.NaN, 2_000_000),
  ),
  attributes: fc.dictionary(
    fc.constantFrom('bandwidthMbps', 'slaClass', 'members', 'vcpu', 'edition', 'channel', 'colour'),
    attributeValue,
    { maxKeys: 3 },
  ),
});

describe('every violation of any configuration', () => {
  it('names a rule of its template and a product the template or the configuration holds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEED_TEMPLATES),
        fc.array(line, { maxLength: 15 }),
        (template, lines) => {
          const rules = ruleIdsOf(template);
          const offered = new Set(templateItems(template).map((i) => i.productCode));
          const given = new Set(lines.map((l) => l.productCode));
          for (const violation of checkConfiguration(template, catalogue, { lines })) {
            expect(rules.has(violation.rule)).toBe(true);
            expect(offered.has(violation.item) || given.has(violation.item)).toBe(true);
            if (violation.line !== undefined) {
              expect(lines[violation.line]?.productCode).toBe(violation.item);
            }
            expect(VIOLATION_CODES).toContain(violation.code);
            expect(renderReason(CONFIGURATION_REASONS, violation, 'zh-CN')).not.toMatch(
              /undefined/,
            );
            expect(renderReason(CONFIGURATION_REASONS, violation, 'en')).not.toMatch(/undefined/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is reported whatever the order of the lines (the set does not depend on it)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEED_TEMPLATES),
        fc.array(line, { maxLength: 10 }),
        (template, lines) => {
          const key = (v: { code: string; rule: string; item: string }) =>
            `${v.code}|${v.rule}|${v.item}`;
          const forward = checkConfiguration(template, catalogue, { lines }).map(key);
          const backward = checkConfiguration(template, catalogue, {
            lines: [...lines].reverse(),
          }).map(key);
          expect(new Set(backward)).toEqual(new Set(forward));
        },
      ),
      { numRuns: 200 },
    );
  });
});
