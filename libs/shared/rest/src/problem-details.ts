import type { ServerResponse } from 'node:http';
import type { DomainError, ErrorKind } from '@gap/errors';
import { graphQLCategory } from '@gap/graphql';
import { RequestLocale } from '@gap/i18n';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where a problem type is explained; `type` is this plus the code (RFC 9457 §3.1.1). */
export const PROBLEM_TYPE_BASE = 'https://group-platform.local/problems/';

export interface ProblemFieldError {
  /** Path of the offending field, e.g. `id`, `first`, `filter.regionCode`. */
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * An RFC 9457 problem, with the platform's members: `code` and `category` are exactly what
 * the graph puts in an error's `extensions`, so one client handles both edges alike.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: string;
  readonly category: string;
  readonly field?: string;
  readonly errors?: readonly ProblemFieldError[];
  /** Which service could not be reached, for SERVICE_UNAVAILABLE. */
  readonly service?: string;
  readonly retryAfterSeconds?: number;
}

/** The HTTP status of each kind of domain error: the REST edge's one exhaustive switch. */
export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'INVALID_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'PRECONDITION_FAILED':
      return 422;
    case 'STALE_VERSION':
      // The REST edge takes the version from `If-Match` only: a stale one fails its precondition.
      return 412;
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'The request is not valid',
  401: 'Authentication is required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  412: 'The resource changed since it was read',
  413: 'The request body is too large',
  422: 'The request cannot be carried out in the current state',
  428: 'A precondition header is required',
  500: 'Internal error',
  503: 'The service is unavailable',
};

export function titleOf(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function problemTypeOf(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;
}

export interface ProblemInit {
  readonly status: number;
  readonly code: string;
  readonly category: string;
  readonly detail: string;
  readonly instance?: string | undefined;
  readonly field?: string | undefined;
  readonly errors?: readonly ProblemFieldError[] | undefined;
  readonly service?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
}

export function problem(init: ProblemInit): ProblemDetails {
  const { status, code, category, detail, instance, field, errors, service, retryAfterSeconds } =
    init;
  return {
    type: problemTypeOf(code),
    title: titleOf(status),
    status,
    detail,
    ...(instance ? { instance } : {}),
    code,
    category,
    ...(field ? { field } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...(service ? { service } : {}),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

/** A domain error as the REST edge answers it: the same code, category and fields as the graph. */
export function problemOfDomainError(error: DomainError, instance?: string): ProblemDetails {
  const locale = RequestLocale.current();
  const errors: ProblemFieldError[] = error.violations.map((violation) => ({
    field: violation.field,
    code: violation.reason,
    message: violation.localized?.[locale] ?? violation.message,
  }));
  return problem({
    status: httpStatusOf(error.kind),
    code: error.code,
    category: graphQLCategory(error.kind),
    detail: error.messageIn(locale),
    instance,
    field: error.field,
    errors,
  });
}

/** Writes a problem on a bare Node response: used where no Nest filter runs (the gateway's proxy). */
export function sendProblem(
  res: ServerResponse,
  details: ProblemDetails,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify(details);
  res.statusCode = details.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', PROBLEM_CONTENT_TYPE);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** What a 401 says besides its body (RFC 6750 §3). */
export const UNAUTHENTICATED_HEADERS = { 'www-authenticate': 'Bearer' } as const;
