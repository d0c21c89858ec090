import type { Request } from 'express';
import { DomainError } from '@gap/errors';
import { InputValidationPipe } from '@gap/graphql';
import { tmfField } from './tmf-query.js';

export const MERGE_PATCH = 'application/merge-patch+json';
const LIMIT_BYTES = 1_000_000;

function invalid(reason: string, zh: string, en: string): DomainError {
  return DomainError.invalidInput([tmfField('body', reason, zh, en)]);
}

/**
 * A PATCH body as JSON Merge Patch (RFC 7386, which TMF630 makes mandatory), or plain JSON. The
 * service's body parser reads `application/json` only, so a merge patch is read here.
 */
export async function mergePatchBody(req: Request): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return req.body as unknown;
  if (type !== MERGE_PATCH) {
    throw invalid(
      'UNSUPPORTED_MEDIA_TYPE',
      `不支持的内容类型 ${type}，请用 ${MERGE_PATCH}。`,
      `Content type ${type} is not taken; send ${MERGE_PATCH}.`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT_BYTES) throw invalid('TOO_LARGE', '请求体过大。', 'The body is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw invalid('NOT_JSON', '请求体不是 JSON。', 'The body is not JSON.');
  }
}

/** A PATCH body read as {@link mergePatchBody}, then validated as `metatype` (fields named). */
export async function validatedMergePatch<T extends object>(
  req: Request,
  metatype: new () => T,
): Promise<T> {
  const body = await mergePatchBody(req);
  return (await new InputValidationPipe().transform(body, {
    type: 'body',
    metatype,
    data: '',
  })) as T;
}
