import {
  RequestLocale,
  renderReason,
  type Figures,
  type Locale,
  type ReasonCatalog,
} from '@gap/i18n';
import type { TierReason, TierReasonCode } from '@gap/tiering/domain';

const num = (f: Figures, key: string) => Number(f[key] ?? 0);
const yuan = (x: number) => `¥${Math.round(x).toLocaleString('en')}`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const w = (x: number) => x.toFixed(2);
const text = (f: Figures, key: string) => String(f[key] ?? '');

/** How each reason of a tier explanation reads, in Chinese (the users') and English. */
export const TIER_REASON_CATALOG: ReasonCatalog<TierReasonCode> = {
  TIER_DECIDED: {
    'zh-CN': (f) =>
      `等级 ${text(f, 'tier')}（依据 ${text(f, 'decidedBy')}，策略 ${text(f, 'policyVersion')}，截至 ${text(f, 'asOf')}）。`,
    en: (f) =>
      `Tier ${text(f, 'tier')} (${text(f, 'decidedBy')}, policy ${text(f, 'policyVersion')}, as of ${text(f, 'asOf')}).`,
  },
  NOT_YET_VALUED: {
    'zh-CN': (f) =>
      `等级 ${text(f, 'tier')}：尚无分级运行评估过该客户（${text(f, 'decidedBy')}）。`,
    en: (f) =>
      `Tier ${text(f, 'tier')}: no tiering run has valued this account yet (${text(f, 'decidedBy')}).`,
  },
  NOT_RANKED: {
    'zh-CN': (f) => `客户状态为 ${text(f, 'status')}，不参与 ABC 分级排序，定为 C 类。`,
    en: (f) => `Its status is ${text(f, 'status')}: it takes no part in the A/B/C cut and is C.`,
  },
  MARGIN: {
    'zh-CN': (f) =>
      `近 12 个月收入 ${yuan(num(f, 'revenue'))}，服务成本 ${yuan(num(f, 'cost'))}，当前价值（毛利）${yuan(num(f, 'current'))}。`,
    en: (f) =>
      `Over the last 12 months the account brought ${yuan(num(f, 'revenue'))} of revenue at a cost of ${yuan(num(f, 'cost'))}: a margin of ${yuan(num(f, 'current'))}.`,
  },
  LIFETIME: {
    'zh-CN': (f) =>
      `年保有率 ${pct(num(f, 'retention'))}，按 ${num(f, 'horizonYears')} 年、折现率 ${pct(num(f, 'discountRate'))} 计算，生命周期价值 ${yuan(num(f, 'lifetime'))}。`,
    en: (f) =>
      `With a yearly retention of ${pct(num(f, 'retention'))} over ${num(f, 'horizonYears')} years discounted at ${pct(num(f, 'discountRate'))}, its lifetime value is ${yuan(num(f, 'lifetime'))}.`,
  },
  POTENTIAL: {
    'zh-CN': (f) =>
      `钱包规模 ${yuan(num(f, 'wallet'))}（${num(f, 'employees')} 名员工 × ${yuan(num(f, 'walletPerEmployee'))}，或 ${num(f, 'lines')} 条线路 × ${yuan(num(f, 'walletPerLine'))}，取较大者），加产业集群加成 ${yuan(num(f, 'clusterBonus'))}，潜在价值 ${yuan(num(f, 'potential'))}。`,
    en: (f) =>
      `Its wallet is ${yuan(num(f, 'wallet'))} (${num(f, 'employees')} employees × ${yuan(num(f, 'walletPerEmployee'))} or ${num(f, 'lines')} lines × ${yuan(num(f, 'walletPerLine'))}, whichever is more); with a cluster bonus of ${yuan(num(f, 'clusterBonus'))}, its potential value is ${yuan(num(f, 'potential'))}.`,
  },
  SCORE: {
    'zh-CN': (f) =>
      `综合得分 ${yuan(num(f, 'score'))} = ${w(num(f, 'weightCurrent'))} × 当前价值 + ${w(num(f, 'weightPotential'))} × 潜在价值 + ${w(num(f, 'weightLifetime'))} × 生命周期价值。`,
    en: (f) =>
      `Its score is ${yuan(num(f, 'score'))} = ${w(num(f, 'weightCurrent'))} × current + ${w(num(f, 'weightPotential'))} × potential + ${w(num(f, 'weightLifetime'))} × lifetime value.`,
  },
  PLACED: {
    'zh-CN': (f) =>
      `在 ${num(f, 'accountsRanked').toLocaleString('en')} 个客户中排名第 ${num(f, 'rank').toLocaleString('en')}；排在其前的客户占全部价值的 ${pct(num(f, 'shareAbove'))}，A 类界限 ${pct(num(f, 'aCut'))}，B 类界限 ${pct(num(f, 'bCut'))}，按自身得分为 ${text(f, 'tier')} 类。`,
    en: (f) =>
      `It ranks ${num(f, 'rank').toLocaleString('en')} of ${num(f, 'accountsRanked').toLocaleString('en')}; the accounts above it hold ${pct(num(f, 'shareAbove'))} of the book's value, against boundaries at ${pct(num(f, 'aCut'))} for A and ${pct(num(f, 'bCut'))} for B, which makes it ${text(f, 'tier')} on its own.`,
  },
  PLACED_AS_GROUP: {
    'zh-CN': (f) =>
      `作为集团总部，按集团合计得分 ${yuan(num(f, 'groupScore'))} 分级：排在其前的客户占全部价值的 ${pct(num(f, 'shareAbove'))}，A 类界限 ${pct(num(f, 'aCut'))}，B 类界限 ${pct(num(f, 'bCut'))}，集团为 ${text(f, 'tier')} 类。`,
    en: (f) =>
      `It heads its group and is tiered on the group's score, ${yuan(num(f, 'groupScore'))}: the accounts worth more hold ${pct(num(f, 'shareAbove'))} of the book's value, against boundaries at ${pct(num(f, 'aCut'))} for A and ${pct(num(f, 'bCut'))} for B, which makes the group ${text(f, 'tier')}.`,
  },
  NO_POSITIVE_VALUE: {
    'zh-CN': () => '得分不为正的客户为 C 类。',
    en: () => 'An account with no positive value is C.',
  },
  GROUP_FLOOR: {
    'zh-CN': (f) => `所在集团为 ${text(f, 'groupTier')} 类，其成员至少为 ${text(f, 'tier')} 类。`,
    en: (f) => `Its group is ${text(f, 'groupTier')}, which lifts it to ${text(f, 'tier')}.`,
  },
  HYSTERESIS: {
    'zh-CN': (f) =>
      `与将要跨越的界限相差不超过 ${pct(num(f, 'margin'))}，保留原等级 ${text(f, 'previousTier')}（防抖动）。`,
    en: (f) =>
      `It lies within ${pct(num(f, 'margin'))} of the boundary it would cross, so it keeps its previous tier ${text(f, 'previousTier')} (hysteresis).`,
  },
  SEGMENT: {
    'zh-CN': (f) =>
      `价值细分 ${text(f, 'segment')}：当前价值 ${yuan(num(f, 'current'))}（界限 ${yuan(num(f, 'thresholdCurrent'))}），潜在价值 ${yuan(num(f, 'potential'))}（界限 ${yuan(num(f, 'thresholdPotential'))}）。`,
    en: (f) =>
      `Segment ${text(f, 'segment')}: current value ${yuan(num(f, 'current'))} against ${yuan(num(f, 'thresholdCurrent'))}, potential ${yuan(num(f, 'potential'))} against ${yuan(num(f, 'thresholdPotential'))}.`,
  },
  OVERRIDE: {
    'zh-CN': (f) =>
      `已人工调整：由 ${text(f, 'setBy')} 调整为 ${text(f, 'tier')} 类，至 ${text(f, 'validUntil')}：“${text(f, 'reason')}”。`,
    en: (f) =>
      `Overridden: set to ${text(f, 'tier')} by ${text(f, 'setBy')} until ${text(f, 'validUntil')}: “${text(f, 'reason')}”.`,
  },
};

/** The reasons in the caller's language (zh-CN unless the request asked for English). */
export function renderTierReasons(
  reasons: readonly TierReason[],
  locale: Locale = RequestLocale.current(),
): { code: TierReasonCode; text: string; figures: string }[] {
  return reasons.map((item) => ({
    code: item.code,
    text: renderReason(TIER_REASON_CATALOG, item, locale),
    figures: JSON.stringify(item.figures),
  }));
}

/** An explanation's reasons and summary rendered in the caller's language. */
export function renderTierExplanation(
  data: { readonly reasonData: readonly TierReason[] },
  locale: Locale = RequestLocale.current(),
): { reasons: ReturnType<typeof renderTierReasons>; summary: string } {
  const reasons = renderTierReasons(data.reasonData, locale);
  return { reasons, summary: reasons.map((r) => r.text).join(locale === 'en' ? ' ' : '') };
}
