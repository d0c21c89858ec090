import { DomainError } from '@gap/errors';

export const OffboardingErrors = {
  managerNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'MANAGER_NOT_FOUND',
      { 'zh-CN': `没有客户经理 ${id}。`, en: `No account manager ${id}.` },
      'input.managerId',
    ),

  alreadyLeft: (id: string): DomainError =>
    DomainError.conflict(
      'MANAGER_ALREADY_LEFT',
      { 'zh-CN': `客户经理 ${id} 已离职。`, en: `Manager ${id} has already left.` },
      'input.managerId',
    ),

  outsideTeam: (id: string): DomainError =>
    DomainError.forbidden({
      'zh-CN': `客户经理 ${id} 不在您（直接或间接）主管的团队中，您不能为其办理离职。`,
      en: `Manager ${id} is not in the team you supervise, directly or not; you may not offboard them.`,
    }),
};
