import {
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { JwtVerifier } from '@gap/auth';
import type { GatewayConfig } from '../gateway.config.js';
import { ApiDocsController, ApiDocsSettings } from './api-docs.controller.js';
import { RestEdgeMiddleware } from './rest-edge.middleware.js';
import { RestErrorsFilter } from './rest-errors.filter.js';
import { RestRoutes } from './rest-routes.js';

/** The REST half of the gateway: the proxy to the services' REST APIs and their one document. */
@Module({})
export class RestEdgeModule implements NestModule {
  constructor(@Inject(RestEdgeMiddleware) private readonly edge: RestEdgeMiddleware) {}

  static forRoot(config: GatewayConfig, verifier: JwtVerifier): DynamicModule {
    const edge = new RestEdgeMiddleware(new RestRoutes(config.subgraphUrls()), verifier, {
      bodyLimitBytes: config.REST_BODY_LIMIT_BYTES,
      timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
      retryAfterSeconds: config.SUBGRAPH_RETRY_AFTER_SECONDS,
      maxSockets: config.SUBGRAPH_MAX_SOCKETS,
    });
    return {
      module: RestEdgeModule,
      controllers: [ApiDocsController],
      providers: [
        { provide: RestEdgeMiddleware, useValue: edge },
        { provide: APP_FILTER, useClass: RestErrorsFilter },
        {
          provide: ApiDocsSettings,
          useValue: new ApiDocsSettings(config.OPENAPI_FILE, !config.production),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => {
        this.edge.use(req, res, next).catch(next);
      })
      .forRoutes('api/v1/*path', 'tmf-api/*path', 'oauth/*path');
  }
}
