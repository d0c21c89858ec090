import { IsInt, IsString, IsUrl, Max, Min } from 'class-validator';
import { AppConfig } from '@gap/config';

const subgraphUrl = { require_tld: false, protocols: ['http', 'https'] };

export class GatewayConfig extends AppConfig {
  override PORT = 4000;

  @IsUrl(subgraphUrl) ACCOUNTS_URL = 'http://127.0.0.1:4001/graphql';
  @IsUrl(subgraphUrl) TIERING_URL = 'http://127.0.0.1:4002/graphql';
  @IsUrl(subgraphUrl) MANAGERS_URL = 'http://127.0.0.1:4003/graphql';

  /** Deepest selection a query may have; deeper ones are refused before any resolver runs. */
  @IsInt() @Min(2) @Max(50) MAX_QUERY_DEPTH: number = 10;
  /** Largest estimated cost (fields × page sizes) a query may have. */
  @IsInt() @Min(10) MAX_QUERY_COST: number = 5000;

  /** The statically composed supergraph, checked in and refreshed by `npm run supergraph`. */
  @IsString() SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

  /** Subgraph name (as in the supergraph) → the URL to reach it in this deployment. */
  subgraphUrls(): Record<string, string> {
    return {
      accounts: this.ACCOUNTS_URL,
      tiering: this.TIERING_URL,
      managers: this.MANAGERS_URL,
    };
  }
}
