import type { Figures, ReasonCatalog } from '@gap/i18n';
import type { ConflictReasonCode } from './conflict/channel-conflict.js';
import type { LeadRefusalCode } from './lead/lead-model.js';
import type { PartnerStatusRefusalCode } from './partner/partner-status.js';
import type { PartnersPolicyProblemCode } from './policy.js';

export type PartnersReasonCode =
  LeadRefusalCode | ConflictReasonCode | PartnerStatusRefusalCode | PartnersPolicyProblemCode;

const t = (f: Figures, key: string) => String(f[key] ?? '');

/** How every refusal, conflict and policy problem of the partners domain reads. */
export const PARTNERS_REASONS: ReasonCatalog<PartnersReasonCode> = {
  LEAD_WRONG_STATE: {
    'zh-CN': (f) =>
      `线索处于 ${t(f, 'state')} 状态，不能执行“${t(f, 'command')}”（允许：${t(f, 'allowed')}）。`,
    en: (f) =>
      `A lead in state ${t(f, 'state')} cannot take ${t(f, 'command')} (allowed in: ${t(f, 'allowed')}).`,
  },
  LEAD_CLOSED: {
    'zh-CN': (f) => `线索已结束（${t(f, 'state')}），不能再更改。`,
    en: (f) => `The lead is closed (${t(f, 'state')}) and cannot change.`,
  },
  LEAD_ROUTING_ONLY: {
    'zh-CN': (f) => `只有系统或资源协调小组可以执行“${t(f, 'command')}”。`,
    en: (f) => `Only intake or the coordination team may ${t(f, 'command')} a lead.`,
  },
  LEAD_COORDINATOR_ONLY: {
    'zh-CN': () => '只有资源协调小组可以推翻重复判定。',
    en: () => 'Only the coordination team may overrule a duplicate.',
  },
  LEAD_NOT_YOURS: {
    'zh-CN': () => '该线索未分配给您。',
    en: () => 'The lead is not assigned to you.',
  },
  LEAD_PARTNER_ONLY: {
    'zh-CN': () => '只有提交该线索的合作伙伴可以撤回它。',
    en: () => 'Only the partner that brought the lead may withdraw it.',
  },
  LEAD_ID_REQUIRED: {
    'zh-CN': (f) => `请填写 ${t(f, 'field')}。`,
    en: (f) => `${t(f, 'field')} is required.`,
  },
  LEAD_ALREADY_ASSIGNED_TO_MANAGER: {
    'zh-CN': (f) => `线索已分配给 ${t(f, 'managerId')}。`,
    en: (f) => `The lead is already assigned to ${t(f, 'managerId')}.`,
  },
  LEAD_CONFLICT_WON_BY_PARTNER: {
    'zh-CN': (f) => `渠道冲突已判给合作伙伴 ${t(f, 'partnerId')}，不能分配给客户经理。`,
    en: (f) =>
      `The channel conflict went to partner ${t(f, 'partnerId')}: the lead cannot go to a manager.`,
  },
  LEAD_ACCOUNT_MISMATCH: {
    'zh-CN': (f) => `线索属于客户 ${t(f, 'accountId')}，不是 ${t(f, 'given')}。`,
    en: (f) => `The lead belongs to account ${t(f, 'accountId')}, not ${t(f, 'given')}.`,
  },
  LEAD_CONTACT_BEFORE_ASSIGNMENT: {
    'zh-CN': (f) => `首次联系不能早于分配时间 ${t(f, 'assignedAt')}。`,
    en: (f) => `First contact cannot precede the assignment at ${t(f, 'assignedAt')}.`,
  },
  LEAD_CONTACT_IN_FUTURE: {
    'zh-CN': (f) => `联系时间 ${t(f, 'at')} 尚未到来。`,
    en: (f) => `The contact time ${t(f, 'at')} is in the future.`,
  },
  LEAD_NOT_CONTACTED: {
    'zh-CN': () => '请先记录首次联系，再标记转化。',
    en: () => 'Record the first contact before converting the lead.',
  },
  LEAD_LOST_REASON_UNKNOWN: {
    'zh-CN': (f) => `“${t(f, 'reason')}”不是可选的流失原因。`,
    en: (f) => `'${t(f, 'reason')}' is not one of the lost reasons.`,
  },
  LEAD_LOST_NOTE_REQUIRED: {
    'zh-CN': () => '选择“其他”时请说明原因（至少两个汉字或六个字母）。',
    en: () =>
      'With OTHER, say what the reason is (at least two Chinese characters or six letters).',
  },
  LEAD_LOST_REASON_NOT_APPLICABLE: {
    'zh-CN': (f) => `处于 ${t(f, 'state')} 状态的线索不能以“${t(f, 'reason')}”流失。`,
    en: (f) => `A lead in state ${t(f, 'state')} cannot be lost for ${t(f, 'reason')}.`,
  },
  TIER_A_DIRECT_PROTECTED: {
    'zh-CN': (f) => `客户 ${t(f, 'accountId')} 为 ${t(f, 'tier')} 类直销保护客户，渠道不得承接。`,
    en: (f) =>
      `Account ${t(f, 'accountId')} is a tier-${t(f, 'tier')} account served directly and protected from channels.`,
  },
  ACCOUNT_OWNED_BY_MANAGER: {
    'zh-CN': (f) => `客户 ${t(f, 'accountId')} 已由客户经理 ${t(f, 'managerId')} 负责。`,
    en: (f) => `Account ${t(f, 'accountId')} is already owned by manager ${t(f, 'managerId')}.`,
  },
  REGISTERED_BY_OTHER_PARTNER: {
    'zh-CN': (f) => `合作伙伴 ${t(f, 'partnerId')} 已报备该客户，报备有效至 ${t(f, 'expiresAt')}。`,
    en: (f) =>
      `Partner ${t(f, 'partnerId')} registered a deal on the account, valid until ${t(f, 'expiresAt')}.`,
  },
  EARLIER_LEAD_OF_OTHER_PARTNER: {
    'zh-CN': (f) =>
      `合作伙伴 ${t(f, 'partnerId')} 已于 ${t(f, 'receivedAt')} 提交该客户线索（保护期 ${t(f, 'windowDays')} 天）。`,
    en: (f) =>
      `Partner ${t(f, 'partnerId')} submitted this company on ${t(f, 'receivedAt')} (protected for ${t(f, 'windowDays')} days).`,
  },
  PARTNER_STATUS_UNCHANGED: {
    'zh-CN': (f) => `合作伙伴已是 ${t(f, 'to')} 状态。`,
    en: (f) => `The partner is already ${t(f, 'to')}.`,
  },
  PARTNER_ENDED: {
    'zh-CN': (f) => `合作伙伴状态不能从 ${t(f, 'from')} 变为 ${t(f, 'to')}：合作终止后不可恢复。`,
    en: (f) =>
      `A partner cannot go from ${t(f, 'from')} to ${t(f, 'to')}: an ended partnership stays ended.`,
  },
  PARTNER_STATUS_REASON_REQUIRED: {
    'zh-CN': () => '暂停或终止合作时请说明原因（至少两个汉字或六个字母）。',
    en: () =>
      'Give a reason to suspend or end a partner (at least two Chinese characters or six letters).',
  },
  PARTNER_CONTRACT_NOT_IN_FORCE: {
    'zh-CN': () => '合同不在有效期内，不能恢复合作。',
    en: () => 'The contract is not in force: the partner cannot be reactivated.',
  },
  POLICY_THRESHOLD_RANGE: {
    'zh-CN': (f) => `${t(f, 'field')} 应大于 0 且不超过 1（当前 ${t(f, 'value')}）。`,
    en: (f) => `${t(f, 'field')} must be above 0 and at most 1 (is ${t(f, 'value')}).`,
  },
  POLICY_THRESHOLD_ORDER: {
    'zh-CN': (f) => `疑似重复阈值 ${t(f, 'possibleAt')} 应低于匹配阈值 ${t(f, 'matchAt')}。`,
    en: (f) =>
      `The review threshold ${t(f, 'possibleAt')} must be below the match threshold ${t(f, 'matchAt')}.`,
  },
  POLICY_DAYS_RANGE: {
    'zh-CN': (f) => `${t(f, 'field')} 应为 1 至 3650 的整数天（当前 ${t(f, 'value')}）。`,
    en: (f) => `${t(f, 'field')} must be whole days from 1 to 3650 (is ${t(f, 'value')}).`,
  },
  POLICY_HOURS_RANGE: {
    'zh-CN': (f) => `${t(f, 'field')} 应大于 0 且不超过 720 小时（当前 ${t(f, 'value')}）。`,
    en: (f) => `${t(f, 'field')} must be above 0 and at most 720 hours (is ${t(f, 'value')}).`,
  },
  POLICY_HOURS_ORDER: {
    'zh-CN': (f) =>
      `首次联系时限应随优先级递增（P1 ${t(f, 'p1')}、P2 ${t(f, 'p2')}、P3 ${t(f, 'p3')} 小时）。`,
    en: (f) =>
      `First-contact hours must not shrink as priority falls (P1 ${t(f, 'p1')}, P2 ${t(f, 'p2')}, P3 ${t(f, 'p3')}).`,
  },
};
