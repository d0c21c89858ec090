import { Module, type DynamicModule } from '@nestjs/common';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { JwtVerifier, verifierOptionsFrom } from '@gap/auth';
import { ObservabilityModule } from '@gap/observability';
import { gatewayGraphQLOptions } from './edge/gateway-graphql.options.js';
import { JwksController } from './edge/jwks.controller.js';
import { GatewayConfig } from './gateway.config.js';
import { RestEdgeModule } from './rest/rest-edge.module.js';

/**
 * The one public door: verifies callers, limits queries and routes them to the subgraphs; serves
 * the services' REST APIs on the same origin (rest/).
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const verifier = new JwtVerifier(verifierOptionsFrom(config));
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>(gatewayGraphQLOptions(config, verifier)),
        RestEdgeModule.forRoot(config, verifier),
      ],
      controllers: [JwksController],
      providers: [{ provide: GatewayConfig, useValue: config }],
    };
  }
}
