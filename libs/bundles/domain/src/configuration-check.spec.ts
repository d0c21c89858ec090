import { renderReason } from '@gap/i18n';
import { catalogueOf } from './catalogue.js';
import { SEED_PRODUCTS } from './catalogue.seed.js';
import { checkConfiguration, type ConfigurationLine } from './configuration-check.js';
import { CONFIGURATION_REASONS } from './configuration.reasons.js';
import type { BundleTemplate } from './template.js';
import { SEED_TEMPLATES } from './templates.seed.js';

const catalogue = catalogueOf(SEED_PRODUCTS);
const template = (code: string): BundleTemplate => {
  const found = SEED_TEMPLATES.find((t) => t.code === code);
  if (!found) throw new Error(code);
  return found;
};
const sme = template('SME_BUSINESS');
const large = template('LINE_AND_VOICE');
const check = (t: BundleTemplate, lines: ConfigurationLine[]) =>
  checkConfiguration(t, catalogue, { lines });
const brief = (t: BundleTemplate, lines: ConfigurationLine[]) =>
  check(t, lines).map(({ code, rule, item, line }) => ({ code, rule, item, line }));

const dia = (bandwidthMbps = 100): ConfigurationLine => ({
  productCode: 'DIA',
  quantity: 1,
  attributes: { bandwidthMbps },
});

describe('a configuration is checked against its template', () => {
  it('passes a valid SME package: core line plus two chosen modules', () => {
    expect(
      check(sme, [
        dia(),
        { productCode: 'FIXED_LINE', quantity: 5 },
        { productCode: 'VPMN', quantity: 1 },
      ]),
    ).toEqual([]);
  });

  it('names a module that is not in the template', () => {
    expect(
      brief(sme, [
        dia(),
        { productCode: 'VPMN', quantity: 1 },
        { productCode: 'IOT_CARD', quantity: 1 },
      ]),
    ).toEqual([{ code: 'NOT_IN_TEMPLATE', rule: 'membership', item: 'IOT_CARD', line: 2 }]);
  });

  it('names a missing core product and the quantity bounds of an item', () => {
    expect(brief(large, [{ productCode: 'FIXED_LINE', quantity: 5 }])).toEqual([
      { code: 'ITEM_MISSING', rule: 'quantity:DIA', item: 'DIA', line: undefined },
      {
        code: 'QUANTITY_OUT_OF_RANGE',
        rule: 'quantity:FIXED_LINE',
        item: 'FIXED_LINE',
        line: undefined,
      },
    ]);
  });

  it('adds up the lines of one product before checking its bounds', () => {
    const lines = [
      dia(),
      { productCode: 'FIXED_LINE', quantity: 30 },
      { productCode: 'FIXED_LINE', quantity: 30 },
    ];
    expect(brief(sme, lines)).toEqual([
      {
        code: 'QUANTITY_OUT_OF_RANGE',
        rule: 'quantity:FIXED_LINE',
        item: 'FIXED_LINE',
        line: undefined,
      },
    ]);
  });

  it.each([0, -3, 1.5, Number.NaN, 10_000_000])(
    'refuses a quantity of %p on the line itself',
    (quantity) => {
      expect(brief(sme, [dia(), { productCode: 'VPMN', quantity }])).toEqual([
        { code: 'QUANTITY_INVALID', rule: 'line', item: 'VPMN', line: 1 },
      ]);
    },
  );

  it('names a missing required module', () => {
    const lines = [
      dia(),
      { productCode: 'FIXED_LINE', quantity: 10 },
      { productCode: 'GROUP_CALLING', quantity: 40 },
    ];
    expect(brief(large, lines)).toEqual([
      { code: 'REQUIRED_MISSING', rule: 'calling-needs-vpmn', item: 'VPMN', line: undefined },
    ]);
  });

  it('names an excluded pair', () => {
    const lines = [
      dia(),
      { productCode: 'FIXED_LINE', quantity: 2 },
      { productCode: 'CLOUD_PBX', quantity: 2 },
    ];
    const [violation] = check(sme, lines);
    expect(violation).toMatchObject({
      code: 'EXCLUDED_TOGETHER',
      rule: 'desk-phones-or-cloud-pbx',
      item: 'CLOUD_PBX',
    });
    expect(violation?.figures['with']).toBe('FIXED_LINE');
  });

  it('counts a choose-k-of-n group both ways', () => {
    expect(brief(sme, [dia()])).toEqual([
      { code: 'TOO_FEW_CHOSEN', rule: 'choose-modules', item: 'FIXED_LINE', line: undefined },
    ]);
    const four = ['VPMN', 'MOBILE_OFFICE', 'SMS_BROADCAST', 'CLOUD_HOST'].map((productCode) => ({
      productCode,
      quantity: 1,
    }));
    expect(brief(sme, [dia(), ...four])).toEqual([
      { code: 'TOO_MANY_CHOSEN', rule: 'choose-modules', item: 'CLOUD_HOST', line: undefined },
    ]);
  });

  it('checks an attribute constraint a module puts on the core', () => {
    const lines = [
      dia(20),
      { productCode: 'FIXED_LINE', quantity: 10 },
      { productCode: 'MOBILE_OFFICE', quantity: 50 },
    ];
    const violations = check(large, lines);
    expect(violations.map((v) => [v.code, v.rule, v.item, v.line])).toEqual([
      ['ATTRIBUTE_CONSTRAINT', 'mobile-office-bandwidth', 'DIA', 0],
    ]);
    expect(renderReason(CONFIGURATION_REASONS, violations[0], 'en')).toBe(
      'Line 1: with MOBILE_OFFICE, bandwidthMbps of DIA must be at least 100; it is 20.',
    );
    expect(renderReason(CONFIGURATION_REASONS, violations[0], 'zh-CN')).toContain('须≥ 100');
  });

  it('checks an enumerated attribute constraint on a module itself', () => {
    const gov = template('GOV_CLOUD');
    const lines = [
      { productCode: 'CLOUD_HOST', quantity: 4 },
      { productCode: 'CLOUD_STORAGE', quantity: 10 },
      {
        productCode: 'DATA_LINE',
        quantity: 1,
        attributes: { bandwidthMbps: 200, slaClass: 'BRONZE' },
      },
    ];
    expect(brief(gov, lines)).toEqual([
      { code: 'ATTRIBUTE_CONSTRAINT', rule: 'gov-line-sla', item: 'DATA_LINE', line: 2 },
    ]);
  });

  it('names attribute values the catalogue does not allow and attributes it does not know', () => {
    const lines: ConfigurationLine[] = [
      {
        productCode: 'DIA',
        quantity: 1,
        attributes: { bandwidthMbps: 15, slaClass: 'PLATINUM', colour: 'red' },
      },
      { productCode: 'VPMN', quantity: 1, attributes: { members: 1 } },
    ];
    expect(brief(sme, lines).map((v) => [v.code, v.item, v.line])).toEqual([
      ['ATTRIBUTE_UNKNOWN', 'DIA', 0],
      ['ATTRIBUTE_VALUE_NOT_ALLOWED', 'DIA', 0],
      ['ATTRIBUTE_VALUE_NOT_ALLOWED', 'DIA', 0],
      ['ATTRIBUTE_VALUE_NOT_ALLOWED', 'VPMN', 1],
    ]);
  });

  it('names an attribute the line leaves out when the product has no default for it', () => {
    const noDefault = SEED_PRODUCTS.map((p) =>
      p.code === 'VPMN'
        ? { ...p, attributes: p.attributes.map((a) => ({ ...a, default: undefined })) }
        : p,
    );
    const lines = [dia(), { productCode: 'VPMN', quantity: 1 }];
    expect(checkConfiguration(sme, catalogueOf(noDefault), { lines })).toMatchObject([
      {
        code: 'ATTRIBUTE_MISSING',
        rule: 'attributes',
        item: 'VPMN',
        line: 1,
        figures: { attribute: 'members' },
      },
    ]);
  });

  it('refuses a product that is not on sale', () => {
    const withRetired: BundleTemplate = {
      ...sme,
      modules: [...sme.modules, { productCode: 'ISDN_LINE', minQuantity: 0, maxQuantity: 5 }],
    };
    const lines = [
      dia(),
      { productCode: 'VPMN', quantity: 1 },
      { productCode: 'ISDN_LINE', quantity: 1 },
    ];
    expect(brief(withRetired, lines)).toEqual([
      { code: 'PRODUCT_NOT_ACTIVE', rule: 'lifecycle', item: 'ISDN_LINE', line: 2 },
    ]);
  });

  it('reports every violation at once, never only the first', () => {
    const lines: ConfigurationLine[] = [
      { productCode: 'DIA', quantity: 2, attributes: { bandwidthMbps: 1000 } },
      { productCode: 'FIXED_LINE', quantity: 1 },
      { productCode: 'CLOUD_PBX', quantity: 1 },
      { productCode: 'IOT_CARD', quantity: 1 },
    ];
    expect(check(sme, lines).map((v) => v.code)).toEqual([
      'NOT_IN_TEMPLATE',
      'QUANTITY_OUT_OF_RANGE',
      'ATTRIBUTE_CONSTRAINT',
      'EXCLUDED_TOGETHER',
    ]);
  });
});
