import { readFileSync } from 'node:fs';
import { Module, type DynamicModule } from '@nestjs/common';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { JwtVerifier, verifierOptionsFrom } from '@gap/auth';
import { ObservabilityModule } from '@gap/observability';
import { gatewayContext, requireCallerPlugin } from './edge/gateway-context.js';
import { formatGatewayError } from './edge/gateway-errors.js';
import { JwksController } from './edge/jwks.controller.js';
import { SubgraphDataSource } from './edge/subgraph-data-source.js';
import { GatewayConfig } from './gateway.config.js';
import { costLimitRule, depthLimitRule } from './query-limits/query-limits.js';

/** The one public GraphQL door: verifies callers, limits queries, routes to the subgraphs. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const verifier = new JwtVerifier(verifierOptionsFrom(config));
    const urls = config.subgraphUrls();
    const explorer = !config.production;
    return {
      module: GatewayModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'gateway', logLevel: config.LOG_LEVEL }),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            playground: false,
            introspection: explorer,
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            context: gatewayContext(verifier),
            validationRules: [
              depthLimitRule(config.MAX_QUERY_DEPTH),
              costLimitRule(config.MAX_QUERY_COST),
            ],
            formatError: formatGatewayError,
            plugins: [
              requireCallerPlugin(explorer),
              explorer
                ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
                : ApolloServerPluginLandingPageDisabled(),
            ],
          },
          gateway: {
            supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
            buildService: ({ name, url }) => new SubgraphDataSource({ url: urls[name] ?? url }),
          },
        }),
      ],
      controllers: [JwksController],
      providers: [{ provide: GatewayConfig, useValue: config }],
    };
  }
}
