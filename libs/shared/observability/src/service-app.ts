import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from './logger.js';

export interface ServiceAppOptions {
  readonly host: string;
  readonly port: number;
  /** The largest request body accepted; a bulk import travels in one request. */
  readonly bodyLimit?: string;
}

export const DEFAULT_BODY_LIMIT = '25mb';

/**
 * How long an idle keep-alive connection stays open. Longer than the callers' own idle timeout
 * (the gateway's agent), so that a caller never reuses a connection the service is closing at
 * that moment, which the caller would see as "socket hang up".
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Creates a service's Nest application with the JSON logger and starts listening. */
export async function startServiceApp(
  module: unknown,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  // JSON bodies only: the graph and the REST APIs speak JSON, and a form is left unread for
  // whoever needs it raw (the partners' OAuth token endpoint reads its own).
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.useBodyParser('json', { limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await app.listen(options.port, options.host);
  return app;
}
