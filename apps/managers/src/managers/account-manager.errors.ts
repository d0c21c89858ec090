import { DomainError, type FieldViolation } from '@gap/errors';

export const AccountManagerErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(violations),

  idTaken: (id: string): DomainError =>
    DomainError.conflict(
      'MANAGER_ID_TAKEN',
      { 'zh-CN': `工号 ${id} 已登记。`, en: `Manager ${id} is already registered.` },
      'input.id',
    ),

  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'MANAGER_NOT_FOUND',
      { 'zh-CN': `没有客户经理 ${id}。`, en: `No account manager ${id}.` },
      field,
    ),

  supervisorNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'SUPERVISOR_NOT_FOUND',
      { 'zh-CN': `没有可担任主管的客户经理 ${id}。`, en: `No account manager ${id} to supervise.` },
      'input.supervisorId',
    ),

  leaving: (id: string, status: string): DomainError =>
    DomainError.conflict(
      'MANAGER_LEAVING',
      {
        'zh-CN': `客户经理 ${id} 的状态为 ${status}，其状态不能在此修改。`,
        en: `Manager ${id} is ${status}; their status no longer changes here.`,
      },
      'input.status',
    ),

  supervisionLoop: (id: string, supervisorId: string): DomainError =>
    DomainError.invalidInput(
      [
        {
          field: 'input.supervisorId',
          reason: 'SUPERVISION_LOOP',
          message: `${supervisorId} is supervised by ${id}, directly or not; a manager cannot be supervised by their own team.`,
          localized: {
            'zh-CN': `${supervisorId} 直接或间接由 ${id} 主管；客户经理不能由自己团队中的人主管。`,
            en: `${supervisorId} is supervised by ${id}, directly or not; a manager cannot be supervised by their own team.`,
          },
        },
      ],
      'SUPERVISION_LOOP',
    ),
};
