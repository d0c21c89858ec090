import { DomainError, type FieldViolation } from '@gap/errors';

export const GroupAccountErrors = {
  invalid: (violations: FieldViolation[]): DomainError =>
    DomainError.invalidInput(
      violations,
      violations.length === 1 ? violations[0]?.reason : 'INVALID_INPUT',
    ),

  creditCodeTaken: (creditCode: string): DomainError =>
    DomainError.conflict(
      'CREDIT_CODE_TAKEN',
      `A group account with credit code ${creditCode} already exists.`,
      'input.creditCode',
    ),

  notFound: (id: string): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      `No group account ${id} that you may see.`,
      'id',
    ),
};
