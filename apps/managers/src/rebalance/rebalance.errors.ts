import { DomainError, violation } from '@gap/errors';

/** The refusals of bulk rebalancing, in both languages. */
export const RebalanceErrors = {
  notFound: (id: string, field: string): DomainError =>
    DomainError.notFound(
      'REBALANCE_NOT_FOUND',
      { 'zh-CN': `没有调整方案 ${id}。`, en: `No rebalance ${id}.` },
      field,
    ),

  alreadyApplied: (id: string, at: Date): DomainError =>
    DomainError.conflict(
      'REBALANCE_ALREADY_APPLIED',
      {
        'zh-CN': `调整方案 ${id} 已于 ${at.toISOString()} 执行。`,
        en: `Rebalance ${id} was applied at ${at.toISOString()}.`,
      },
      'input.rebalanceId',
    ),

  stale: (used: string, current: string): DomainError =>
    DomainError.conflict(
      'REBALANCE_STALE',
      {
        'zh-CN': `该方案按策略 ${used} 生成，现行策略为 ${current}，请重新预览。`,
        en: `The rebalance used policy ${used}; ${current} is in force now. Preview again.`,
      },
      'input.rebalanceId',
    ),

  /** A supervisor reaching beyond the managers they supervise (directly or not). */
  outsideTeam: (managerIds: readonly string[]): DomainError =>
    DomainError.forbidden({
      'zh-CN': `只能调整您所辖团队的客户经理，以下不在您的团队中：${managerIds.join('、')}。`,
      en: `You may rebalance only your own team; not in it: ${managerIds.join(', ')}.`,
    }),

  dueDateInvalid: (dueOn: string, field: string): DomainError =>
    DomainError.invalidInput([
      violation(field, 'DATE_INVALID', {
        'zh-CN': `${dueOn} 不是有效日期（YYYY-MM-DD）。`,
        en: `${dueOn} is not a date (YYYY-MM-DD).`,
      }),
    ]),

  dueDateInPast: (dueOn: string, today: string, field: string): DomainError =>
    DomainError.invalidInput([
      violation(field, 'DATE_IN_PAST', {
        'zh-CN': `${dueOn} 已过，今天是 ${today}。`,
        en: `${dueOn} has passed; today is ${today}.`,
      }),
    ]),
};
