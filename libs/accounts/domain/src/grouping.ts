import { violation, type FieldViolation } from '@gap/errors';
import { isIndustryCode, isRegionCode } from './group-account.js';

export const GROUPING_NAME_MAX_LENGTH = 200;

export interface GroupingInput {
  readonly name: string;
  readonly industryCode: string | null;
  readonly regionCode: string | null;
}

/**
 * The rules on an industry cluster's or association's describing fields: a name of 1 to 200
 * characters, a GB/T 4754 section and a GB/T 2260 division when given. Every problem is
 * reported at once; the name comes back trimmed.
 */
export function checkGrouping(
  input: GroupingInput,
): { ok: true; name: string } | { ok: false; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const name = input.name.trim();
  if (name === '' || [...name].length > GROUPING_NAME_MAX_LENGTH) {
    violations.push(
      violation('input.name', 'NAME_INVALID', {
        'zh-CN': `名称应为 1 至 ${GROUPING_NAME_MAX_LENGTH} 个字符。`,
        en: `A name has 1 to ${GROUPING_NAME_MAX_LENGTH} characters.`,
      }),
    );
  }
  const { industryCode, regionCode } = input;
  if (industryCode !== null && !isIndustryCode(industryCode)) {
    violations.push(
      violation('input.industryCode', 'INDUSTRY_UNKNOWN', {
        'zh-CN': `“${industryCode}”不是 GB/T 4754 的行业门类（A 至 T）。`,
        en: `'${industryCode}' is not an industry section of GB/T 4754 (A to T).`,
      }),
    );
  }
  if (regionCode !== null && !isRegionCode(regionCode)) {
    violations.push(
      violation('input.regionCode', 'REGION_UNKNOWN', {
        'zh-CN': `“${regionCode}”不是中国省级行政区的六位区划代码。`,
        en: `'${regionCode}' is not a six-digit division code of a Chinese province.`,
      }),
    );
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, name };
}

/** A cluster's leader leads it: it cannot also be among its supporters. */
export function leaderAmongSupporters(leaderId: string, supporterIds: readonly string[]): boolean {
  return supporterIds.includes(leaderId);
}
