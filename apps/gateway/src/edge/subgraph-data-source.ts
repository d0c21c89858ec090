import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { CORRELATION_HEADER, REQUEST_ID_HEADER } from '@gap/observability';
import type { GatewayContext } from './gateway-context.js';

/** Calls a subgraph with the caller's token and the request's correlation ids. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.correlationId) request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
  }
}
