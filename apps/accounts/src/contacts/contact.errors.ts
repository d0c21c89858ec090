import { DomainError, type FieldViolation } from '@gap/errors';

export const ContactErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(
      violations,
      violations.length === 1 ? violations[0]?.reason : 'INVALID_INPUT',
    ),

  notFound: (id: string, field = 'input.id'): DomainError =>
    DomainError.notFound(
      'CONTACT_NOT_FOUND',
      { 'zh-CN': `找不到您可见的联系人 ${id}。`, en: `No contact ${id} that you may see.` },
      field,
    ),

  erased: (id: string): DomainError =>
    new DomainError(
      'CONTACT_ERASED',
      'PRECONDITION_FAILED',
      { 'zh-CN': `联系人 ${id} 的个人信息已被删除。`, en: `Contact ${id} was erased.` },
      'input.id',
    ),

  stale: (id: string, expected: number, actual: number): DomainError =>
    DomainError.conflict(
      'VERSION_MISMATCH',
      {
        'zh-CN': `联系人 ${id} 在您读取后已被修改（您的版本 ${expected}，当前 ${actual}）。`,
        en: `Contact ${id} changed since you read it (your version ${expected}, now ${actual}).`,
      },
      'input.version',
    ),
};
