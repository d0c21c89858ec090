import { violation, type FieldViolation } from '@gap/errors';
import type { Localized } from '@gap/i18n';
import { isCalendarDate, type CalendarDate } from '@gap/calendar';
import { checkCreditCode } from './credit-code.js';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  GROUP_ACCOUNT_STATUSES,
  GROUP_ACCOUNT_TYPES,
  isIndustryCode,
  isRegionCode,
  type GroupAccountStatus,
  type GroupAccountType,
  type IndustryCode,
} from './group-account.js';

export const MAX_EMPLOYEES = 5_000_000;
export const MAX_LINES = 10_000_000;
export const MAX_TAGS = 20;
export const TAG_MAX_LENGTH = 30;
export const EARLIEST_FOUNDING = '1800-01-01';

/** The describing fields of a group account, as typed by a user or read from an import file. */
export interface AccountFieldsInput {
  readonly name?: string | null;
  readonly legalName?: string | null;
  readonly creditCode?: string | null;
  readonly type?: string | null;
  readonly industryCode?: string | null;
  readonly regionCode?: string | null;
  readonly employees?: number | null;
  readonly linesCount?: number | null;
  readonly foundedOn?: string | null;
  readonly tags?: readonly string[] | null;
  readonly status?: string | null;
}

export interface AccountFields {
  readonly name: string;
  readonly legalName: string | null;
  readonly creditCode: string;
  readonly type: GroupAccountType;
  readonly industryCode: IndustryCode;
  readonly regionCode: string;
  readonly employees: number | null;
  readonly linesCount: number | null;
  readonly foundedOn: CalendarDate | null;
  readonly tags: readonly string[];
  readonly status: GroupAccountStatus;
}

export interface AccountFieldsRules {
  /** Where the fields sit in the request, e.g. `input`; violations are named `input.name`. */
  readonly prefix: string;
  readonly today: CalendarDate;
  /** A new account must have its identifying fields; an update names only what changes. */
  readonly mode: 'create' | 'update';
  /** A legacy code whose check character is wrong is let through, with a recorded reason. */
  readonly creditCodeOverride?: boolean;
}

export type AccountFieldsCheck =
  | { readonly ok: true; readonly fields: Partial<AccountFields> }
  | { readonly ok: false; readonly violations: readonly FieldViolation[] };

const REQUIRED_ON_CREATE = ['name', 'creditCode', 'type', 'industryCode', 'regionCode'] as const;

/**
 * Every rule on an account's fields in one place, for the create and update mutations and the
 * bulk import alike. All problems are reported at once, each naming its field.
 */
export function checkAccountFields(
  input: AccountFieldsInput,
  rules: AccountFieldsRules,
): AccountFieldsCheck {
  const violations: FieldViolation[] = [];
  const fields: Record<string, unknown> = {};
  const field = (name: string) => (rules.prefix ? `${rules.prefix}.${name}` : name);
  const fail: Fail = (name, reason, message) =>
    violations.push(violation(field(name), reason, message));

  if (rules.mode === 'create') {
    for (const name of REQUIRED_ON_CREATE) {
      const value = input[name];
      if (value === undefined || value === null || String(value).trim() === '') {
        fail(name, 'REQUIRED', { 'zh-CN': `${name} 为必填项。`, en: `${name} is required.` });
      }
    }
  }

  const name = text(input.name);
  if (name !== undefined) {
    if (name === '') {
      if (rules.mode === 'update') {
        fail('name', 'REQUIRED', { 'zh-CN': '名称不能清空。', en: 'name cannot be emptied.' });
      }
    } else if (!checkName(name, 'name', fail)) {
      // reported
    } else fields['name'] = name;
  }

  if (input.legalName !== undefined) {
    const legalName = text(input.legalName);
    if (legalName === undefined || legalName === '') fields['legalName'] = null;
    else if (checkName(legalName, 'legalName', fail)) fields['legalName'] = legalName;
  }

  const rawCode = text(input.creditCode);
  if (rawCode) {
    const credit = checkCreditCode(rawCode);
    if (credit.valid) fields['creditCode'] = credit.code;
    else if (rules.creditCodeOverride && credit.problem === 'CREDIT_CODE_CHECK_CHARACTER') {
      fields['creditCode'] = rawCode.replace(/\s+/g, '').toUpperCase();
    } else fail('creditCode', credit.problem, credit.message);
  }

  const type = text(input.type);
  if (type) {
    if ((GROUP_ACCOUNT_TYPES as readonly string[]).includes(type)) fields['type'] = type;
    else
      fail('type', 'TYPE_UNKNOWN', {
        'zh-CN': `“${type}”不是 ${GROUP_ACCOUNT_TYPES.join('、')} 之一。`,
        en: `'${type}' is not one of ${GROUP_ACCOUNT_TYPES.join(', ')}.`,
      });
  }

  const industryCode = text(input.industryCode)?.toUpperCase();
  if (industryCode) {
    if (isIndustryCode(industryCode)) fields['industryCode'] = industryCode;
    else
      fail('industryCode', 'INDUSTRY_UNKNOWN', {
        'zh-CN': `“${industryCode}”不是 GB/T 4754 的行业门类（A 至 T）。`,
        en: `'${industryCode}' is not an industry section of GB/T 4754 (A to T).`,
      });
  }

  const regionCode = text(input.regionCode);
  if (regionCode) {
    if (isRegionCode(regionCode)) fields['regionCode'] = regionCode;
    else
      fail('regionCode', 'REGION_UNKNOWN', {
        'zh-CN': `“${regionCode}”不是中国省级行政区的六位区划代码。`,
        en: `'${regionCode}' is not a six-digit division code of a Chinese province.`,
      });
  }

  for (const [name, max] of [
    ['employees', MAX_EMPLOYEES],
    ['linesCount', MAX_LINES],
  ] as const) {
    const value = input[name];
    if (value === undefined) continue;
    if (value === null) fields[name] = null;
    else if (!Number.isInteger(value))
      fail(name, 'NOT_AN_INTEGER', {
        'zh-CN': `${name} 应为整数。`,
        en: `${name} must be a whole number.`,
      });
    else if (value < 0)
      fail(name, 'NEGATIVE', {
        'zh-CN': `${name} 不能为负数。`,
        en: `${name} cannot be negative.`,
      });
    else if (value > max)
      fail(name, 'TOO_LARGE', {
        'zh-CN': `${name} 不能超过 ${max}。`,
        en: `${name} cannot exceed ${max}.`,
      });
    else fields[name] = value;
  }

  if (input.foundedOn !== undefined) {
    const foundedOn = text(input.foundedOn);
    if (!foundedOn) fields['foundedOn'] = null;
    else if (!isCalendarDate(foundedOn)) {
      fail('foundedOn', 'DATE_INVALID', {
        'zh-CN': `“${foundedOn}”不是 YYYY-MM-DD 格式的日期。`,
        en: `'${foundedOn}' is not a date of the form YYYY-MM-DD.`,
      });
    } else if (foundedOn > rules.today) {
      fail('foundedOn', 'DATE_IN_FUTURE', {
        'zh-CN': `成立日期不能晚于今天（${rules.today}）。`,
        en: `An organisation cannot be founded after today (${rules.today}).`,
      });
    } else if (foundedOn < EARLIEST_FOUNDING) {
      fail('foundedOn', 'DATE_TOO_EARLY', {
        'zh-CN': `成立日期早于 ${EARLIEST_FOUNDING}，不合常理。`,
        en: `A founding date before ${EARLIEST_FOUNDING} is not plausible.`,
      });
    } else fields['foundedOn'] = foundedOn;
  }

  if (input.tags !== undefined && input.tags !== null) {
    const tags = [...new Set(input.tags.map((tag) => tag.trim()))];
    const bad = tags.find((tag) => tag === '' || tag.length > TAG_MAX_LENGTH);
    if (bad !== undefined) {
      fail('tags', 'TAG_INVALID', {
        'zh-CN': `每个标签 1 至 ${TAG_MAX_LENGTH} 个字符，“${bad}”不符合。`,
        en: `A tag has 1 to ${TAG_MAX_LENGTH} characters; '${bad}' does not.`,
      });
    } else if (tags.length > MAX_TAGS) {
      fail('tags', 'TOO_MANY_TAGS', {
        'zh-CN': `一个客户最多 ${MAX_TAGS} 个标签。`,
        en: `An account carries at most ${MAX_TAGS} tags.`,
      });
    } else fields['tags'] = tags;
  } else if (rules.mode === 'create') fields['tags'] = [];

  const status = text(input.status);
  if (status) {
    if ((GROUP_ACCOUNT_STATUSES as readonly string[]).includes(status)) fields['status'] = status;
    else
      fail('status', 'STATUS_UNKNOWN', {
        'zh-CN': `“${status}”不是 ${GROUP_ACCOUNT_STATUSES.join('、')} 之一。`,
        en: `'${status}' is not one of ${GROUP_ACCOUNT_STATUSES.join(', ')}.`,
      });
  } else if (rules.mode === 'create') fields['status'] = 'PROSPECT';

  if (violations.length > 0) return { ok: false, violations: dedupe(violations) };
  return { ok: true, fields: fields };
}

type Fail = (name: string, reason: string, message: Localized) => void;

function checkName(value: string, name: string, fail: Fail): boolean {
  if (value.length > ACCOUNT_NAME_MAX_LENGTH) {
    fail(name, 'TOO_LONG', {
      'zh-CN': `${name} 最多 ${ACCOUNT_NAME_MAX_LENGTH} 个字符。`,
      en: `${name} has at most ${ACCOUNT_NAME_MAX_LENGTH} characters.`,
    });
    return false;
  }

  if (/[\u0000-\u001f\u007f]/.test(value)) {
    fail(name, 'CONTROL_CHARACTER', {
      'zh-CN': `${name} 不能包含控制字符。`,
      en: `${name} cannot contain control characters.`,
    });
    return false;
  }
  return true;
}

function text(value: string | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  return value.trim();
}

/** A missing required field is reported once, not also as an invalid one. */
function dedupe(violations: FieldViolation[]): FieldViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    if (seen.has(v.field)) return false;
    seen.add(v.field);
    return true;
  });
}
