import { DomainError, violation, type ErrorKind, type FieldViolation } from '@gap/errors';
import { renderReason, type Reason } from '@gap/i18n';
import { COORDINATION_REASONS, type CoordinationReasonCode } from '@gap/coordination/domain';

/** Refusals the caller's role or department explains, not the request's state. */
const FORBIDDEN_CODES: ReadonlySet<string> = new Set([
  'REQUEST_COORDINATOR_ONLY',
  'REQUEST_REQUESTER_OR_COORDINATOR_ONLY',
  'REQUEST_LEAD_OR_COORDINATOR_ONLY',
  'TASK_NOT_OF_YOUR_DEPARTMENT',
]);

/** Refusals of what the caller typed (a reason, a note, a callback's figures). */
const INPUT_CODES: ReadonlySet<string> = new Set([
  'REQUEST_REASON_REQUIRED',
  'REQUEST_UNKNOWN_DEPARTMENT',
  'TASK_NOTE_REQUIRED',
  'TASK_DECLINE_REASON_REQUIRED',
  'CALLBACK_CALLER_REQUIRED',
  'CALLBACK_BEFORE_RESOLUTION',
  'CALLBACK_IN_FUTURE',
  'CALLBACK_SATISFACTION_OUT_OF_RANGE',
]);

function kindOf(code: string): ErrorKind {
  if (FORBIDDEN_CODES.has(code)) return 'FORBIDDEN';
  if (INPUT_CODES.has(code)) return 'INVALID_INPUT';
  return 'CONFLICT';
}

/** The request feature's errors, in Chinese and English. */
export const RequestErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(violations),

  field: (field: string, reason: string, zh: string, en: string): FieldViolation =>
    violation(field, reason, { 'zh-CN': zh, en }),

  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'COORDINATION_REQUEST_NOT_FOUND',
      { 'zh-CN': `没有协调请求 ${id}。`, en: `No coordination request ${id}.` },
      field,
    ),

  accountNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      { 'zh-CN': `没有您可见的集团客户 ${id}。`, en: `No group account ${id} you may see.` },
      'input.groupAccountId',
    ),

  staleVersion: (id: string, given: number, current: number): DomainError =>
    DomainError.staleVersion('COORDINATION_REQUEST_VERSION_CONFLICT', {
      'zh-CN': `请求 ${id} 已被他人修改（您的版本 ${given}，当前版本 ${current}），请刷新后重试。`,
      en: `Request ${id} changed meanwhile (your version ${given}, now ${current}); reload and retry.`,
    }),

  /** A refusal of the domain, coded as the domain codes it, in every language. */
  refused: (refusal: Reason<CoordinationReasonCode>): DomainError => {
    const message = {
      'zh-CN': renderReason(COORDINATION_REASONS, refusal, 'zh-CN'),
      en: renderReason(COORDINATION_REASONS, refusal, 'en'),
    };
    const field = refusal.figures['field'];
    return new DomainError(
      refusal.code,
      kindOf(refusal.code),
      message,
      typeof field === 'string' ? `input.${field}` : undefined,
    );
  },

  clockMissing: (clock: string): DomainError =>
    DomainError.conflict('COORDINATION_CLOCK_MISSING', {
      'zh-CN': `请求没有 ${clock} 时钟。`,
      en: `The request has no ${clock} clock.`,
    }),

  complaintCategoryRequired: (): DomainError =>
    DomainError.invalidInput([
      violation('input.complaintCategory', 'COMPLAINT_CATEGORY_REQUIRED', {
        'zh-CN': '投诉须选择投诉类别。',
        en: 'A complaint needs its category.',
      }),
    ]),
};
