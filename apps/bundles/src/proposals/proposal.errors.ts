import { DomainError, violation, type ErrorKind, type FieldViolation } from '@gap/errors';
import { renderReason } from '@gap/i18n';
import {
  CONFIGURATION_REASONS,
  PROPOSAL_REASONS,
  QUALIFICATION_REASONS,
  type ConfigurationViolation,
  type IneligibilityReason,
  type ManualDiscountProblem,
  type ProposalRefusal,
} from '@gap/bundles/domain';

const both = <R extends Parameters<typeof renderReason>[1]>(
  render: (reason: R, locale: 'zh-CN' | 'en') => string,
  reason: R,
) => ({ 'zh-CN': render(reason, 'zh-CN'), en: render(reason, 'en') });

/** The refusals the caller's standing explains, not the proposal's state. */
const FORBIDDEN: ReadonlySet<string> = new Set([
  'SELF_APPROVAL',
  'NOT_NEXT_APPROVER',
  'APPROVER_OUT_OF_SCOPE',
  'ALREADY_APPROVED_BY_ACTOR',
]);

/** Where in the input a violation sits: its line's field, or the lines as a whole. */
function fieldOf(v: ConfigurationViolation, lines: readonly { productCode: string }[]): string {
  const line = v.line ?? lines.findIndex((l) => l.productCode === v.item);
  if (line < 0) return 'input.lines';
  switch (v.code) {
    case 'QUANTITY_INVALID':
    case 'QUANTITY_OUT_OF_RANGE':
      return `input.lines.${line}.quantity`;
    case 'ATTRIBUTE_UNKNOWN':
    case 'ATTRIBUTE_MISSING':
    case 'ATTRIBUTE_VALUE_NOT_ALLOWED':
    case 'ATTRIBUTE_CONSTRAINT':
      return `input.lines.${line}.attributes`;
    case 'ITEM_MISSING':
    case 'REQUIRED_MISSING':
    case 'TOO_FEW_CHOSEN':
      return 'input.lines';
    case 'NOT_IN_TEMPLATE':
    case 'PRODUCT_UNKNOWN':
    case 'PRODUCT_NOT_ACTIVE':
    case 'EXCLUDED_TOGETHER':
    case 'TOO_MANY_CHOSEN':
      return `input.lines.${line}.productCode`;
  }
}

const DISCOUNT_FIELDS: Readonly<Record<string, string>> = {
  bp: 'percentBp',
  monthlyFen: 'monthlyFen',
  oneTimeFen: 'oneTimeFen',
};

/** The proposal feature's errors, in Chinese and English. */
export const ProposalErrors = {
  /** Every rule the configuration breaks, each naming its field and the item. */
  configuration: (
    violations: readonly ConfigurationViolation[],
    lines: readonly { productCode: string }[],
  ): DomainError =>
    DomainError.invalidInput(
      violations.map((v): FieldViolation =>
        violation(
          fieldOf(v, lines),
          v.code,
          both((r, l) => renderReason(CONFIGURATION_REASONS, r, l), v),
        ),
      ),
      'BUNDLE_CONFIGURATION_INVALID',
    ),

  manualDiscount: (problem: ManualDiscountProblem): DomainError =>
    DomainError.invalidInput([
      violation(
        `input.manualDiscount.${DISCOUNT_FIELDS[String(problem.figures['field'])] ?? 'percentBp'}`,
        problem.code,
        both((r, l) => renderReason(PROPOSAL_REASONS, r, l), problem),
      ),
    ]),

  discountShape: (): DomainError =>
    DomainError.invalidInput([
      violation('input.manualDiscount', 'MANUAL_DISCOUNT_SHAPE', {
        'zh-CN': '手工折扣请给出比例或金额之一，不能同时给出。',
        en: 'Give the manual discount as a share or as amounts, not both.',
      }),
    ]),

  notEligible: (templateCode: string, reasons: readonly IneligibilityReason[]): DomainError =>
    new DomainError(
      'ACCOUNT_NOT_ELIGIBLE',
      'CONFLICT',
      {
        'zh-CN': `客户不符合套餐 ${templateCode} 的条件：${reasons.map((r) => renderReason(QUALIFICATION_REASONS, r, 'zh-CN')).join('')}`,
        en: `The account may not buy ${templateCode}: ${reasons.map((r) => renderReason(QUALIFICATION_REASONS, r, 'en')).join(' ')}`,
      },
      'input.templateCode',
    ),

  templateNotOnSale: (code: string): DomainError =>
    DomainError.notFound(
      'BUNDLE_TEMPLATE_NOT_FOUND',
      { 'zh-CN': `套餐 ${code} 没有在售版本。`, en: `Bundle ${code} has no version on sale.` },
      'input.templateCode',
    ),

  accountNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      { 'zh-CN': `没有您可见的集团客户 ${id}。`, en: `No group account ${id} you may see.` },
      'input.groupAccountId',
    ),

  notFound: (id: string): DomainError =>
    DomainError.notFound(
      'PROPOSAL_NOT_FOUND',
      { 'zh-CN': `没有您可见的方案 ${id}。`, en: `No proposal ${id} you may see.` },
      'input.id',
    ),

  staleVersion: (id: string, given: number, current: number): DomainError =>
    DomainError.conflict(
      'PROPOSAL_VERSION_CONFLICT',
      {
        'zh-CN': `方案 ${id} 已被他人修改（您的版本 ${given}，当前版本 ${current}），请刷新后重试。`,
        en: `Proposal ${id} changed meanwhile (your version ${given}, now ${current}); reload and retry.`,
      },
      'input.version',
    ),

  /** A refusal of the domain's state machine, coded as the domain codes it. */
  refused: (refusal: ProposalRefusal): DomainError => {
    const kind: ErrorKind = FORBIDDEN.has(refusal.code)
      ? 'FORBIDDEN'
      : refusal.code === 'REJECTION_NEEDS_COMMENT'
        ? 'INVALID_INPUT'
        : 'CONFLICT';
    const field = refusal.code === 'REJECTION_NEEDS_COMMENT' ? 'input.comment' : 'input.id';
    return new DomainError(
      refusal.code,
      kind,
      both((r, l) => renderReason(PROPOSAL_REASONS, r, l), refusal),
      field,
    );
  },
};
