import { Agent, type ClientRequest, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware, fixRequestBody, type RequestHandler } from 'http-proxy-middleware';
import type { JwtVerifier } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { Correlation, CORRELATION_HEADER, REQUEST_ID_HEADER } from '@gap/observability';
import { problem, problemOfDomainError, sendRestError, UNAUTHENTICATED_HEADERS } from '@gap/rest';
import type { RestRoutes, RestTarget } from './rest-routes.js';

export interface RestEdgeOptions {
  /** The largest request body a REST call may send, in bytes. */
  readonly bodyLimitBytes: number;
  /** A service that has not answered (or sent nothing more) by then is reported unavailable. */
  readonly timeoutMs: number;
  readonly retryAfterSeconds: number;
  readonly maxSockets: number;
}

type ProxiedRequest = Request & { body?: unknown };

/** How many bytes the body is, when it can be known before sending it on. */
function declaredBodySize(req: ProxiedRequest): number | undefined {
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length)) return length;
  // A chunked JSON body was already read by the gateway's body parser: measure what was read.
  if (req.readableEnded && typeof req.body === 'object' && req.body !== null) {
    return Buffer.byteLength(JSON.stringify(req.body));
  }
  return undefined;
}

/**
 * The REST edge: `/api/v1/<area>/…` and `/tmf-api/<api>/…` go to the service that owns the
 * area, streamed both ways (a large export is never held in the gateway), with the caller's
 * token verified here first and forwarded, exactly as for the graph, so the service verifies
 * it again. What the edge itself refuses is a Problem Details document.
 */
export class RestEdgeMiddleware {
  private readonly proxies = new Map<string, RequestHandler<Request, Response>>();
  /** Requests cut for their body's size: the upstream call's abort is not an outage. */
  private readonly refused = new WeakSet<Request>();

  constructor(
    private readonly routes: RestRoutes,
    private readonly verifier: JwtVerifier,
    private readonly options: RestEdgeOptions,
  ) {
    const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
    for (const target of routes.targets()) {
      this.proxies.set(target.origin, this.proxyTo(target, agent));
    }
  }

  async use(req: ProxiedRequest, res: Response, next: NextFunction): Promise<void> {
    // Mounted under a path, Express hands the middleware a shortened url; the service needs it whole.
    const path = req.originalUrl;
    const target = this.routes.resolve(path);
    const proxy = target && this.proxies.get(target.origin);
    if (!proxy) {
      sendRestError(
        res,
        path,
        req.headers.accept,
        problem({
          status: 404,
          code: 'NOT_FOUND',
          category: 'NOT_FOUND',
          detail: `No REST API is served at ${req.path}.`,
          instance: path,
        }),
      );
      return;
    }
    try {
      if (!target.public) await this.verifier.verifyHeader(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendRestError(
        res,
        path,
        req.headers.accept,
        problemOfDomainError(error, path),
        UNAUTHENTICATED_HEADERS,
      );
      return;
    }
    const size = declaredBodySize(req);
    if (size !== undefined && size > this.options.bodyLimitBytes) {
      this.refuseBody(req, res, path);
      return;
    }
    req.url = path;
    await proxy(req, res, next);
  }

  private refuseBody(req: Request, res: ServerResponse, path: string): void {
    // The rest of an oversized body is not read: the connection is closed once answered.
    res.setHeader('connection', 'close');
    sendRestError(
      res,
      path,
      req.headers.accept,
      problem({
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        category: 'BAD_USER_INPUT',
        detail: `A REST request body may have at most ${this.options.bodyLimitBytes} bytes.`,
        instance: path,
      }),
    );
    req.resume();
  }

  /**
   * A body of unannounced length is counted as it streams through to the service, and the
   * call is cut at the limit. Counted from the moment the proxy pipes it, so no chunk is lost.
   */
  private limitStreamedBody(proxyReq: ClientRequest, req: Request, res: ServerResponse): void {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= this.options.bodyLimitBytes || this.refused.has(req)) return;
      this.refused.add(req);
      req.unpipe(proxyReq);
      proxyReq.destroy();
      if (!res.headersSent) this.refuseBody(req, res, req.originalUrl);
    });
  }

  private proxyTo(target: RestTarget, agent: Agent): RequestHandler<Request, Response> {
    return createProxyMiddleware<Request, Response>({
      target: target.origin,
      changeOrigin: true,
      xfwd: true,
      agent,
      proxyTimeout: this.options.timeoutMs,
      on: {
        proxyReq: (proxyReq, req, res) => {
          const correlation = Correlation.current();
          if (correlation?.requestId) proxyReq.setHeader(REQUEST_ID_HEADER, correlation.requestId);
          if (correlation) proxyReq.setHeader(CORRELATION_HEADER, correlation.correlationId);
          // The gateway's JSON parser has read the body already: it is written on again.
          fixRequestBody(proxyReq, req);
          if (!req.readableEnded && req.headers['content-length'] === undefined) {
            this.limitStreamedBody(proxyReq, req, res);
          }
        },
        error: (error, req, res) => this.unavailable(error, req, res, target),
      },
    });
  }

  private unavailable(
    error: Error,
    req: Request,
    res: ServerResponse | Socket,
    target: RestTarget,
  ): void {
    if (this.refused.has(req)) return;
    if (!('setHeader' in res)) {
      res.destroy();
      return;
    }
    if (res.headersSent) {
      // The service failed half-way through its answer: cut the stream so the client sees it.
      res.destroy(error);
      return;
    }
    const retryAfterSeconds = this.options.retryAfterSeconds;
    sendRestError(
      res,
      req.originalUrl,
      req.headers.accept,
      problem({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        category: 'UNAVAILABLE',
        detail: `The ${target.service} service is unavailable right now; retry in ${retryAfterSeconds} s.`,
        instance: req.originalUrl,
        service: target.service,
        retryAfterSeconds,
      }),
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}
