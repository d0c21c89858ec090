import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { negotiateLocale, RequestLocale } from '@gap/i18n';
import { Correlation, CORRELATION_HEADER, REQUEST_ID_HEADER } from './correlation.js';

/** A correlation or request id header, if present and shaped like an id (never echo junk). */
export function idHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^[\w.:-]{1,128}$/.test(first) ? first : undefined;
}

/**
 * Takes the correlation id the gateway passed on (or starts one) and keeps it for the rest of
 * the request, so logs and the events the request records carry it.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const requestId = idHeader(req, REQUEST_ID_HEADER) ?? randomUUID();
    const correlationId = idHeader(req, CORRELATION_HEADER) ?? requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.setHeader(CORRELATION_HEADER, correlationId);
    RequestLocale.run(negotiateLocale(req.headers['accept-language']), () =>
      Correlation.run({ requestId, correlationId, causationId: null }, next),
    );
  }
}
