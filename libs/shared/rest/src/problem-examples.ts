import { problem, type ProblemDetails } from './problem-details.js';

/**
 * One typical problem per status, as the OpenAPI document shows it. A 412 is a service's own
 * stale-version code (its domain error of kind STALE_VERSION); the coordination service's here.
 */
export const PROBLEM_EXAMPLES: Readonly<Record<number, ProblemDetails>> = {
  400: problem({
    status: 400,
    code: 'INVALID_INPUT',
    category: 'BAD_USER_INPUT',
    detail: 'id is not a UUID.',
    field: 'id',
    errors: [{ field: 'id', code: 'NOT_A_UUID', message: 'id is not a UUID.' }],
  }),
  401: problem({
    status: 401,
    code: 'UNAUTHENTICATED',
    category: 'UNAUTHENTICATED',
    detail: 'A bearer token is required.',
  }),
  403: problem({
    status: 403,
    code: 'FORBIDDEN',
    category: 'FORBIDDEN',
    detail: 'You may not do this.',
  }),
  404: problem({
    status: 404,
    code: 'NOT_FOUND',
    category: 'NOT_FOUND',
    detail: 'Nothing you may see has the id 3f0c2a8e-5b1d-4c6f-9a27-1e8d4b7c9f10.',
    field: 'id',
  }),
  409: problem({
    status: 409,
    code: 'IDEMPOTENCY_KEY_IN_FLIGHT',
    category: 'CONFLICT',
    detail:
      'A request with Idempotency-Key "5d3b1c7e-0a9f-4e2b-8c61-2f4e7d9a0b13" is still being processed; retry shortly.',
    field: 'Idempotency-Key',
  }),
  412: problem({
    status: 412,
    code: 'COORDINATION_REQUEST_VERSION_CONFLICT',
    category: 'CONFLICT',
    detail:
      'Request 3f0c2a8e-5b1d-4c6f-9a27-1e8d4b7c9f10 changed meanwhile (your version 2, now 3); reload and retry.',
    field: 'version',
  }),
  422: problem({
    status: 422,
    code: 'IDEMPOTENCY_KEY_REUSED',
    category: 'FAILED_PRECONDITION',
    detail:
      'Idempotency-Key "5d3b1c7e-0a9f-4e2b-8c61-2f4e7d9a0b13" was used for a different request; use a new key for a new request.',
    field: 'Idempotency-Key',
  }),
  428: problem({
    status: 428,
    code: 'IF_MATCH_REQUIRED',
    category: 'BAD_USER_INPUT',
    detail: 'A change needs If-Match with the ETag of the resource as last read (GET it first).',
    field: 'If-Match',
  }),
  500: problem({
    status: 500,
    code: 'INTERNAL_SERVER_ERROR',
    category: 'INTERNAL',
    detail: 'Something went wrong on our side; it has been logged.',
  }),
};
