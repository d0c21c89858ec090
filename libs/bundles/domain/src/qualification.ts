import type { Figures, Reason, ReasonCatalog } from '@gap/i18n';
import type { Tier, ValueSegment } from './policy.js';
import type { BundleTemplate, IndustrySection, Range } from './template.js';

/** What the bundles service knows of an account (its projection of the other services' events). */
export interface QualifyingAccount {
  readonly id: string;
  readonly tier: Tier;
  readonly segment: ValueSegment | null;
  readonly industry: IndustrySection | null;
  readonly employees: number | null;
  readonly lines: number | null;
  /** GB/T 2260 six-digit code of the account's district. */
  readonly regionCode: string | null;
  readonly status: 'ACTIVE' | 'PROSPECT' | 'SUSPENDED' | 'CHURNED';
}

export const INELIGIBILITY_CODES = [
  'TEMPLATE_NOT_ACTIVE',
  'ACCOUNT_NOT_ACTIVE',
  'TIER_NOT_ELIGIBLE',
  'SEGMENT_NOT_ELIGIBLE',
  'INDUSTRY_NOT_ELIGIBLE',
  'EMPLOYEES_OUT_OF_RANGE',
  'LINES_OUT_OF_RANGE',
  'REGION_NOT_ELIGIBLE',
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];
export type IneligibilityReason = Reason<IneligibilityCode>;

/**
 * One template's answer for one account, in the spirit of TMF679's qualification item:
 * `eligible` is its `qualificationItemResult` (qualified / unqualified) and `reasons` its
 * `eligibilityUnavailabilityReason` list, every unmet criterion, never only the first.
 */
export interface Qualification {
  readonly accountId: string;
  readonly templateCode: string;
  readonly templateVersion: number;
  readonly eligible: boolean;
  readonly reasons: readonly IneligibilityReason[];
}

const inRange = (value: number | null, range: Range | undefined) =>
  !range ||
  (value !== null &&
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max));

const rangeFigures = (value: number | null, range: Range): Figures => ({
  value,
  min: range.min ?? null,
  max: range.max ?? null,
});

/** Whether the account may buy the template; if not, every reason why. */
export function qualify(account: QualifyingAccount, template: BundleTemplate): Qualification {
  const reasons: IneligibilityReason[] = [];
  const no = (code: IneligibilityCode, figures: Figures) => reasons.push({ code, figures });
  const rules = template.eligibility;
  if (template.lifecycle !== 'ACTIVE') {
    no('TEMPLATE_NOT_ACTIVE', { template: template.code, lifecycle: template.lifecycle });
  }
  if (account.status !== 'ACTIVE') no('ACCOUNT_NOT_ACTIVE', { status: account.status });
  if (rules.tiers && !rules.tiers.includes(account.tier)) {
    no('TIER_NOT_ELIGIBLE', { value: account.tier, allowed: rules.tiers.join(', ') });
  }
  if (rules.segments && !(account.segment && rules.segments.includes(account.segment))) {
    no('SEGMENT_NOT_ELIGIBLE', { value: account.segment, allowed: rules.segments.join(', ') });
  }
  if (rules.industries && !(account.industry && rules.industries.includes(account.industry))) {
    no('INDUSTRY_NOT_ELIGIBLE', {
      value: account.industry,
      allowed: rules.industries.join(', '),
    });
  }
  if (rules.employees && !inRange(account.employees, rules.employees)) {
    no('EMPLOYEES_OUT_OF_RANGE', rangeFigures(account.employees, rules.employees));
  }
  if (rules.lines && !inRange(account.lines, rules.lines)) {
    no('LINES_OUT_OF_RANGE', rangeFigures(account.lines, rules.lines));
  }
  const region = account.regionCode;
  if (rules.regionPrefixes && !(region && rules.regionPrefixes.some((p) => region.startsWith(p)))) {
    no('REGION_NOT_ELIGIBLE', { value: region, allowed: rules.regionPrefixes.join(', ') });
  }
  return {
    accountId: account.id,
    templateCode: template.code,
    templateVersion: template.version,
    eligible: reasons.length === 0,
    reasons,
  };
}

/** Every template's answer for one account, in the templates' order. */
export function qualifyAll(
  account: QualifyingAccount,
  templates: readonly BundleTemplate[],
): Qualification[] {
  return templates.map((template) => qualify(account, template));
}

const v = (f: Figures, key: string) => (f[key] === null ? '—' : String(f[key]));
const bounds = (f: Figures, zh: boolean) =>
  [
    f['min'] === null ? '' : `${zh ? '≥' : '≥ '}${v(f, 'min')}`,
    f['max'] === null ? '' : `${zh ? '≤' : '≤ '}${v(f, 'max')}`,
  ]
    .filter(Boolean)
    .join(zh ? '，' : ', ');

/** How each reason of ineligibility reads, in each language. */
export const QUALIFICATION_REASONS: ReasonCatalog<IneligibilityCode> = {
  TEMPLATE_NOT_ACTIVE: {
    'zh-CN': (f) => `套餐 ${v(f, 'template')} 当前不可售（${v(f, 'lifecycle')}）。`,
    en: (f) => `Bundle ${v(f, 'template')} is not on sale (${v(f, 'lifecycle')}).`,
  },
  ACCOUNT_NOT_ACTIVE: {
    'zh-CN': (f) => `客户状态为 ${v(f, 'status')}，不是在网客户。`,
    en: (f) => `The account is ${v(f, 'status')}, not active.`,
  },
  TIER_NOT_ELIGIBLE: {
    'zh-CN': (f) => `客户层级 ${v(f, 'value')} 不在适用层级（${v(f, 'allowed')}）内。`,
    en: (f) => `Tier ${v(f, 'value')} is not among ${v(f, 'allowed')}.`,
  },
  SEGMENT_NOT_ELIGIBLE: {
    'zh-CN': (f) => `价值分群 ${v(f, 'value')} 不在适用分群（${v(f, 'allowed')}）内。`,
    en: (f) => `Value segment ${v(f, 'value')} is not among ${v(f, 'allowed')}.`,
  },
  INDUSTRY_NOT_ELIGIBLE: {
    'zh-CN': (f) => `行业门类 ${v(f, 'value')} 不在适用行业（${v(f, 'allowed')}）内。`,
    en: (f) => `Industry section ${v(f, 'value')} is not among ${v(f, 'allowed')}.`,
  },
  EMPLOYEES_OUT_OF_RANGE: {
    'zh-CN': (f) => `员工数 ${v(f, 'value')} 不满足 ${bounds(f, true)}。`,
    en: (f) => `${v(f, 'value')} employees is not ${bounds(f, false)}.`,
  },
  LINES_OUT_OF_RANGE: {
    'zh-CN': (f) => `线路/成员数 ${v(f, 'value')} 不满足 ${bounds(f, true)}。`,
    en: (f) => `${v(f, 'value')} lines is not ${bounds(f, false)}.`,
  },
  REGION_NOT_ELIGIBLE: {
    'zh-CN': (f) => `所在地区 ${v(f, 'value')} 不在适用地区（${v(f, 'allowed')}）内。`,
    en: (f) => `Region ${v(f, 'value')} is outside ${v(f, 'allowed')}.`,
  },
};
