import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CORRELATION_HEADER, REQUEST_ID_HEADER } from '@gap/observability';
import type { GatewayContext } from './gateway-context.js';

/** Calls a subgraph with the caller's token and the request's correlation ids. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading carry no caller.
    if (!('incomingRequestContext' in options)) return;
    const { request, context } = options;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
  }
}
