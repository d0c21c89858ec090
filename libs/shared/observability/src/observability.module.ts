import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { Correlation, REQUEST_ID_HEADER } from './correlation.js';
import { CorrelationMiddleware } from './correlation.middleware.js';
import { HealthController } from './health.controller.js';
import { HealthRegistry } from './health.registry.js';
import { HttpMetricsMiddleware, MetricsController, MetricsService } from './metrics.js';

export interface ObservabilityOptions {
  readonly service: string;
  readonly logLevel: string;
  /** Pretty, human-readable lines instead of JSON (never in production). */
  readonly pretty?: boolean;
}

/** Redacted wherever they appear in a log line: credentials and contacts' personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.phone',
  '*.mobile',
  '*.email',
  '*.birthday',
  '*.password',
  '*.token',
];

/** JSON logs with request and correlation ids, `/health/live`, `/health/ready`, `/metrics`. */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            name: options.service,
            level: options.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            genReqId: (req: IncomingMessage) =>
              (req.headers[REQUEST_ID_HEADER] as string | undefined) ??
              Correlation.current()?.requestId ??
              '',
            customProps: () => ({ correlationId: Correlation.current()?.correlationId }),
            mixin: () => {
              const context = Correlation.current();
              return context
                ? {
                    correlationId: context.correlationId,
                    causationId: context.causationId ?? undefined,
                  }
                : {};
            },
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
            },
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        { provide: MetricsService, useFactory: () => new MetricsService(options.service) },
      ],
      exports: [HealthRegistry, MetricsService],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes('*path');
  }
}
