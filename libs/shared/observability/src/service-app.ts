import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

export interface ServiceAppOptions {
  readonly host: string;
  readonly port: number;
  /** The largest request body accepted; a bulk import travels in one request. */
  readonly bodyLimit?: string;
}

export const DEFAULT_BODY_LIMIT = '25mb';

/** Creates a service's Nest application with the JSON logger and starts listening. */
export async function startServiceApp(
  module: unknown,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT });
  await app.listen(options.port, options.host);
  return app;
}
