import {
  RequestLocale,
  renderReason,
  type Figures,
  type Locale,
  type ReasonCatalog,
} from '@gap/i18n';
import type { AssignmentReasonCode, PlacementReasonCode, Refusal } from '@gap/managers/domain';
import type { AssignmentExplanation } from './assignment-queries.service.js';
import type { AssignmentExplanationType } from './assignment.types.js';

const pct = (f: Figures) => `${String(f['loadPercent'])}%`;
const costs = (f: Figures) =>
  `mismatch ${String(f['mismatch'])} (region ${String(f['region'])}, industry ${String(f['industry'])}, grade ${String(f['grade'])})`;
const 成本 = (f: Figures) =>
  `不匹配度 ${String(f['mismatch'])}（区域 ${String(f['region'])}，行业 ${String(f['industry'])}，级别 ${String(f['grade'])}）`;

const WHY_NONE: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  NO_FITTING_GRADE: {
    'zh-CN': '没有级别可负责该层级的客户经理',
    en: 'no manager’s grade may own its tier',
  },
  NO_ACTIVE_MANAGER: {
    'zh-CN': '可负责的客户经理均不在岗',
    en: 'no manager who may own it is active',
  },
  NO_CAPACITY: {
    'zh-CN': '可负责的客户经理均已满负荷',
    en: 'every manager who may own it is full',
  },
};
const whyNone = (f: Figures) => WHY_NONE[String(f['why'])] ?? WHY_NONE['NO_CAPACITY'];

/** How an assignment explanation reads, in each language. */
export const ASSIGNMENT_REASONS: ReasonCatalog<AssignmentReasonCode> = {
  ACCOUNT_FACTS: {
    'zh-CN': (f) =>
      `${String(f['tier'])} 类客户，所在地区 ${String(f['region'])}，行业 ${String(f['industry'])}。`,
    en: (f) =>
      `A tier ${String(f['tier'])} account in ${String(f['region'])}, industry ${String(f['industry'])}.`,
  },
  NO_MANAGER_FITS: {
    'zh-CN': (f) => `目前无人可接：${whyNone(f)['zh-CN']}。`,
    en: (f) => `No manager may take it now: ${whyNone(f).en}.`,
  },
  CURRENT_STAYS_ACCOUNTABLE: {
    'zh-CN': (f) => `${String(f['managerId'])} 继续负责。`,
    en: (f) => `${String(f['managerId'])} stays accountable.`,
  },
  LISTED_UNASSIGNABLE: {
    'zh-CN': () => '已列入待分配名单。',
    en: () => 'It is listed as unassignable.',
  },
  OWNER_IS_BEST_FIT: {
    'zh-CN': (f) =>
      `${String(f['managerId'])} 负责该客户，仍是最合适人选：${成本(f)}，接手后负荷 ${pct(f)}。`,
    en: (f) =>
      `${String(f['managerId'])} owns it and is still the best fit: ${costs(f)} and ${pct(f)} load after taking it.`,
  },
  BEST_FIT_NOW: {
    'zh-CN': (f) => `目前最合适的是 ${String(f['managerId'])}：${成本(f)}，接手后负荷 ${pct(f)}。`,
    en: (f) =>
      `The best fit now is ${String(f['managerId'])}: ${costs(f)} and ${pct(f)} load after taking it.`,
  },
  OWNED_BY: {
    'zh-CN': (f) => `当前由 ${String(f['managerId'])} 负责。`,
    en: (f) => `It is owned by ${String(f['managerId'])}.`,
  },
};

/** How an automatic placement reads (logs, events), in each language. */
export const PLACEMENT_REASONS: ReasonCatalog<PlacementReasonCode> = {
  PLACED_BEST_FIT: {
    'zh-CN': (f) =>
      `自动分配给 ${String(f['managerId'])}：${成本(f)}，接手后负荷 ${pct(f)}（策略 ${String(f['policy'])}）。`,
    en: (f) =>
      `Placed with ${String(f['managerId'])}: ${costs(f)}, ${pct(f)} load after (policy ${String(f['policy'])}).`,
  },
  UNASSIGNABLE_NO_FITTING_GRADE: {
    'zh-CN': () => `无法分配：${WHY_NONE['NO_FITTING_GRADE']['zh-CN']}。`,
    en: () => `Unassignable: ${WHY_NONE['NO_FITTING_GRADE'].en}.`,
  },
  UNASSIGNABLE_NO_ACTIVE_MANAGER: {
    'zh-CN': () => `无法分配：${WHY_NONE['NO_ACTIVE_MANAGER']['zh-CN']}。`,
    en: () => `Unassignable: ${WHY_NONE['NO_ACTIVE_MANAGER'].en}.`,
  },
  UNASSIGNABLE_NO_CAPACITY: {
    'zh-CN': () => `无法分配：${WHY_NONE['NO_CAPACITY']['zh-CN']}。`,
    en: () => `Unassignable: ${WHY_NONE['NO_CAPACITY'].en}.`,
  },
};

/** A candidate's refusal, in each language. */
export const REFUSAL_TEXT: Readonly<Record<Refusal, { 'zh-CN': string; en: string }>> = {
  GRADE_CANNOT_OWN_TIER: { 'zh-CN': '级别不能负责该层级', en: 'grade may not own the tier' },
  NOT_ACTIVE: { 'zh-CN': '不在岗', en: 'not active' },
  CAPACITY_EXCEEDED: { 'zh-CN': '超出负荷上限', en: 'over capacity' },
};

/** An explanation in the caller's language: its reasons rendered at the edge. */
export function renderExplanation(
  explanation: AssignmentExplanation,
  locale: Locale = RequestLocale.current(),
): AssignmentExplanationType {
  const reasons = explanation.reasons.map((item) => ({
    code: item.code,
    text: renderReason(ASSIGNMENT_REASONS, item, locale),
  }));
  return {
    ...explanation,
    summary: reasons.map((r) => r.text).join(locale === 'en' ? ' ' : ''),
    reasons,
    candidates: explanation.candidates.map((c) => ({
      managerId: c.managerId,
      grade: c.grade,
      eligible: c.refusals.length === 0,
      refusals: [...c.refusals],
      regionCost: c.cost.region,
      industryCost: c.cost.industry,
      gradeCost: c.cost.grade,
      mismatch: c.cost.mismatch,
      loadShareAfter: Number.isFinite(c.loadShareAfter) ? c.loadShareAfter : null,
      score: c.score,
    })),
  };
}
