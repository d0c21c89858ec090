import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller, JwtVerifier } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { negotiateLocale, type Locale } from '@gap/i18n';
import { CORRELATION_HEADER, REQUEST_ID_HEADER, idHeader } from '@gap/observability';
import { refuseOversizedDocument } from '../query-limits/document-size.js';

export interface GatewayContext {
  readonly caller: Caller | null;
  /** The caller's own token, forwarded so every subgraph verifies it again. */
  readonly authorization?: string;
  readonly requestId: string;
  readonly correlationId: string;
  /** The caller's language, passed on so that every subgraph answers in it. */
  readonly locale: Locale;
}

function unauthenticated(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } },
  });
}

/**
 * Runs before the operation is even parsed: refuses an oversized document, then verifies the
 * bearer token, if any.
 */
export function gatewayContext(verifier: JwtVerifier, maxDocumentBytes: number) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    refuseOversizedDocument(req, maxDocumentBytes);
    const requestId = idHeader(req, REQUEST_ID_HEADER) ?? randomUUID();
    const correlationId = idHeader(req, CORRELATION_HEADER) ?? requestId;
    const locale = negotiateLocale(req.headers['accept-language']);
    const authorization = req.headers.authorization;
    if (!authorization) return { caller: null, requestId, correlationId, locale };
    try {
      return {
        caller: await verifier.verifyHeader(authorization),
        authorization,
        requestId,
        correlationId,
        locale,
      };
    } catch (error) {
      if (error instanceof DomainError) throw unauthenticated(error.message, error.code);
      throw error;
    }
  };
}

function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

/**
 * Every operation needs a verified caller. Only schema introspection may come without one, and
 * only where introspection is on at all (never in production), so the explorer can load.
 */
export function requireCallerPlugin(
  allowAnonymousIntrospection: boolean,
): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ contextValue, operation }) {
          const allowed =
            contextValue.caller !== null ||
            (allowAnonymousIntrospection &&
              operation !== undefined &&
              isIntrospectionOnly(operation));
          return allowed
            ? Promise.resolve()
            : Promise.reject(
                unauthenticated(
                  'Send a bearer token in the Authorization header.',
                  'UNAUTHENTICATED',
                ),
              );
        },
      });
    },
  };
}
