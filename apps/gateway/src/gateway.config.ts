import { IsInt, IsString, Max, Min, ValidateBy, isURL } from 'class-validator';
import { AppConfig } from '@gap/config';

const subgraphUrl = { require_tld: false, protocols: ['http', 'https'] };

/** One URL, or several separated by commas: the instances of one service. */
const IsUrlList = () =>
  ValidateBy({
    name: 'isUrlList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        value.split(',').every((url) => isURL(url.trim(), subgraphUrl)),
      defaultMessage: () => 'must be a URL, or several separated by commas',
    },
  });

export class GatewayConfig extends AppConfig {
  override PORT = 4000;

  // Each service's GraphQL URL; with several instances and no load balancer in front of them,
  // their URLs separated by commas: the gateway takes them in turn and skips a stopped one.
  @IsUrlList() ACCOUNTS_URL = 'http://127.0.0.1:4001/graphql';
  @IsUrlList() TIERING_URL = 'http://127.0.0.1:4002/graphql';
  @IsUrlList() MANAGERS_URL = 'http://127.0.0.1:4003/graphql';
  @IsUrlList() COORDINATION_URL = 'http://127.0.0.1:4004/graphql';
  @IsUrlList() BUNDLES_URL = 'http://127.0.0.1:4005/graphql';
  @IsUrlList() PARTNERS_URL = 'http://127.0.0.1:4006/graphql';

  // Limits on a query document, all checked before the query planner or any subgraph runs.
  /** Longest query document (bytes), checked before it is parsed; variables do not count. */
  @IsInt() @Min(1_000) MAX_DOCUMENT_BYTES: number = 100_000;
  /** Most lexical tokens a document may have; the parser stops at the limit. */
  @IsInt() @Min(100) MAX_QUERY_TOKENS: number = 5_000;
  /** Most aliases in one operation: each alias is one more copy of a field's work. */
  @IsInt() @Min(1) MAX_QUERY_ALIASES: number = 30;
  /** Most directives in one operation. */
  @IsInt() @Min(1) MAX_QUERY_DIRECTIVES: number = 50;
  /** Deepest selection a query may have. */
  @IsInt() @Min(2) @Max(50) MAX_QUERY_DEPTH: number = 10;
  /**
   * Largest estimated cost: the values a query can make the subgraphs produce, each list
   * counted at what it can really return (query-limits/list-sizes.ts). A page of 100 accounts
   * with 20 fields and a small nested list each stays under it.
   */
  @IsInt() @Min(10) MAX_QUERY_COST: number = 20_000;

  // The subgraphs.
  /** A subgraph that has not answered by then is reported SERVICE_UNAVAILABLE. */
  @IsInt() @Min(100) SUBGRAPH_TIMEOUT_MS: number = 15_000;
  /** Keep-alive connections per subgraph. */
  @IsInt() @Min(1) @Max(1_024) SUBGRAPH_MAX_SOCKETS: number = 64;
  /** The retry hint given with SERVICE_UNAVAILABLE (the launcher restarts a service in ~1-2 s). */
  @IsInt() @Min(1) SUBGRAPH_RETRY_AFTER_SECONDS: number = 2;

  /** The statically composed supergraph, checked in and refreshed by `npm run supergraph`. */
  @IsString() SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

  // The REST edge (rest/): /api/v1/<area>/… and /tmf-api/<api>/… proxied to their services.
  /** The largest REST request body, in bytes; larger ones get a 413 problem. */
  @IsInt() @Min(1_024) REST_BODY_LIMIT_BYTES: number = 1_048_576;
  /** The merged OpenAPI document, checked in and refreshed by `npm run openapi`. */
  @IsString() OPENAPI_FILE = 'apps/gateway/openapi.json';

  /** Subgraph name (as in the supergraph) → the URLs of its instances in this deployment. */
  subgraphInstances(): Record<string, string[]> {
    const list = (urls: string) => urls.split(',').map((url) => url.trim());
    return {
      accounts: list(this.ACCOUNTS_URL),
      tiering: list(this.TIERING_URL),
      managers: list(this.MANAGERS_URL),
      coordination: list(this.COORDINATION_URL),
      bundles: list(this.BUNDLES_URL),
      partners: list(this.PARTNERS_URL),
    };
  }

  /** Subgraph name → the URL of its first instance (the REST edge proxies to it). */
  subgraphUrls(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.subgraphInstances()).map(([name, [first]]) => [name, first ?? '']),
    );
  }
}
