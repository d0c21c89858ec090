import { readFileSync } from 'node:fs';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { ApolloGatewayDriver } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { JwtVerifier } from '@gap/auth';
import type { GatewayConfig } from '../gateway.config.js';
import { queryProtection } from '../query-limits/query-limits.js';
import { gatewayContext, requireCallerPlugin } from './gateway-context.js';
import { gatewayErrorFormatter } from './gateway-errors.js';
import { keepAliveFetcher } from './keep-alive-fetcher.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { instancesFetcher } from './subgraph-instances.js';

/**
 * The public GraphQL door: verifies callers, refuses abusive documents before planning, and
 * routes to the subgraphs over kept-alive connections. Development keeps the explorer,
 * introspection, stack traces and field suggestions; production has none of them.
 */
export function gatewayGraphQLOptions(
  config: GatewayConfig,
  verifier: JwtVerifier,
): ApolloGatewayDriverConfig {
  const instances = config.subgraphInstances();
  const development = !config.production;
  const protection = queryProtection({
    maxAliases: config.MAX_QUERY_ALIASES,
    maxTokens: config.MAX_QUERY_TOKENS,
    maxDepth: config.MAX_QUERY_DEPTH,
    maxDirectives: config.MAX_QUERY_DIRECTIVES,
    maxCost: config.MAX_QUERY_COST,
    hideSuggestions: config.production,
  });
  // One pool per subgraph, shared by every request.
  const fetcher = keepAliveFetcher({
    maxSockets: config.SUBGRAPH_MAX_SOCKETS,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
  });
  return {
    driver: ApolloGatewayDriver,
    server: {
      path: '/graphql',
      playground: false,
      introspection: development,
      includeStacktraceInErrorResponses: development,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      context: gatewayContext(verifier, config.MAX_DOCUMENT_BYTES),
      parseOptions: protection.parseOptions,
      validationRules: protection.validationRules,
      formatError: gatewayErrorFormatter(config.production),
      plugins: [
        ...protection.plugins,
        requireCallerPlugin(development),
        development
          ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
          : ApolloServerPluginLandingPageDisabled(),
      ],
    },
    gateway: {
      supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
      buildService: ({ name, url }) =>
        new SubgraphDataSource({
          name,
          url: instances[name]?.[0] ?? url ?? '',
          fetcher: instancesFetcher(instances[name] ?? [url ?? ''], fetcher),
          retryAfterSeconds: config.SUBGRAPH_RETRY_AFTER_SECONDS,
        }),
    },
  };
}
