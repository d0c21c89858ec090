import { DomainError, violation, type FieldViolation } from '@gap/errors';
import type { Reason } from '@gap/i18n';
import type { PartnerStatusRefusalCode } from '@gap/partners/domain';

const inputPath = (field: string) => `input.${field.replace(/\[(\d+)\]/g, '.$1')}`;

/** The partner organisations' errors, in Chinese and English. */
export const PartnerErrors = {
  /** Every defect found in a partner's fields, each naming its field of the input. */
  invalid: (problems: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(
      problems.map((p) => ({ ...p, field: inputPath(p.field) })),
      'PARTNER_FIELD_INVALID',
    ),

  notFound: (id: string, field = 'input.id'): DomainError =>
    DomainError.notFound(
      'PARTNER_NOT_FOUND',
      { 'zh-CN': `没有合作伙伴 ${id}。`, en: `No partner ${id}.` },
      field,
    ),

  codeTaken: (code: string): DomainError =>
    DomainError.conflict(
      'PARTNER_CODE_TAKEN',
      {
        'zh-CN': `合作伙伴编码 ${code} 已被使用。`,
        en: `The partner code ${code} is already taken.`,
      },
      'input.code',
    ),

  staleVersion: (id: string, given: number, current: number): DomainError =>
    DomainError.staleVersion(
      'PARTNER_VERSION_CONFLICT',
      {
        'zh-CN': `合作伙伴 ${id} 已被他人修改（您的版本 ${given}，当前版本 ${current}），请刷新后重试。`,
        en: `Partner ${id} was changed meanwhile (your version ${given}, now ${current}); reload and retry.`,
      },
      'input.version',
    ),

  ended: (id: string): DomainError =>
    DomainError.conflict(
      'PARTNER_ENDED',
      {
        'zh-CN': `合作伙伴 ${id} 已终止合作，不能再修改。`,
        en: `Partner ${id} has ended; it can no longer be changed.`,
      },
      'input.id',
    ),

  /** Why the domain refused a status change, as an error naming the field to change. */
  statusRefused: ({ code, figures }: Reason<PartnerStatusRefusalCode>): DomainError => {
    const from = String(figures['from']);
    const to = String(figures['to']);
    switch (code) {
      case 'PARTNER_STATUS_UNCHANGED':
        return DomainError.conflict(
          code,
          { 'zh-CN': `合作伙伴已是 ${to} 状态。`, en: `The partner is ${to} already.` },
          'input.status',
        );
      case 'PARTNER_ENDED':
        return DomainError.conflict(
          code,
          {
            'zh-CN': `合作伙伴状态不能从 ${from} 变为 ${to}：终止后不能恢复。`,
            en: `A partner cannot move from ${from} to ${to}: an ended partnership stays ended.`,
          },
          'input.status',
        );
      case 'PARTNER_STATUS_REASON_REQUIRED':
        return DomainError.invalidInput(
          [
            violation('input.reason', code, {
              'zh-CN': '暂停或终止合作需要说明原因（至少两个汉字或六个字母）。',
              en: 'Suspending or ending a partner needs a reason (at least six letters).',
            }),
          ],
          code,
        );
      case 'PARTNER_CONTRACT_NOT_IN_FORCE':
        return DomainError.conflict(
          code,
          {
            'zh-CN': '合同不在有效期内，不能恢复合作；请先更新合同日期。',
            en: 'The contract is not in force: update its dates before reinstating the partner.',
          },
          'input.status',
        );
    }
  },
};
