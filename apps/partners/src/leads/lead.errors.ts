import { DomainError, violation, type FieldViolation } from '@gap/errors';
import { renderReason } from '@gap/i18n';
import {
  PARTNERS_REASONS,
  type LeadRefusal,
  type PartnerServiceProblem,
} from '@gap/partners/domain';

const both = (refusal: LeadRefusal) => ({
  'zh-CN': renderReason(PARTNERS_REASONS, refusal, 'zh-CN'),
  en: renderReason(PARTNERS_REASONS, refusal, 'en'),
});

/** The leads' errors, in Chinese and English; GraphQL fields under `input.`. */
export const LeadErrors = {
  invalid: (problems: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(problems, 'LEAD_FIELD_INVALID'),

  /** Also for another partner's lead: a partner never learns that it exists. */
  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'LEAD_NOT_FOUND',
      { 'zh-CN': `没有线索 ${id}。`, en: `No lead ${id}.` },
      field,
    ),

  staleVersion: (id: string, given: number, current: number): DomainError =>
    DomainError.staleVersion(
      'LEAD_VERSION_CONFLICT',
      {
        'zh-CN': `线索 ${id} 已被他人修改（您的版本 ${given}，当前版本 ${current}），请刷新后重试。`,
        en: `Lead ${id} was changed meanwhile (your version ${given}, now ${current}); reload and retry.`,
      },
      'input.version',
    ),

  notAPartner: (): DomainError =>
    DomainError.forbidden(
      { 'zh-CN': '只有合作伙伴可以使用此接口。', en: 'Only partners may use this API.' },
      'PARTNER_ONLY',
    ),

  scopeMissing: (scope: string): DomainError =>
    DomainError.forbidden(
      {
        'zh-CN': `访问令牌缺少权限范围 ${scope}。`,
        en: `The access token lacks the scope ${scope}.`,
      },
      'PARTNER_SCOPE_MISSING',
    ),

  /** Why the partner may not bring this lead: its standing, or the lead's region or industry. */
  cannotServe: (problem: PartnerServiceProblem): DomainError => {
    switch (problem) {
      case 'PARTNER_NOT_ACTIVE':
        return DomainError.forbidden(
          { 'zh-CN': '合作伙伴未处于合作状态。', en: 'The partner is not active.' },
          problem,
        );
      case 'PARTNER_OUT_OF_CONTRACT':
        return DomainError.forbidden(
          { 'zh-CN': '合作伙伴合同不在有效期内。', en: 'The partner’s contract is not in force.' },
          problem,
        );
      case 'PARTNER_REGION_NOT_COVERED':
        return LeadErrors.invalid([
          violation('regionCode', problem, {
            'zh-CN': '该区域不在合作伙伴的授权范围内。',
            en: 'The region is not one the partner may sell into.',
          }),
        ]);
      case 'PARTNER_INDUSTRY_NOT_COVERED':
        return LeadErrors.invalid([
          violation('industrySection', problem, {
            'zh-CN': '该行业门类不在合作伙伴的授权范围内。',
            en: 'The industry section is not one the partner may sell into.',
          }),
        ]);
    }
  },

  notInReview: (id: string): DomainError =>
    DomainError.conflict(
      'LEAD_NOT_IN_REVIEW',
      {
        'zh-CN': `线索 ${id} 不在疑似重复审核队列中。`,
        en: `Lead ${id} is not waiting in the duplicate review queue.`,
      },
      'input.leadId',
    ),

  notInConflict: (id: string): DomainError =>
    DomainError.conflict(
      'LEAD_NOT_IN_CONFLICT',
      {
        'zh-CN': `线索 ${id} 没有渠道冲突待决。`,
        en: `Lead ${id} has no channel conflict to decide.`,
      },
      'input.leadId',
    ),

  candidateUnknown: (id: string): DomainError =>
    LeadErrors.invalid([
      violation('input.candidateId', 'LEAD_CANDIDATE_UNKNOWN', {
        'zh-CN': `${id} 不是该线索的疑似重复对象。`,
        en: `${id} is not one of the lead’s possible duplicates.`,
      }),
    ]),

  managerRequired: (): DomainError =>
    LeadErrors.invalid([
      violation('input.managerId', 'LEAD_MANAGER_REQUIRED', {
        'zh-CN': '冲突判给客户经理时，请指定客户经理。',
        en: 'Name the manager who takes the lead.',
      }),
    ]),

  /** The state machine's refusal, coded as the domain coded it, naming the field to change. */
  refused: (refusal: LeadRefusal): DomainError => {
    const message = both(refusal);
    const field = (name: string) =>
      DomainError.invalidInput([violation(`input.${name}`, refusal.code, message)], refusal.code);
    switch (refusal.code) {
      case 'LEAD_ROUTING_ONLY':
      case 'LEAD_COORDINATOR_ONLY':
      case 'LEAD_NOT_YOURS':
      case 'LEAD_PARTNER_ONLY':
        return DomainError.forbidden(message, refusal.code);
      case 'LEAD_ID_REQUIRED':
        return field(String(refusal.figures['field'] ?? 'leadId'));
      case 'LEAD_ACCOUNT_MISMATCH':
        return field('accountId');
      case 'LEAD_CONTACT_BEFORE_ASSIGNMENT':
      case 'LEAD_CONTACT_IN_FUTURE':
        return field('at');
      case 'LEAD_LOST_REASON_UNKNOWN':
      case 'LEAD_LOST_REASON_NOT_APPLICABLE':
        return field('reason');
      case 'LEAD_LOST_NOTE_REQUIRED':
        return field('note');
      case 'LEAD_ALREADY_ASSIGNED_TO_MANAGER':
        return DomainError.conflict(refusal.code, message, 'input.managerId');
      case 'LEAD_CONFLICT_WON_BY_PARTNER':
      case 'LEAD_WRONG_STATE':
      case 'LEAD_CLOSED':
      case 'LEAD_NOT_CONTACTED':
        return DomainError.conflict(refusal.code, message, 'input.leadId');
    }
  },
};
