import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { DomainError, violation } from '@gap/errors';
import { RestProblem } from './rest-problem.js';

export const IF_MATCH = 'If-Match';

/** A resource that carries its optimistic-locking version. */
export interface VersionedResource {
  readonly id: string;
  readonly version: number;
}

/** The strong entity tag of one version of one resource (RFC 9110 §8.8.3): `"<id>.<version>"`. */
export function entityTag(id: string, version: number): string {
  return `"${id}.${version}"`;
}

const TAG = /^\s*(W\/)?"([\x21\x23-\x7e]*)"\s*(?:,|$)/;

function malformed(reason: string, en: string, zh: string): DomainError {
  return DomainError.invalidInput(
    [violation(IF_MATCH, reason, { 'zh-CN': zh, en })],
    'IF_MATCH_INVALID',
  );
}

/**
 * The version of resource `id` that `If-Match` makes the change conditional on; `null` for `*`
 * (whatever version is current). Missing: 428 (RFC 6585), since a blind overwrite is what the
 * header exists to prevent. Weak tags never match (If-Match compares strongly, RFC 9110 §13.1.1),
 * nor do tags of another resource: 412. The version itself is compared by the use case, under
 * its lock, so a change between the check and the write cannot slip through.
 */
export function versionOfIfMatch(header: string | undefined, id: string): number | null {
  if (header === undefined || header.trim() === '') {
    throw new RestProblem({
      status: 428,
      code: 'IF_MATCH_REQUIRED',
      category: 'BAD_USER_INPUT',
      field: IF_MATCH,
      detail: `A change needs If-Match with the ETag of the resource as last read (GET it first).`,
    });
  }
  if (header.trim() === '*') return null;
  const versions = new Set<number>();
  let rest = header;
  while (rest.trim() !== '') {
    const found = TAG.exec(rest);
    if (!found) {
      throw malformed(
        'IF_MATCH_MALFORMED',
        'If-Match is not a list of quoted entity tags.',
        'If-Match 须为带引号的实体标签列表。',
      );
    }
    const [whole, weak, opaque = ''] = found;
    const dot = opaque.lastIndexOf('.');
    const version = Number(opaque.slice(dot + 1));
    if (!weak && dot > 0 && opaque.slice(0, dot) === id && Number.isSafeInteger(version)) {
      versions.add(version);
    }
    rest = rest.slice(whole.length);
  }
  if (versions.size > 1) {
    throw malformed(
      'IF_MATCH_AMBIGUOUS',
      'If-Match names several versions of this resource; send the one last read.',
      'If-Match 含有该资源的多个版本，请只发送最后读取的那个。',
    );
  }
  const [version] = versions;
  if (version === undefined) {
    throw new RestProblem({
      status: 412,
      code: 'ENTITY_TAG_MISMATCH',
      category: 'CONFLICT',
      field: IF_MATCH,
      detail: `If-Match names no current version of ${id}: GET it and use its ETag.`,
    });
  }
  return version;
}

/**
 * The handler's parameter: the version `If-Match` names for the resource of route parameter
 * `param` (default `id`), or `null` for `*`.
 */
export const IfMatchVersion = createParamDecorator(
  (param: string | undefined, context: ExecutionContext): number | null => {
    const req = context.switchToHttp().getRequest<Request>();
    const id = req.params[param ?? 'id'];
    return versionOfIfMatch(req.headers['if-match'], typeof id === 'string' ? id : '');
  },
);

function isVersioned(body: unknown): body is VersionedResource {
  const candidate = body as Partial<VersionedResource> | null;
  return (
    typeof candidate?.id === 'string' &&
    typeof candidate.version === 'number' &&
    Number.isSafeInteger(candidate.version)
  );
}

/** Sets `ETag` on an answer that is one versioned resource. */
@Injectable()
export class EntityTagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (isVersioned(body)) res.setHeader('ETag', entityTag(body.id, body.version));
        return body;
      }),
    );
  }
}

/** How the answer's `ETag` reads in the OpenAPI document (for `@ApiOkResponse({ headers })`). */
export const ETAG_HEADER = {
  ETag: {
    description:
      'The strong entity tag of the version answered; send it as `If-Match` to change it.',
    schema: { type: 'string', example: '"3f0c2a8e-5b1d-4c6f-9a27-1e8d4b7c9f10.3"' },
  },
} as const;

export const IF_MATCH_HEADER_DOC = ApiHeader({
  name: IF_MATCH,
  required: true,
  description:
    'The `ETag` of the resource as last read (or `*`). Stale: 412, nothing changed; missing: 428.',
  example: '"3f0c2a8e-5b1d-4c6f-9a27-1e8d4b7c9f10.3"',
});

/** An answer that is one versioned resource carries its `ETag`. */
export function WithEntityTag(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseInterceptors(EntityTagInterceptor));
}
