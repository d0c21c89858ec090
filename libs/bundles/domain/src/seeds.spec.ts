import { LOCALES, renderReason, reason } from '@gap/i18n';
import { catalogueOf, checkProduct } from './catalogue.js';
import { SEED_PRODUCTS } from './catalogue.seed.js';
import { checkConfiguration, VIOLATION_CODES } from './configuration-check.js';
import { CONFIGURATION_REASONS } from './configuration.reasons.js';
import { PROPOSAL_REASONS } from './proposal.reasons.js';
import { INELIGIBILITY_CODES, QUALIFICATION_REASONS } from './qualification.js';
import { PROPOSAL_REFUSAL_CODES } from './proposal.js';
import { TRIAL_REFUSAL_CODES } from './trial.js';
import { checkTemplate, templateItems } from './template.js';
import { SEED_TEMPLATES } from './templates.seed.js';

const catalogue = catalogueOf(SEED_PRODUCTS);

describe('the seeded catalogue and templates', () => {
  it.each(SEED_PRODUCTS.map((p) => [p.code, p] as const))(
    'product %s is well formed',
    (_code, product) => {
      expect(checkProduct(product)).toEqual([]);
    },
  );

  it.each(SEED_TEMPLATES.map((t) => [t.code, t] as const))(
    'template %s is well formed and sellable at its minimum',
    (_code, template) => {
      expect(checkTemplate(template)).toEqual([]);
      for (const item of templateItems(template)) {
        expect(catalogue.get(item.productCode)?.lifecycle).toBe('ACTIVE');
      }
      const minimum = templateItems(template)
        .filter((item) => item.minQuantity > 0)
        .map((item) => ({ productCode: item.productCode, quantity: item.minQuantity }));
      const violations = checkConfiguration(template, catalogue, { lines: minimum });
      // Only a choose-k-of-n group may ask for more than the minimum quantities.
      expect(violations.filter((v) => v.code !== 'TOO_FEW_CHOSEN')).toEqual([]);
    },
  );

  it('prices leased lines by bandwidth, rising with it', () => {
    const dia = catalogue.get('DIA');
    expect(dia?.priceBands?.map((b) => b.monthlyListFen)).toEqual(
      [...(dia?.priceBands ?? [])].map((b) => b.monthlyListFen).sort((a, b) => a - b),
    );
  });

  it('finds a template defect: a rule naming a product not offered, a bad discount', () => {
    const [first] = SEED_TEMPLATES;
    if (!first) throw new Error('no templates');
    const broken = {
      ...first,
      bundleDiscountBp: 12_000,
      rules: [...first.rules, { id: 'x', kind: 'EXCLUDES' as const, items: ['IOT_CARD', 'DIA'] }],
    };
    expect(checkTemplate(broken).map((p) => p.field)).toEqual(['rules[2]', 'bundleDiscountBp']);
  });
});

describe('every reason reads in every language', () => {
  const catalogs = [
    [CONFIGURATION_REASONS, VIOLATION_CODES],
    [QUALIFICATION_REASONS, INELIGIBILITY_CODES],
    [
      PROPOSAL_REASONS,
      [...PROPOSAL_REFUSAL_CODES, ...TRIAL_REFUSAL_CODES, 'MANUAL_DISCOUNT_INVALID'],
    ],
  ] as const;
  it.each(catalogs.map(([catalog, codes], i) => [i, catalog, codes] as const))(
    'catalogue %#',
    (_i, catalog, codes) => {
      expect(Object.keys(catalog).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        for (const locale of LOCALES) {
          const text = renderReason(catalog as never, reason(code, { item: 'DIA' }), locale);
          expect(text.length).toBeGreaterThan(3);
        }
      }
    },
  );
});
