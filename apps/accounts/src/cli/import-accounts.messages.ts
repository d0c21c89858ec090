import type { ZhMessages } from '@gap/bulk-import';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  EARLIEST_FOUNDING,
  GROUP_ACCOUNT_STATUSES,
  GROUP_ACCOUNT_TYPES,
  MAX_EMPLOYEES,
  MAX_HIERARCHY_DEPTH,
  MAX_LINES,
  MAX_TAGS,
  TAG_MAX_LENGTH,
} from '@gap/accounts/domain';

const STATUS_ZH: Readonly<Record<string, string>> = {
  PROSPECT: '潜在',
  ACTIVE: '在网',
  SUSPENDED: '暂停',
  CHURNED: '已流失',
};
const status = (value: string | number | undefined) =>
  value === undefined ? '' : `${STATUS_ZH[String(value)] ?? value}（${value}）`;

/** The accounts import's own codes in Chinese; the shared ones come from @gap/bulk-import. */
export const ACCOUNTS_IMPORT_ZH: ZhMessages = {
  TOO_LARGE: (e) =>
    `${e.field} 不能超过 ${e.field === 'employees' ? MAX_EMPLOYEES : e.field === 'linesCount' ? MAX_LINES : (e.params?.['max'] ?? '上限')}。`,
  TOO_LONG: (e) => `${e.field} 最多 ${ACCOUNT_NAME_MAX_LENGTH} 个字符。`,
  CREDIT_CODE_LENGTH: (e) => `${e.field} 应为 18 位统一社会信用代码。`,
  CREDIT_CODE_CHARACTER: (e) => `${e.field} 含有统一社会信用代码不允许的字符。`,
  CREDIT_CODE_DIVISION: (e) => `${e.field} 中的行政区划码不存在。`,
  CREDIT_CODE_CHECK_CHARACTER: (e) => `${e.field} 的校验位不正确。`,
  TYPE_UNKNOWN: () => `客户类型应为 ${GROUP_ACCOUNT_TYPES.join('、')} 之一。`,
  INDUSTRY_UNKNOWN: () => '行业代码应为 GB/T 4754 的门类（A 至 T）。',
  REGION_UNKNOWN: () => '地区代码应为六位行政区划代码。',
  DATE_INVALID: (e) => `${e.field} 应为 YYYY-MM-DD 格式的日期。`,
  DATE_IN_FUTURE: () => '成立日期不能晚于今天。',
  DATE_TOO_EARLY: () => `成立日期不能早于 ${EARLIEST_FOUNDING}。`,
  TAG_INVALID: () => `每个标签 1 至 ${TAG_MAX_LENGTH} 个字符。`,
  TOO_MANY_TAGS: () => `一个客户最多 ${MAX_TAGS} 个标签。`,
  STATUS_UNKNOWN: () => `状态应为 ${GROUP_ACCOUNT_STATUSES.join('、')} 之一。`,
  STATUS_TRANSITION_REFUSED: (e) =>
    `客户状态不能从${status(e.params?.['from'])}改为${status(e.params?.['to'])}。`,
  PARENT_NOT_FOUND: (e) => `找不到您可见的上级客户 ${e.params?.['parent'] ?? ''}。`,
  PARENT_NOT_IMPORTED: (e) => `上级客户 ${e.params?.['parent'] ?? ''} 未导入（见其所在行）。`,
  HIERARCHY_CYCLE: () => '上下级关系形成了循环。',
  HIERARCHY_TOO_DEEP: () => `集团层级最多 ${MAX_HIERARCHY_DEPTH} 层。`,
  CREDIT_CODE_TAKEN: () => '该统一社会信用代码已属于其他客户。',
  GROUP_ACCOUNT_NOT_FOUND: () => '找不到该客户。',
};
