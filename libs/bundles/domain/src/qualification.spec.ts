import { renderReason } from '@gap/i18n';
import {
  QUALIFICATION_REASONS,
  qualify,
  qualifyAll,
  type QualifyingAccount,
} from './qualification.js';
import type { BundleTemplate } from './template.js';
import { SEED_TEMPLATES } from './templates.seed.js';

const byCode = (code: string) => SEED_TEMPLATES.find((t) => t.code === code) as BundleTemplate;
const account = (overrides: Partial<QualifyingAccount> = {}): QualifyingAccount => ({
  id: 'ACC-1',
  tier: 'A',
  segment: 'VALUE',
  industry: 'S',
  employees: 1_200,
  lines: 800,
  regionCode: '440106',
  status: 'ACTIVE',
  ...overrides,
});

describe('qualification of an account for a bundle template', () => {
  it('qualifies a large government account for the core offer and government cloud', () => {
    const answers = qualifyAll(account(), SEED_TEMPLATES);
    expect(answers.map((a) => [a.templateCode, a.eligible])).toEqual([
      ['LINE_AND_VOICE', true],
      ['SME_BUSINESS', false],
      ['GOV_CLOUD', true],
      ['IOT_PACKAGE', false],
    ]);
  });

  it('gives every reason why not, never only the first', () => {
    const answer = qualify(account(), byCode('IOT_PACKAGE'));
    expect(answer.eligible).toBe(false);
    expect(answer.reasons.map((r) => r.code)).toEqual(['INDUSTRY_NOT_ELIGIBLE']);
    const sme = qualify(account({ tier: 'A', employees: 1_200 }), byCode('SME_BUSINESS'));
    expect(sme.reasons.map((r) => r.code)).toEqual(['TIER_NOT_ELIGIBLE', 'EMPLOYEES_OUT_OF_RANGE']);
    expect(renderReason(QUALIFICATION_REASONS, sme.reasons[1], 'en')).toBe(
      '1200 employees is not ≤ 300.',
    );
  });

  it('checks tier, segment, industry, size and region', () => {
    const answer = qualify(
      account({
        tier: 'C',
        segment: 'LOW_VALUE',
        industry: 'I',
        employees: 50,
        lines: 10,
        regionCode: '110105',
      }),
      {
        ...byCode('IOT_PACKAGE'),
        eligibility: {
          ...byCode('LINE_AND_VOICE').eligibility,
          ...byCode('IOT_PACKAGE').eligibility,
        },
      },
    );
    expect(answer.reasons.map((r) => r.code)).toEqual([
      'TIER_NOT_ELIGIBLE',
      'SEGMENT_NOT_ELIGIBLE',
      'INDUSTRY_NOT_ELIGIBLE',
      'EMPLOYEES_OUT_OF_RANGE',
      'LINES_OUT_OF_RANGE',
      'REGION_NOT_ELIGIBLE',
    ]);
  });

  it('matches a region by its GB/T 2260 prefix', () => {
    const iot = byCode('IOT_PACKAGE');
    const manufacturer = account({ industry: 'C', regionCode: '320581' });
    expect(qualify(manufacturer, iot).eligible).toBe(true);
    expect(
      qualify({ ...manufacturer, regionCode: '510107' }, iot).reasons[0]?.figures,
    ).toMatchObject({
      value: '510107',
      allowed: '44, 32, 33',
    });
  });

  it('does not qualify an account whose facts are unknown for a criterion that needs them', () => {
    const answer = qualify(account({ segment: null, employees: null }), byCode('LINE_AND_VOICE'));
    expect(answer.reasons.map((r) => r.code)).toEqual([
      'SEGMENT_NOT_ELIGIBLE',
      'EMPLOYEES_OUT_OF_RANGE',
    ]);
    expect(renderReason(QUALIFICATION_REASONS, answer.reasons[0], 'zh-CN')).toContain('—');
  });

  it('refuses a template not on sale and an account that is not active', () => {
    const retired = { ...byCode('GOV_CLOUD'), lifecycle: 'RETIRED' as const };
    expect(qualify(account({ status: 'CHURNED' }), retired).reasons.map((r) => r.code)).toEqual([
      'TEMPLATE_NOT_ACTIVE',
      'ACCOUNT_NOT_ACTIVE',
    ]);
  });
});
