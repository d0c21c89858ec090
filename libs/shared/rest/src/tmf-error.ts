import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, sendProblem, type ProblemDetails } from './problem-details.js';

/** The TM Forum Open APIs' paths: their errors are TMF630 Error resources. */
export const TMF_API_PATH = /^\/tmf-api\//;

/** TMF630's Error resource, as the TM Forum Open APIs answer a failure. */
export interface TmfError {
  readonly '@type': 'Error';
  /** The platform's code, the same as the graph's `extensions.code`. */
  readonly code: string;
  readonly reason: string;
  readonly message: string;
  /** The HTTP status, as text (TMF630 types it as a string). */
  readonly status: string;
  /** Where the code is explained (the problem type). */
  readonly referenceError: string;
}

/** A problem as TMF's Error: the same code, status and words. */
export function tmfErrorOf(p: ProblemDetails): TmfError {
  const errors = p.errors ?? [];
  const fields = errors.map((e) => `${e.field}: ${e.message}`);
  // One wrong field is named too, when the words alone do not name it.
  const [only] = errors;
  const named =
    errors.length === 1 && only && !p.detail.includes(only.field)
      ? `${p.detail} (${only.field})`
      : p.detail;
  return {
    '@type': 'Error',
    code: p.code,
    reason: p.title,
    message: fields.length > 1 ? `${p.detail} (${fields.join('; ')})` : named,
    status: String(p.status),
    referenceError: p.type,
  };
}

/**
 * Sends an error of a REST path as its caller expects it: under `/tmf-api/` a TMF Error
 * (`application/json`), unless `Accept` names `application/problem+json`; elsewhere the problem.
 */
export function sendRestError(
  res: ServerResponse,
  path: string,
  accept: string | undefined,
  details: ProblemDetails,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (!TMF_API_PATH.test(path) || (accept ?? '').includes(PROBLEM_CONTENT_TYPE)) {
    sendProblem(res, details, headers);
    return;
  }
  const body = JSON.stringify(tmfErrorOf(details));
  res.statusCode = details.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
