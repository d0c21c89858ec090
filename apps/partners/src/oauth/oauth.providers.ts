import type { Provider } from '@nestjs/common';
import { OAuthStoreRepository } from './oauth-store.repository.js';
import { PartnerAuthorizationServer } from './partner-authorization-server.js';
import { PartnerClientRepository } from './partner-client.repository.js';
import { PartnerClientResolver } from './partner-client.resolver.js';
import { PartnerClientService } from './partner-client.service.js';
import { PartnerIntegrationConfig } from './partner-integration.config.js';
import { PartnerScopesGuard } from './partner-scopes.guard.js';

/** Partners' OAuth clients and what checks their tokens on partner routes. */
export const PARTNER_CLIENTS: Provider[] = [
  PartnerClientRepository,
  PartnerClientService,
  PartnerScopesGuard,
];

/** The admins' GraphQL over partners' clients (its resolver goes into the subgraph's API). */
export const PARTNER_CLIENTS_GRAPH: Provider[] = [PartnerClientResolver];

/** The authorization server itself, started once its signing key is known. */
export const AUTHORIZATION_SERVER: Provider[] = [
  OAuthStoreRepository,
  {
    provide: PartnerAuthorizationServer,
    inject: [PartnerIntegrationConfig, OAuthStoreRepository, PartnerClientService],
    useFactory: (
      config: PartnerIntegrationConfig,
      store: OAuthStoreRepository,
      clients: PartnerClientService,
    ) => PartnerAuthorizationServer.create(config, store, clients),
  },
];
