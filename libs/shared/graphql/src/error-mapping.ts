import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, type ErrorKind, type FieldViolation } from '@gap/errors';
import { RequestLocale } from '@gap/i18n';

/** The category clients branch on, next to the specific code. */
export function graphQLCategory(kind: ErrorKind): string {
  switch (kind) {
    case 'INVALID_INPUT':
      return 'BAD_USER_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'PRECONDITION_FAILED':
      return 'FAILED_PRECONDITION';
    case 'STALE_VERSION':
      return 'CONFLICT';
  }
}

const logger = new Logger('GraphQLErrors');

/**
 * The domain error behind a resolver error. Entity references (`_entities`) arrive wrapped
 * once more than ordinary fields, so the chain of original errors is followed to its end.
 */
function domainErrorIn(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof DomainError) return current;
    const next = (current as { originalError?: unknown }).originalError;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current ?? error;
}

/**
 * The field a variable coercion error is about. GraphQL writes it only into the message
 * (`Variable "$input" got invalid value … at "input.amount"; …`): a wrong type, an Int beyond
 * 32 bits, a Fen with a fraction, a missing required field.
 */
export function coercionField(message: string): string | undefined {
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message);
  if (!variable) return undefined;
  const at = /^Variable "\$[A-Za-z0-9_]+" got invalid value [\s\S]*? at "([^"]+)"; /.exec(message);
  return at?.[1] ?? variable[1];
}

/**
 * Maps what a resolver threw to what the client sees: a domain error keeps its code, its
 * category and the field at fault; anything else is logged and answered as an internal error
 * without details. Errors GraphQL itself raised (validation, parsing) pass through, variable
 * coercion errors with the field they are about.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = domainErrorIn(unwrapResolverError(error));
  const coerced = coercionField(formatted.message);
  if (original instanceof DomainError) {
    // A scalar (Fen) does not know where its value sits; the coercion message does.
    const field = original.field || coerced;
    const locale = RequestLocale.current();
    const violations = original.violations.map((v): FieldViolation => ({
      field: v.field || (field ?? ''),
      reason: v.reason,
      message: v.localized?.[locale] ?? v.message,
    }));
    return {
      message: coerced ? formatted.message : original.messageIn(locale),
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        code: original.code,
        category: graphQLCategory(original.kind),
        ...(field ? { field } : {}),
        ...(violations.length > 0 ? { violations } : {}),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (original instanceof Error && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
    logger.error(original.stack ?? original.message);
    return {
      message: 'Something went wrong on our side; it has been logged.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', category: 'INTERNAL' },
    };
  }
  if (code === 'BAD_USER_INPUT' && coerced) {
    return {
      ...formatted,
      extensions: {
        ...formatted.extensions,
        category: 'BAD_USER_INPUT',
        field: coerced,
        violations: [{ field: coerced, reason: 'INVALID_VALUE', message: formatted.message }],
      },
    };
  }
  return formatted;
}
