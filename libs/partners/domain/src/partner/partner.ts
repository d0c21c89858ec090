import { violation, type FieldViolation } from '@gap/errors';
import { dateProblem } from '@gap/validation';
import { isProvinceCode } from '../names/provinces.js';

/** Who extends the operator's coverage: agents (代理商), resellers, associations, e-channels. */
export const PARTNER_TYPES = ['AGENT', 'RESELLER', 'INDUSTRY_ASSOCIATION', 'E_CHANNEL'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_STATUSES = ['ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** What a partner's OAuth client may be granted (client credentials, RFC 6749 §4.4). */
export const PARTNER_SCOPES = [
  'leads:write',
  'leads:read',
  'webhooks:manage',
  'customers:read',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export function isPartnerScope(value: unknown): value is PartnerScope {
  return (PARTNER_SCOPES as readonly unknown[]).includes(value);
}

/** The sections (门类) of GB/T 4754-2017, the national industry classification: A to T. */
export const INDUSTRY_SECTIONS = [...'ABCDEFGHIJKLMNOPQRST'] as readonly string[];

export function isIndustrySection(value: string): boolean {
  return INDUSTRY_SECTIONS.includes(value);
}

/**
 * A region a partner may sell into: a GB/T 2260 code or its prefix, by level: 35 (福建省),
 * 3501 (福州市) or 350102 (鼓楼区).
 */
export function isRegionPrefix(value: string): boolean {
  return /^\d{2}(?:\d{2}){0,2}$/.test(value) && isProvinceCode(value.slice(0, 2));
}

/** A county-level GB/T 2260 code, as a lead's address is coded. */
export function isRegionCode(value: string): boolean {
  return /^\d{6}$/.test(value) && isProvinceCode(value.slice(0, 2));
}

export interface PartnerTerms {
  readonly name: string;
  readonly type: PartnerType;
  readonly regionPrefixes: readonly string[];
  readonly industrySections: readonly string[];
  /** Calendar dates (YYYY-MM-DD, China time); no end for an open-ended contract. */
  readonly contractStartsOn: string;
  readonly contractEndsOn: string | null;
}

export interface Partner extends PartnerTerms {
  readonly id: string;
  readonly status: PartnerStatus;
}

const MAX_NAME = 100;

/** What is wrong with a partner's terms, each naming its field; empty when nothing is. */
export function partnerTermsProblems(terms: PartnerTerms): FieldViolation[] {
  const problems: FieldViolation[] = [];
  const name = terms.name.trim();
  if (name.length === 0 || [...name].length > MAX_NAME) {
    problems.push(
      violation('name', 'PARTNER_NAME_LENGTH', {
        'zh-CN': `合作伙伴名称应为 1 至 ${MAX_NAME} 个字符。`,
        en: `A partner's name has 1 to ${MAX_NAME} characters.`,
      }),
    );
  }
  if (!PARTNER_TYPES.includes(terms.type)) {
    problems.push(
      violation('type', 'PARTNER_TYPE_UNKNOWN', {
        'zh-CN': `合作伙伴类型应为 ${PARTNER_TYPES.join('、')} 之一。`,
        en: `A partner's type is one of ${PARTNER_TYPES.join(', ')}.`,
      }),
    );
  }
  if (terms.regionPrefixes.length === 0) {
    problems.push(
      violation('regionPrefixes', 'PARTNER_REGIONS_REQUIRED', {
        'zh-CN': '请至少指定一个可销售区域。',
        en: 'Name at least one region the partner sells into.',
      }),
    );
  }
  terms.regionPrefixes.forEach((region, i) => {
    if (!isRegionPrefix(region)) {
      problems.push(
        violation(`regionPrefixes[${i}]`, 'PARTNER_REGION_CODE', {
          'zh-CN': `“${region}”不是行政区划代码（GB/T 2260 的 2、4 或 6 位）。`,
          en: `'${region}' is not a GB/T 2260 division code of 2, 4 or 6 digits.`,
        }),
      );
    }
  });
  if (terms.industrySections.length === 0) {
    problems.push(
      violation('industrySections', 'PARTNER_INDUSTRIES_REQUIRED', {
        'zh-CN': '请至少指定一个可销售行业门类。',
        en: 'Name at least one industry section the partner sells into.',
      }),
    );
  }
  terms.industrySections.forEach((section, i) => {
    if (!isIndustrySection(section)) {
      problems.push(
        violation(`industrySections[${i}]`, 'PARTNER_INDUSTRY_SECTION', {
          'zh-CN': `“${section}”不是国民经济行业分类（GB/T 4754）的门类 A 至 T。`,
          en: `'${section}' is not a GB/T 4754 section letter from A to T.`,
        }),
      );
    }
  });
  const dates = { contractStartsOn: terms.contractStartsOn, contractEndsOn: terms.contractEndsOn };
  for (const [field, value] of Object.entries(dates)) {
    if (value !== null && dateProblem(value) !== null) {
      problems.push(
        violation(field, 'PARTNER_CONTRACT_DATE', {
          'zh-CN': `“${value}”不是有效日期（YYYY-MM-DD）。`,
          en: `'${value}' is not a calendar date (YYYY-MM-DD).`,
        }),
      );
    }
  }
  const { contractStartsOn: start, contractEndsOn: end } = terms;
  if (end !== null && dateProblem(start) === null && dateProblem(end) === null && end < start) {
    problems.push(
      violation('contractEndsOn', 'PARTNER_CONTRACT_ENDS_BEFORE_START', {
        'zh-CN': `合同结束日期 ${end} 早于开始日期 ${start}。`,
        en: `The contract ends (${end}) before it starts (${start}).`,
      }),
    );
  }
  return problems;
}

/** Whether the contract covers `today` (YYYY-MM-DD, China time), both ends included. */
export function isUnderContract(partner: PartnerTerms, today: string): boolean {
  return (
    partner.contractStartsOn <= today &&
    (partner.contractEndsOn === null || today <= partner.contractEndsOn)
  );
}

/** Whether an active partner's coverage includes the county and the industry section. */
export function mayServe(partner: Partner, regionCode: string, industrySection: string): boolean {
  return partnerServiceProblem(partner, regionCode, industrySection) === null;
}

export type PartnerServiceProblem =
  | 'PARTNER_NOT_ACTIVE'
  | 'PARTNER_OUT_OF_CONTRACT'
  | 'PARTNER_REGION_NOT_COVERED'
  | 'PARTNER_INDUSTRY_NOT_COVERED';

/**
 * Why the partner may not bring a lead in this county and industry section, or null; with
 * `today`, the contract's dates are checked too.
 */
export function partnerServiceProblem(
  partner: Partner,
  regionCode: string,
  industrySection: string,
  today?: string,
): PartnerServiceProblem | null {
  if (partner.status !== 'ACTIVE') return 'PARTNER_NOT_ACTIVE';
  if (today !== undefined && !isUnderContract(partner, today)) return 'PARTNER_OUT_OF_CONTRACT';
  const inRegion =
    isRegionCode(regionCode) &&
    partner.regionPrefixes.some((prefix) => regionCode.startsWith(prefix));
  if (!inRegion) return 'PARTNER_REGION_NOT_COVERED';
  if (!partner.industrySections.includes(industrySection)) return 'PARTNER_INDUSTRY_NOT_COVERED';
  return null;
}

/** Whether the partner's clients may get tokens at all: active and under contract. */
export function mayAuthenticate(partner: Partner, today: string): boolean {
  return partner.status === 'ACTIVE' && isUnderContract(partner, today);
}
