import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { BearerAuthMiddleware } from './auth.middleware.js';
import { JwtVerifier, type JwtVerifierOptions } from './jwt-verifier.js';

@Module({})
export class AuthModule implements NestModule {
  static forRoot(options: JwtVerifierOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: JwtVerifier, useValue: new JwtVerifier(options) },
        BearerAuthMiddleware,
      ],
      exports: [JwtVerifier],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(BearerAuthMiddleware).forRoutes('graphql');
  }
}
