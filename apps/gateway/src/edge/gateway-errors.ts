import type { GraphQLFormattedError } from 'graphql';

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

export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'BAD_USER_INPUT') return formatted;
  if (formatted.extensions?.['field']) return formatted;
  const field = fieldNamedIn(formatted.message);
  return field ? { ...formatted, extensions: { ...formatted.extensions, field } } : formatted;
}
