import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { limitCodeOf } from '../query-limits/limit-errors.js';

/**
 * GraphQL's own validation names an unknown or mistyped input field only in its message;
 * lift it into `extensions.field` so clients handle every input error the same way.
 */
const FIELD_PATTERNS: readonly RegExp[] = [
  /Variable "\$(\w+)" got invalid value .*?; Field "(\w+)" is not defined by type/,
  /Field "(\w+)" is not defined by type/,
  /Variable "\$(\w+)" got invalid value .*?; Field "(\w+)" of required type/,
  /Argument "(\w+)" of required type/,
];

export function fieldNamedIn(message: string): string | undefined {
  for (const pattern of FIELD_PATTERNS) {
    const match = pattern.exec(message);
    if (match) return match.slice(1).filter(Boolean).join('.');
  }
  return undefined;
}

/** A subgraph the operation needs cannot be reached: retrying later may succeed. */
export function serviceUnavailable(
  service: string,
  retryAfterSeconds: number,
  reason: string,
): GraphQLError {
  return new GraphQLError(
    `The ${service} service is unavailable right now; retry in ${retryAfterSeconds} s.`,
    { extensions: { code: 'SERVICE_UNAVAILABLE', service, retryAfterSeconds, reason } },
  );
}

/** What a production answer never carries: where in the code an error came from. */
const DEBUG_EXTENSIONS = ['stacktrace', 'exception'];

function withoutDebugDetails(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions;
  if (!extensions || !DEBUG_EXTENSIONS.some((key) => key in extensions)) return formatted;
  const kept = Object.fromEntries(
    Object.entries(extensions).filter(([key]) => !DEBUG_EXTENSIONS.includes(key)),
  );
  return { ...formatted, extensions: kept };
}

function withCode(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const limit = limitCodeOf(formatted.message, formatted.extensions);
  if (limit) {
    return { ...formatted, extensions: { ...formatted.extensions, code: limit, reason: limit } };
  }
  const code = formatted.extensions?.['code'];
  if (code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'BAD_USER_INPUT') return formatted;
  if (formatted.extensions?.['field']) return formatted;
  const field = fieldNamedIn(formatted.message);
  return field ? { ...formatted, extensions: { ...formatted.extensions, field } } : formatted;
}

/**
 * Every error the gateway answers passes here: a refused document gets its limit's code, an
 * input error names its field, and in production no error carries a stack trace, whether the
 * gateway or a subgraph (run in development by mistake) put it there.
 */
export function gatewayErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const coded = withCode(formatted);
    return production ? withoutDebugDetails(coded) : coded;
  };
}
