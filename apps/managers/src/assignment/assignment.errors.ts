import { DomainError, violation } from '@gap/errors';
import type { ManagerPolicy, Tier } from '@gap/managers/domain';

/** The refusals of assignment and teams, in both languages. */
export const AssignmentErrors = {
  accountNotFound: (id: string, field: string): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      {
        'zh-CN': `客户经理服务中没有集团客户 ${id}，或您无权查看。`,
        en: `No group account ${id} is known to the managers service or visible to you.`,
      },
      field,
    ),

  managerNotFound: (id: string, field: string): DomainError =>
    DomainError.notFound(
      'MANAGER_NOT_FOUND',
      { 'zh-CN': `没有在职的客户经理 ${id}。`, en: `No active account manager ${id}.` },
      field,
    ),

  reasonRequired: (field: string): DomainError =>
    DomainError.invalidInput([
      violation(field, 'REASON_REQUIRED', {
        'zh-CN': '请说明原因（至少两个汉字或六个字母）。',
        en: 'Say why, in at least six letters or two Chinese characters.',
      }),
    ]),

  accountInHandover: (accountId: string, handoverId: string, field: string): DomainError =>
    DomainError.conflict(
      'ACCOUNT_IN_HANDOVER',
      {
        'zh-CN': `客户 ${accountId} 正在交接（${handoverId}），请先完成或取消该交接。`,
        en: `Account ${accountId} is in handover ${handoverId}; complete or cancel it first.`,
      },
      field,
    ),

  alreadyPrimary: (managerId: string, field: string): DomainError =>
    DomainError.conflict(
      'ALREADY_PRIMARY',
      {
        'zh-CN': `${managerId} 已是该客户的主客户经理。`,
        en: `${managerId} is already the account's primary manager.`,
      },
      field,
    ),

  handoverRequired: (accountId: string, primaryManagerId: string, field: string): DomainError =>
    DomainError.conflict(
      'HANDOVER_REQUIRED',
      {
        'zh-CN': `客户 ${accountId} 的主客户经理 ${primaryManagerId} 仍在任，不能直接改派：请发起交接。`,
        en: `Account ${accountId} has an active primary manager (${primaryManagerId}); plan a handover instead of reassigning it.`,
      },
      field,
    ),

  gradeCannotOwn: (grade: string, tier: Tier, policy: ManagerPolicy, field: string): DomainError =>
    DomainError.invalidInput(
      [
        violation(field, 'GRADE_CANNOT_OWN_TIER', {
          'zh-CN': `按策略 ${policy.version}，${grade} 级客户经理不能负责 ${tier} 类客户。`,
          en: `A ${grade} manager may not own a tier ${tier} account (policy ${policy.version}).`,
        }),
      ],
      'GRADE_CANNOT_OWN_TIER',
    ),

  managerNotActive: (id: string, status: string, field: string): DomainError =>
    DomainError.conflict(
      'MANAGER_NOT_ACTIVE',
      {
        'zh-CN': `客户经理 ${id} 当前状态为 ${status}，不接新客户。`,
        en: `Manager ${id} is ${status} and takes no accounts.`,
      },
      field,
    ),

  capacityExceeded: (
    id: string,
    load: number,
    most: number,
    tier: Tier,
    points: number,
    field: string,
  ): DomainError =>
    DomainError.conflict(
      'CAPACITY_EXCEEDED',
      {
        'zh-CN': `客户经理 ${id} 已承担 ${load}/${most} 分，${tier} 类客户计 ${points} 分，超出上限。`,
        en: `Manager ${id} carries ${load} of ${most} points; a tier ${tier} account weighs ${points}.`,
      },
      field,
    ),

  teamMemberIsPrimary: (managerId: string, field: string): DomainError =>
    DomainError.conflict(
      'TEAM_MEMBER_IS_PRIMARY',
      {
        'zh-CN': `${managerId} 是该客户的主客户经理，不能同时作为团队成员。`,
        en: `${managerId} is the account's primary manager, not a team member.`,
      },
      field,
    ),

  teamMemberNotFound: (managerId: string, field: string): DomainError =>
    DomainError.notFound(
      'TEAM_MEMBER_NOT_FOUND',
      {
        'zh-CN': `${managerId} 不在该客户的服务团队中。`,
        en: `${managerId} is not on the account's team.`,
      },
      field,
    ),
};
