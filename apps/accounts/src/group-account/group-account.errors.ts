import { DomainError, type FieldViolation } from '@gap/errors';

export const GroupAccountErrors = {
  invalid: (violations: readonly FieldViolation[]): DomainError =>
    DomainError.invalidInput(
      violations,
      violations.length === 1 ? violations[0]?.reason : 'INVALID_INPUT',
    ),

  creditCodeTaken: (creditCode: string, field = 'input.creditCode'): DomainError =>
    DomainError.conflict(
      'CREDIT_CODE_TAKEN',
      `A group account with credit code ${creditCode} already exists.`,
      field,
    ),

  notFound: (id: string, field = 'id'): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      `No group account ${id} that you may see.`,
      field,
    ),

  stale: (id: string, expected: number, actual: number): DomainError =>
    DomainError.conflict(
      'VERSION_MISMATCH',
      `Group account ${id} changed since you read it (your version ${expected}, now ${actual}); read it again and reapply your change.`,
      'input.version',
    ),

  overrideNotAllowed: (): DomainError =>
    DomainError.forbidden(
      'Only supervisors and admins may register a credit code whose check character does not match.',
      'CREDIT_CODE_OVERRIDE_FORBIDDEN',
    ),

  transitionRefused: (from: string, to: string, allowed: readonly string[]): DomainError =>
    new DomainError(
      'STATUS_TRANSITION_REFUSED',
      'PRECONDITION_FAILED',
      `A ${from} account cannot become ${to}; from ${from} it can become ${allowed.join(' or ') || 'nothing else'}.`,
      'input.status',
    ),

  reasonRequired: (to: string): DomainError =>
    DomainError.invalidInput(
      [
        {
          field: 'input.reason',
          reason: 'REQUIRED',
          message: `Making an account ${to} needs a reason.`,
        },
      ],
      'REQUIRED',
    ),
};
