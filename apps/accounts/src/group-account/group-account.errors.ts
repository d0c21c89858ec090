import { DomainError, violation, type FieldViolation } from '@gap/errors';
import type { ReasonProblem } from '@gap/accounts/domain';

const STATUS_ZH: Readonly<Record<string, string>> = {
  PROSPECT: '潜在客户',
  ACTIVE: '在网客户',
  SUSPENDED: '暂停客户',
  CHURNED: '流失客户',
};
const zh = (status: string) => STATUS_ZH[status] ?? status;

export const GroupAccountErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(
      violations,
      violations.length === 1 ? violations[0]?.reason : 'INVALID_INPUT',
    ),

  creditCodeTaken: (creditCode: string, field = 'input.creditCode'): DomainError =>
    DomainError.conflict(
      'CREDIT_CODE_TAKEN',
      {
        'zh-CN': `统一社会信用代码为 ${creditCode} 的集团客户已存在。`,
        en: `A group account with credit code ${creditCode} already exists.`,
      },
      field,
    ),

  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      {
        'zh-CN': `找不到您可见的集团客户 ${id}。`,
        en: `No group account ${id} that you may see.`,
      },
      field,
    ),

  stale: (id: string, expected: number, actual: number): DomainError =>
    DomainError.conflict(
      'VERSION_MISMATCH',
      {
        'zh-CN': `集团客户 ${id} 在您读取后已被修改（您的版本 ${expected}，当前 ${actual}），请重新读取后再修改。`,
        en: `Group account ${id} changed since you read it (your version ${expected}, now ${actual}); read it again and reapply your change.`,
      },
      'input.version',
    ),

  overrideNotAllowed: (): DomainError =>
    DomainError.forbidden(
      {
        'zh-CN': '只有主管和管理员可以登记校验位不符的统一社会信用代码。',
        en: 'Only supervisors and admins may register a credit code whose check character does not match.',
      },
      'CREDIT_CODE_OVERRIDE_FORBIDDEN',
    ),

  overrideReason: (problem: ReasonProblem): DomainError =>
    DomainError.invalidInput(
      [
        violation('input.creditCodeOverrideReason', problem, {
          'zh-CN': '请说明核实了什么（至少两个汉字或六个字母）。',
          en: 'Say what was checked, in at least two Chinese characters or six letters.',
        }),
      ],
      problem,
    ),

  transitionRefused: (from: string, to: string, allowed: readonly string[]): DomainError =>
    new DomainError(
      'STATUS_TRANSITION_REFUSED',
      'PRECONDITION_FAILED',
      {
        'zh-CN': `${zh(from)}不能改为${zh(to)}；${zh(from)}只能改为${allowed.map(zh).join('或') || '无'}。`,
        en: `A ${from} account cannot become ${to}; from ${from} it can become ${allowed.join(' or ') || 'nothing else'}.`,
      },
      'input.status',
    ),

  statusReason: (to: string, problem: ReasonProblem): DomainError =>
    DomainError.invalidInput(
      [
        violation(
          'input.reason',
          problem,
          problem === 'REQUIRED'
            ? {
                'zh-CN': `改为${zh(to)}需要说明原因。`,
                en: `Making an account ${to} needs a reason.`,
              }
            : {
                'zh-CN': `改为${zh(to)}的原因至少两个汉字或六个字母。`,
                en: `The reason for making an account ${to} needs at least two Chinese characters or six letters.`,
              },
        ),
      ],
      problem,
    ),

  badCursor: (): DomainError =>
    DomainError.invalidInput([
      violation('after', 'cursor', {
        'zh-CN': 'after 不是此查询的游标。',
        en: 'after is not a cursor of this query.',
      }),
    ]),

  rangeReversed: (field: string): DomainError =>
    DomainError.invalidInput([
      violation(field, 'RANGE_REVERSED', {
        'zh-CN': `${field} 的下限大于上限。`,
        en: `${field} has its minimum above its maximum.`,
      }),
    ]),
};
