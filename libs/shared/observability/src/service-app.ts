import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

export interface ServiceAppOptions {
  readonly host: string;
  readonly port: number;
}

/** Creates a service's Nest application with the JSON logger and starts listening. */
export async function startServiceApp(
  module: unknown,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(options.port, options.host);
  return app;
}
