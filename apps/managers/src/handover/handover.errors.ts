import { DomainError, violation, type FieldViolation } from '@gap/errors';
import type { CompletionRefusal, HandoverStateRefusal, WaiverRefusal } from '@gap/managers/domain';

const STATE_ZH: Readonly<Record<string, string>> = {
  PLANNED: '已计划',
  SHADOWING: '陪跑中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
};

/** The handover feature's errors, in Chinese and English. */
export const HandoverErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(violations),

  reasonTooShort: (field: string, zh: string, en: string): FieldViolation =>
    violation(field, 'REASON_REQUIRED', {
      'zh-CN': `请说明${zh}（至少两个汉字或六个字母）。`,
      en: `Say ${en}, in at least two Chinese characters or six letters.`,
    }),

  dateInvalid: (field: string, value: string): FieldViolation =>
    violation(field, 'DATE_INVALID', {
      'zh-CN': `${value} 不是有效日期（YYYY-MM-DD）。`,
      en: `${value} is not a date (YYYY-MM-DD).`,
    }),

  dateInPast: (field: string, value: string, today: string): FieldViolation =>
    violation(field, 'DATE_IN_PAST', {
      'zh-CN': `${value} 已过去；今天是 ${today}。`,
      en: `${value} has passed; today is ${today}.`,
    }),

  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'HANDOVER_NOT_FOUND',
      { 'zh-CN': `没有交接 ${id}。`, en: `No handover ${id}.` },
      field,
    ),

  outsideTeam: (): DomainError =>
    DomainError.forbidden({
      'zh-CN':
        '该交接涉及的客户经理不在您的团队中；只有其两位客户经理、他们的主管和管理员可以处理。',
      en: 'Neither manager of this handover is in your team; only its two managers, their supervisors and admins act on it.',
    }),

  alreadyOpen: (): DomainError =>
    DomainError.conflict(
      'HANDOVER_ALREADY_OPEN',
      {
        'zh-CN': '该客户已有进行中的交接，请先完成或取消。',
        en: 'The account already has an open handover; complete or cancel it first.',
      },
      'input.groupAccountId',
    ),

  accountInHandover: (accountId: string, handoverId: string, field: string): DomainError =>
    DomainError.conflict(
      'ACCOUNT_IN_HANDOVER',
      {
        'zh-CN': `客户 ${accountId} 正在交接（${handoverId}），请先完成或取消。`,
        en: `Account ${accountId} is in handover ${handoverId}; complete or cancel it first.`,
      },
      field,
    ),

  noPrimaryManager: (accountId: string): DomainError =>
    DomainError.conflict(
      'NO_PRIMARY_MANAGER',
      {
        'zh-CN': `客户 ${accountId} 没有可交出的主客户经理，请直接分配。`,
        en: `Account ${accountId} has no primary manager to hand over from; assign one instead.`,
      },
      'input.groupAccountId',
    ),

  toSelf: (managerId: string): DomainError =>
    DomainError.invalidInput(
      [
        violation('input.toManagerId', 'HANDOVER_TO_SELF', {
          'zh-CN': `${managerId} 已是该客户的主客户经理。`,
          en: `${managerId} is already the account's primary manager.`,
        }),
      ],
      'HANDOVER_TO_SELF',
    ),

  itemNotFound: (handoverId: string, key: string): DomainError =>
    DomainError.notFound(
      'CHECKLIST_ITEM_NOT_FOUND',
      {
        'zh-CN': `交接 ${handoverId} 没有清单项 ${key}。`,
        en: `Handover ${handoverId} has no checklist item ${key}.`,
      },
      'input.key',
    ),

  itemResolved: (key: string, state: string): DomainError =>
    DomainError.conflict(
      'CHECKLIST_ITEM_RESOLVED',
      { 'zh-CN': `清单项 ${key} 已是 ${state}。`, en: `Item ${key} is already ${state}.` },
      'input.key',
    ),

  channelRequired: (): DomainError =>
    DomainError.invalidInput(
      [
        violation('input.channel', 'CHANNEL_REQUIRED', {
          'zh-CN': '请说明通过什么渠道告知了客户。',
          en: 'Say by which channel the customer was told.',
        }),
      ],
      'CHANNEL_REQUIRED',
    ),

  waiverNotAllowed: (refusal: WaiverRefusal): DomainError =>
    DomainError.forbidden(
      {
        'zh-CN': `清单项只能由策略指定的人员豁免（${String(refusal.figures['allowed'])}）；接手经理不能独自豁免。`,
        en: `Only ${String(refusal.figures['allowed'])} may waive a checklist item under the policy; never the incoming manager alone.`,
      },
      'WAIVER_NOT_ALLOWED',
    ),

  /** A handover in the wrong state for the action (field `id`, or `input.handoverId`). */
  inState: (id: string, refusal: HandoverStateRefusal, field = 'id'): DomainError => {
    const state = String(refusal.figures['state']);
    if (refusal.code === 'HANDOVER_CLOSED') {
      return DomainError.conflict(
        refusal.code,
        {
          'zh-CN': `交接 ${id} ${STATE_ZH[state] ?? state}，其清单已关闭。`,
          en: `Handover ${id} is ${state}; its checklist is closed.`,
        },
        field,
      );
    }
    return DomainError.conflict(
      refusal.code,
      {
        'zh-CN': `交接 ${id} 当前${STATE_ZH[state] ?? state}，无法执行此操作。`,
        en: `Handover ${id} is ${state}; this cannot be done now.`,
      },
      field,
    );
  },

  /** Why the switch is refused, coded and in both languages. */
  completionRefused: (id: string, refusal: CompletionRefusal): DomainError => {
    const f = refusal.figures;
    switch (refusal.code) {
      case 'HANDOVER_NOT_STARTED':
      case 'HANDOVER_ALREADY_STARTED':
      case 'HANDOVER_COMPLETED':
      case 'HANDOVER_CANCELLED':
      case 'HANDOVER_CLOSED':
        return HandoverErrors.inState(id, refusal);
      case 'CHECKLIST_INCOMPLETE':
        return DomainError.conflict(
          refusal.code,
          {
            'zh-CN': `请先完成或豁免所有清单项；未完成：${String(f['open'])}。`,
            en: `Complete or waive every checklist item first; open: ${String(f['open'])}.`,
          },
          'id',
        );
      case 'INCOMING_MANAGER_NOT_ACTIVE':
        return DomainError.conflict(
          refusal.code,
          {
            'zh-CN': `接手经理 ${String(f['managerId'])} 当前状态为 ${String(f['status'])}，不能接手客户；请取消本次交接另行安排。`,
            en: `The incoming manager ${String(f['managerId'])} is ${String(f['status'])} and cannot take the account; cancel this handover and plan another.`,
          },
          'id',
        );
      case 'INCOMING_GRADE_CANNOT_OWN_TIER':
        return DomainError.conflict(
          refusal.code,
          {
            'zh-CN': `接手经理 ${String(f['managerId'])} 的级别 ${String(f['grade'])} 不能负责 ${String(f['tier'])} 类客户（策略 ${String(f['policyVersion'])}）。`,
            en: `The incoming manager ${String(f['managerId'])} is ${String(f['grade'])} and may not own a tier ${String(f['tier'])} account (policy ${String(f['policyVersion'])}).`,
          },
          'id',
        );
      case 'SHADOW_PERIOD_NOT_OVER':
        return DomainError.conflict(
          refusal.code,
          {
            'zh-CN': `${String(f['tier'])} 类客户的交接至少陪跑 ${String(f['required'])} 天，目前 ${String(f['served'])} 天；最早可于 ${String(f['earliest'])} 完成。`,
            en: `A tier ${String(f['tier'])} handover shadows at least ${String(f['required'])} days; it has shadowed ${String(f['served'])}. It may complete from ${String(f['earliest'])}.`,
          },
          'id',
        );
    }
  },
};

/** Why a manager may not take an account now, naming the field. */
export const TakeErrors = {
  gradeCannotOwn: (grade: string, tier: string, policyVersion: string, field: string) =>
    DomainError.invalidInput(
      [
        violation(field, 'GRADE_CANNOT_OWN_TIER', {
          'zh-CN': `${grade} 级客户经理不能负责 ${tier} 类客户（策略 ${policyVersion}）。`,
          en: `A ${grade} manager may not own a tier ${tier} account (policy ${policyVersion}).`,
        }),
      ],
      'GRADE_CANNOT_OWN_TIER',
    ),

  notActive: (id: string, status: string, field: string) =>
    DomainError.conflict(
      'MANAGER_NOT_ACTIVE',
      {
        'zh-CN': `客户经理 ${id} 当前状态为 ${status}，不接收客户。`,
        en: `Manager ${id} is ${status} and takes no accounts.`,
      },
      field,
    ),

  capacityExceeded: (
    id: string,
    load: number,
    most: number,
    tier: string,
    points: number,
    field: string,
  ) =>
    DomainError.conflict(
      'CAPACITY_EXCEEDED',
      {
        'zh-CN': `客户经理 ${id} 已承担 ${load}/${most} 点；一个 ${tier} 类客户计 ${points} 点。`,
        en: `Manager ${id} carries ${load} of ${most} points; a tier ${tier} account weighs ${points}.`,
      },
      field,
    ),
};
