import type { Request } from 'express';
import { limitError } from './limit-errors.js';

function documentOf(req: Request): unknown {
  const body: unknown = req.body;
  if (body && typeof body === 'object' && 'query' in body) return body.query;
  return req.method === 'GET' ? req.query['query'] : undefined;
}

/**
 * Refuses a document longer than `maxBytes` before anything parses it: a 2 MB document would
 * otherwise cost seconds of lexing before any other limit could look at it. Variables are not
 * counted (an import's file travels in them); the HTTP body limit bounds those.
 */
export function refuseOversizedDocument(req: Request, maxBytes: number): void {
  const document = documentOf(req);
  if (typeof document !== 'string' || document.length <= maxBytes / 3) return;
  const bytes = Buffer.byteLength(document, 'utf8');
  if (bytes > maxBytes) {
    throw limitError(
      'DOCUMENT_TOO_LARGE',
      `The query document is ${bytes} bytes; at most ${maxBytes} are allowed.`,
      { bytes, limit: maxBytes },
      413,
    );
  }
}
