import {
  Injectable,
  RequestMethod,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { problemOfDomainError } from '../problem-details.js';
import { RestProblem } from '../rest-problem.js';
import {
  checkedIdempotencyKey,
  fingerprintOf,
  IDEMPOTENCY_KEY,
  IDEMPOTENCY_KEY_TTL_SECONDS,
  IDEMPOTENCY_LEASE_SECONDS,
} from './idempotency-key.js';
import { IdempotencyKeysRepository, type KeptAnswer } from './idempotency-keys.repository.js';

/** Set on an answer given again for a key, as Stripe does. */
export const IDEMPOTENT_REPLAYED = 'Idempotent-Replayed';

/** The answer headers kept with a key and given again. */
const KEPT_HEADERS = ['etag', 'location'];

/**
 * A refusal that is the call's answer (kept, and given again for the key): the use case decided.
 * Refused input or identity, and anything unexpected, changed nothing: the key is given back so
 * that the corrected call can be sent with it.
 */
function isDecision(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    error.kind !== 'INVALID_INPUT' &&
    error.kind !== 'UNAUTHENTICATED'
  );
}

/**
 * `Idempotency-Key` on a POST, with Stripe's semantics: the first call with a key runs and its
 * answer (status, body, ETag) is kept for 24 hours; the same key with the same call gets that
 * answer again and runs nothing; the same key with another call (method, path, body or
 * If-Match) is refused with 422; while the first call is still running, another with its key
 * gets 409. Keys belong to the caller (the token's subject). Without the header, the call runs
 * as it is.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyKeysRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const header = req.headers[IDEMPOTENCY_KEY.toLowerCase()];
    if (header === undefined || req.method !== 'POST' || !req.caller) return next.handle();
    const key = checkedIdempotencyKey(Array.isArray(header) ? header.join(', ') : header);
    const caller = req.caller.subject;
    const ifMatch = req.headers['if-match'];
    const claim = await this.keys.claim({
      caller,
      key,
      fingerprint: fingerprintOf({
        method: req.method,
        path: req.originalUrl,
        body: req.body as unknown,
        ifMatch: ifMatch ?? null,
      }),
      ttlSeconds: IDEMPOTENCY_KEY_TTL_SECONDS,
      leaseSeconds: IDEMPOTENCY_LEASE_SECONDS,
    });
    switch (claim.kind) {
      case 'REUSED':
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'PRECONDITION_FAILED',
          {
            'zh-CN': `Idempotency-Key「${key}」已用于另一个请求；新的请求请使用新的键。`,
            en: `Idempotency-Key "${key}" was used for a different request; use a new key for a new request.`,
          },
          IDEMPOTENCY_KEY,
        );
      case 'IN_FLIGHT':
        throw new DomainError(
          'IDEMPOTENCY_KEY_IN_FLIGHT',
          'CONFLICT',
          {
            'zh-CN': `使用 Idempotency-Key「${key}」的请求仍在处理中，请稍后重试。`,
            en: `A request with Idempotency-Key "${key}" is still being processed; retry shortly.`,
          },
          IDEMPOTENCY_KEY,
        );
      case 'REPLAY':
        return of(this.replay(res, claim.answer));
      case 'CLAIMED':
        return this.run(context, next, req, res, { caller, key, attempt: claim.attempt });
    }
  }

  private replay(res: Response, answer: KeptAnswer): unknown {
    const headers = { ...answer.headers, [IDEMPOTENT_REPLAYED]: 'true' };
    const body = JSON.parse(answer.body) as unknown;
    if (answer.status >= 400) throw new RestProblem(body as RestProblem['details'], headers);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.status(answer.status);
    return body;
  }

  private run(
    context: ExecutionContext,
    next: CallHandler,
    req: Request,
    res: Response,
    held: { caller: string; key: string; attempt: string },
  ): Observable<unknown> {
    const keep = (answer: KeptAnswer) =>
      this.keys.keep(held.caller, held.key, held.attempt, answer);
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          keep({
            status: successStatus(context, req),
            headers: keptHeaders(res),
            body: JSON.stringify(body ?? null),
          }).then(() => body),
        ),
      ),
      catchError((error: unknown) => {
        if (!isDecision(error)) {
          return from(
            this.keys.release(held.caller, held.key, held.attempt).then(() => {
              throw error;
            }),
          );
        }
        const details = problemOfDomainError(error, req.originalUrl);
        return from(
          keep({ status: details.status, headers: {}, body: JSON.stringify(details) }).then(() => {
            throw new RestProblem(details);
          }),
        );
      }),
    );
  }
}

/** The status Nest answers a success of this handler with (`@HttpCode`, else 201 for a POST). */
function successStatus(context: ExecutionContext, req: Request): number {
  const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as
    number | undefined;
  return declared ?? (req.method === RequestMethod[RequestMethod.POST] ? 201 : 200);
}

function keptHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
