import type { Figures, ReasonCatalog } from '@gap/i18n';
import type { ManualDiscountProblem } from './pricing.js';
import type { ProposalRefusalCode } from './proposal.js';
import type { TrialRefusalCode } from './trial.js';

const v = (f: Figures, key: string) => (f[key] === null ? '—' : String(f[key]));

type Code = ProposalRefusalCode | TrialRefusalCode | ManualDiscountProblem['code'];

/** How each refusal of a proposal, a trial or a manual discount reads, in each language. */
export const PROPOSAL_REASONS: ReasonCatalog<Code> = {
  ACTION_NOT_ALLOWED_IN_STATE: {
    'zh-CN': (f) => `方案处于 ${v(f, 'state')} 状态，不能执行 ${v(f, 'action')}。`,
    en: (f) => `A proposal in state ${v(f, 'state')} cannot ${v(f, 'action')}.`,
  },
  CONFIGURATION_HAS_VIOLATIONS: {
    'zh-CN': (f) => `方案配置仍有 ${v(f, 'violations')} 处不符合规则，不能提交。`,
    en: (f) =>
      `The configuration still breaks ${v(f, 'violations')} rule(s); it cannot be submitted.`,
  },
  SELF_APPROVAL: {
    'zh-CN': () => '不能审批自己提交的方案。',
    en: () => 'Nobody approves their own proposal.',
  },
  NOT_NEXT_APPROVER: {
    'zh-CN': (f) => `当前应由 ${v(f, 'level')} 审批，${v(f, 'actorId')} 不具备该审批级别。`,
    en: (f) =>
      `The proposal waits for ${v(f, 'level')}; ${v(f, 'actorId')} does not hold that level.`,
  },
  APPROVER_OUT_OF_SCOPE: {
    'zh-CN': (f) => `该客户不在 ${v(f, 'actorId')} 的审批范围内。`,
    en: (f) => `The account is outside ${v(f, 'actorId')}'s scope.`,
  },
  ALREADY_APPROVED_BY_ACTOR: {
    'zh-CN': (f) => `${v(f, 'actorId')} 已审批过该方案，下一级须由他人审批。`,
    en: (f) => `${v(f, 'actorId')} already approved this proposal; the next level is someone else.`,
  },
  REJECTION_NEEDS_COMMENT: {
    'zh-CN': () => '驳回须说明理由。',
    en: () => 'A rejection needs a comment.',
  },
  PROPOSAL_EXPIRED: {
    'zh-CN': (f) => `方案已于 ${v(f, 'validUntil')} 过期，不能接受。`,
    en: (f) => `The proposal expired at ${v(f, 'validUntil')}; it cannot be accepted.`,
  },
  NOT_YET_EXPIRED: {
    'zh-CN': (f) => `方案有效期至 ${v(f, 'validUntil')}，尚未过期。`,
    en: (f) => `The proposal is valid until ${v(f, 'validUntil')}; it has not expired.`,
  },
  TRIAL_NOT_ACTIVE: {
    'zh-CN': (f) => `试用已结束（${v(f, 'state')}）。`,
    en: (f) => `The trial is over (${v(f, 'state')}).`,
  },
  TRIAL_ENDED: {
    'zh-CN': (f) => `试用已于 ${v(f, 'endsAt')} 到期，不能再转为订购。`,
    en: (f) => `The trial ended at ${v(f, 'endsAt')}; it can no longer convert.`,
  },
  TRIAL_NOT_ENDED: {
    'zh-CN': (f) => `试用至 ${v(f, 'endsAt')} 结束，尚未到期。`,
    en: (f) => `The trial runs until ${v(f, 'endsAt')}; it has not ended.`,
  },
  MANUAL_DISCOUNT_INVALID: {
    'zh-CN': (f) =>
      `手工折扣 ${v(f, 'field')} 应为 0 到 ${v(f, 'max')} 的整数，现为 ${v(f, 'value')}。`,
    en: (f) =>
      `Manual discount ${v(f, 'field')} is a whole number from 0 to ${v(f, 'max')}; it is ${v(f, 'value')}.`,
  },
};
