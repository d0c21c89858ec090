import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { CORRELATION_HEADER, REQUEST_ID_HEADER } from '@gap/observability';
import type { GatewayContext } from './gateway-context.js';
import { serviceUnavailable } from './gateway-errors.js';
import type { Fetcher } from './keep-alive-fetcher.js';

/** Network failures that mean "the service is not there right now", not "it failed". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Proxies and load balancers in front of a service answer these while it is down. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** By shape, not `instanceof`: a socket error may come from another realm (a test's VM). */
function unreachableReason(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' && UNREACHABLE.has(code) ? code : undefined;
}

export interface SubgraphOptions {
  /** The subgraph's name in the supergraph (accounts, tiering, managers). */
  readonly name: string;
  readonly url: string;
  readonly fetcher: Fetcher;
  /** Told to clients when the service is unreachable: when trying again makes sense. */
  readonly retryAfterSeconds: number;
}

/**
 * Calls a subgraph with the caller's token and the request's correlation ids, and turns an
 * unreachable subgraph into a coded SERVICE_UNAVAILABLE error naming it, so that clients know
 * to retry rather than report a bug.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly retryAfterSeconds: number;

  constructor(options: SubgraphOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.serviceName = options.name;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading carry no caller.
    if (!('incomingRequestContext' in options)) return;
    const { request, context } = options;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
    request.http?.headers.set('accept-language', context.locale);
  }

  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0],
  ): Promise<GraphQLError> {
    if (UNAVAILABLE_STATUSES.has(response.status)) {
      return this.unavailable(`HTTP_${response.status}`);
    }
    return super.errorFromResponse(response);
  }

  override didEncounterError(error: Error): void {
    const reason = unreachableReason(error);
    throw reason ? this.unavailable(reason) : error;
  }

  private unavailable(reason: string): GraphQLError {
    return serviceUnavailable(this.serviceName, this.retryAfterSeconds, reason);
  }
}
