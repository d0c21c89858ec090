import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CorrelationMiddleware } from './correlation.middleware.js';
import { HealthController } from './health.controller.js';
import { HealthRegistry } from './health.registry.js';
import {
  createServiceLogger,
  HttpLogMiddleware,
  PinoNestLogger,
  ServiceLogger,
  type ServiceLogOptions,
} from './logger.js';
import { HttpMetricsMiddleware, MetricsController, MetricsService } from './metrics.js';

export type ObservabilityOptions = ServiceLogOptions;

/** JSON logs with request and correlation ids, `/health/live`, `/health/ready`, `/metrics`. */
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      // Terminus logs a failed check itself; the 503 answer and its body say the same.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        {
          provide: ServiceLogger,
          useFactory: () => new ServiceLogger(createServiceLogger(options)),
        },
        PinoNestLogger,
        HttpLogMiddleware,
        { provide: MetricsService, useFactory: () => new MetricsService(options.service) },
      ],
      exports: [HealthRegistry, MetricsService, ServiceLogger, PinoNestLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Correlation first: the request line and every line after it carry its ids.
    consumer
      .apply(CorrelationMiddleware, HttpLogMiddleware, HttpMetricsMiddleware)
      .forRoutes('*path');
  }
}
