import { GraphQLError } from 'graphql';

/** The codes a refused document gets, one per limit, in `extensions.code`. */
export const LIMIT_CODES = [
  'DOCUMENT_TOO_LARGE',
  'TOO_MANY_TOKENS',
  'MAX_ALIASES_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
] as const;

export type LimitCode = (typeof LIMIT_CODES)[number];

export function isLimitCode(value: unknown): value is LimitCode {
  return LIMIT_CODES.includes(value as LimitCode);
}

/**
 * A document refused by a limit. Apollo recodes every validation error as
 * GRAPHQL_VALIDATION_FAILED; `reason` keeps the limit's code and the gateway's error formatter
 * puts it back in `code`.
 */
export function limitError(
  code: LimitCode,
  message: string,
  details: Record<string, number> = {},
  status = 400,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, reason: code, ...details, http: { status } },
  });
}

/** graphql-js's own message when a document passes `parseOptions.maxTokens`. */
// (graphql 16 spells it "more that".)
const TOKEN_LIMIT = /^Syntax Error: Document contains more (?:than|that) \d+ tokens/;

/** The limit a formatted error reports, if it is one: from `reason`, or the parser's words. */
export function limitCodeOf(
  message: string,
  extensions: Record<string, unknown> = {},
): LimitCode | undefined {
  if (isLimitCode(extensions['reason'])) return extensions['reason'];
  if (extensions['code'] === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(message)) {
    return 'TOO_MANY_TOKENS';
  }
  return undefined;
}
