import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { EntityTagInterceptor, IF_MATCH_HEADER_DOC } from './entity-tag.js';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency/idempotency-key.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { ApiProblems } from './rest-controller.decorator.js';

export interface StateChangeOptions {
  /** A change of an existing resource: `If-Match` required (412 stale, 428 missing). */
  readonly ifMatch: boolean;
}

/**
 * A POST that changes state: `Idempotency-Key` honoured, the answer's `ETag` set, and, for a
 * change of an existing resource, `If-Match` required (read with `@IfMatchVersion()`). The key's
 * interceptor wraps the tag's, so that the kept answer carries its ETag.
 */
export function StateChange(options: StateChangeOptions): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor, EntityTagInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY,
      required: false,
      description: `Makes the POST safe to retry: the same key and the same call within 24 h get the first answer again (with \`Idempotent-Replayed: true\`) and change nothing more; the same key with another call: 422; while the first call runs: 409. 1–${IDEMPOTENCY_KEY_MAX_LENGTH} printable characters, e.g. a UUID.`,
      example: '5d3b1c7e-0a9f-4e2b-8c61-2f4e7d9a0b13',
    }),
    ApiProblems(409, 422),
    ...(options.ifMatch ? [IF_MATCH_HEADER_DOC, ApiProblems(412, 428)] : []),
  );
}
