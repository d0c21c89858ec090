import type { Locale, Localized } from '@gap/i18n';

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
  | 'PRECONDITION_FAILED'
  /** The caller acted on a version of the thing that is no longer the current one. */
  | 'STALE_VERSION';

export interface FieldViolation {
  /** Path of the offending field from the input's root, e.g. `input.creditCode`. */
  readonly field: string;
  /** Machine-readable reason, e.g. `CREDIT_CODE_CHECK_CHARACTER` or `maxLength`. */
  readonly reason: string;
  /** In English, for logs and English-speaking callers. */
  readonly message: string;
  /** In every language the platform speaks; the edge picks the caller's. */
  readonly localized?: Localized;
}

/** A message in English only, or in every language (preferred: the users work in Chinese). */
export type ErrorMessage = string | Localized;

function english(message: ErrorMessage): string {
  return typeof message === 'string' ? message : message.en;
}

/** A field violation whose message is given in every language. */
export function violation(field: string, reason: string, message: ErrorMessage): FieldViolation {
  return typeof message === 'string'
    ? { field, reason, message }
    : { field, reason, message: message.en, localized: message };
}

/**
 * A neutral, coded error raised by services. It says nothing about HTTP or GraphQL: the same
 * service method is reached over GraphQL, REST and Kafka.
 */
export class DomainError extends Error {
  /** The message in every language, when the error was declared with them. */
  readonly localized?: Localized;

  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: ErrorMessage,
    readonly field?: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(english(message));
    this.name = 'DomainError';
    if (typeof message !== 'string') this.localized = message;
  }

  /** The message in the caller's language (English where it was declared in English only). */
  messageIn(locale: Locale): string {
    return this.localized?.[locale] ?? this.message;
  }

  static invalidInput(violations: readonly FieldViolation[], code = 'INVALID_INPUT'): DomainError {
    const [first] = violations;
    const fields = violations.map((v) => v.field).join(', ');
    const message: ErrorMessage =
      violations.length === 1 && first
        ? (first.localized ?? first.message)
        : {
            'zh-CN': `${violations.length} 个字段无效：${fields}`,
            en: `${violations.length} fields are invalid: ${fields}`,
          };
    return new DomainError(code, 'INVALID_INPUT', message, first?.field, violations);
  }

  static notFound(code: string, message: ErrorMessage, field?: string): DomainError {
    return new DomainError(code, 'NOT_FOUND', message, field);
  }

  static conflict(code: string, message: ErrorMessage, field?: string): DomainError {
    return new DomainError(code, 'CONFLICT', message, field);
  }

  /** A change made over a version that is no longer current (REST: 412 under `If-Match`). */
  static staleVersion(code: string, message: ErrorMessage, field = 'version'): DomainError {
    return new DomainError(code, 'STALE_VERSION', message, field);
  }

  static forbidden(
    message: ErrorMessage = { 'zh-CN': '您无权执行此操作。', en: 'You may not do this.' },
    code = 'FORBIDDEN',
  ): DomainError {
    return new DomainError(code, 'FORBIDDEN', message);
  }
}
