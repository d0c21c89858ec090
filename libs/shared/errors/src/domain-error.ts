/**
 * What kind of failure a domain error is. The edges (GraphQL, REST, Kafka consumers) map a kind
 * to their own vocabulary in one exhaustive switch each, so a new kind cannot be forgotten.
 */
export type ErrorKind =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'PRECONDITION_FAILED';

export interface FieldViolation {
  /** Path of the offending field from the input's root, e.g. `input.creditCode`. */
  readonly field: string;
  /** Machine-readable reason, e.g. `CREDIT_CODE_CHECK_CHARACTER` or `maxLength`. */
  readonly reason: string;
  readonly message: string;
}

/**
 * A neutral, coded error raised by services. It says nothing about HTTP or GraphQL: the same
 * service method is reached over GraphQL, REST and Kafka.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalidInput(violations: readonly FieldViolation[], code = 'INVALID_INPUT'): DomainError {
    const [first] = violations;
    const message =
      violations.length === 1 && first
        ? first.message
        : `${violations.length} fields are invalid: ${violations.map((v) => v.field).join(', ')}`;
    return new DomainError(code, 'INVALID_INPUT', message, first?.field, violations);
  }

  static notFound(code: string, message: string, field?: string): DomainError {
    return new DomainError(code, 'NOT_FOUND', message, field);
  }

  static conflict(code: string, message: string, field?: string): DomainError {
    return new DomainError(code, 'CONFLICT', message, field);
  }

  static forbidden(message = 'You may not do this.', code = 'FORBIDDEN'): DomainError {
    return new DomainError(code, 'FORBIDDEN', message);
  }
}
