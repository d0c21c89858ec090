import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type MetadataClient, type ProviderToken } from 'oidc-provider';
import { PARTNER_SCOPES } from '@gap/partners/domain';
import { PostgresOAuthAdapter } from './oauth-adapter.js';
import type { OAuthStoreRepository } from './oauth-store.repository.js';
import type { PartnerClientService } from './partner-client.service.js';
import type { PartnerIntegrationConfig } from './partner-integration.config.js';

/** The resource partners' tokens are for: the platform's APIs, under the platform's audience. */
export const PARTNER_API_RESOURCE = 'urn:group-account-platform:partner-api';

/** What the authorization server answers; everything else it could serve is not exposed. */
const SERVED_PATHS = new Set(['/token', '/jwks', '/.well-known/openid-configuration']);

const SIGNING_ALGORITHM = 'ES256';

async function signingKey(
  config: PartnerIntegrationConfig,
  store: OAuthStoreRepository,
): Promise<JWK> {
  if (config.PARTNERS_OAUTH_SIGNING_JWKS) {
    const { keys } = JSON.parse(config.PARTNERS_OAUTH_SIGNING_JWKS) as { keys?: JWK[] };
    const [key] = keys ?? [];
    if (!key?.d) throw new Error('PARTNERS_OAUTH_SIGNING_JWKS holds no private key.');
    return key;
  }
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = `partners-${Date.now().toString(36)}`;
  const candidate = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return store.signingKey(kid, candidate);
}

/**
 * The OAuth 2.0 authorization server partners get their tokens from (client credentials,
 * RFC 6749 §4.4), built on oidc-provider: JWT access tokens for the platform's audience, signed
 * with ES256, short-lived, carrying the PARTNER role, the partner and the scopes granted.
 */
export class PartnerAuthorizationServer {
  private constructor(
    readonly provider: Provider,
    private readonly handler: (req: IncomingMessage, res: ServerResponse) => void,
  ) {}

  static async create(
    config: PartnerIntegrationConfig,
    store: OAuthStoreRepository,
    clients: PartnerClientService,
  ): Promise<PartnerAuthorizationServer> {
    const key = await signingKey(config, store);
    const audience = config.AUTH_AUDIENCE;
    const provider = new Provider(config.oauthIssuer, {
      adapter: (model) => new PostgresOAuthAdapter(model, store, clients),
      jwks: { keys: [key] },
      scopes: [...PARTNER_SCOPES],
      clientDefaults: { id_token_signed_response_alg: SIGNING_ALGORITHM },
      // No flow here sets cookies; the keys only quiet the library's start-up check.
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => PARTNER_API_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, indicator: string, client: MetadataClient) => {
            if (indicator !== PARTNER_API_RESOURCE) throw new errors.InvalidTarget();
            return {
              scope: client.scope ?? '',
              audience,
              accessTokenTTL: config.PARTNERS_TOKEN_TTL_SECONDS,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: SIGNING_ALGORITHM } },
            };
          },
        },
      },
      ttl: { ClientCredentials: config.PARTNERS_TOKEN_TTL_SECONDS },
      extraTokenClaims: async (_ctx, token: ProviderToken) => {
        if (token.kind !== 'ClientCredentials' || !token.clientId) return undefined;
        const client = await clients.activeClient(token.clientId);
        return client ? { roles: ['PARTNER'], partnerId: client.partnerId } : undefined;
      },
    });
    // Behind the gateway and load balancers, the issuer's scheme and host are the public ones.
    provider.proxy = true;
    // Secrets are kept as hashes: the current one, or the previous one within the overlap.
    provider.Client.prototype.compareClientSecret = function (
      this: { clientId: string },
      actual: string,
    ) {
      return clients.secretMatches(this.clientId, actual);
    };
    return new PartnerAuthorizationServer(provider, provider.callback());
  }

  /** Serves a request under `/oauth` (the prefix already taken off `req.url`), or says no. */
  serves(path: string): boolean {
    return SERVED_PATHS.has(path.split('?')[0] ?? '');
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.handler(req, res);
  }
}
