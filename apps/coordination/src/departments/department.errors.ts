import { DomainError } from '@gap/errors';

export const DepartmentErrors = {
  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'DEPARTMENT_NOT_FOUND',
      { 'zh-CN': `没有部门 ${id}。`, en: `No department ${id}.` },
      field,
    ),
};
