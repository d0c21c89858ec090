import {
  Inject,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { AUTHORIZATION_SERVER, PARTNER_CLIENTS, PARTNER_CLIENTS_GRAPH } from './oauth.providers.js';
import { PartnerClientService } from './partner-client.service.js';
import { PartnerIntegrationConfig } from './partner-integration.config.js';
import { PartnerOAuthMiddleware } from './partner-oauth.middleware.js';
import { PartnerScopesGuard } from './partner-scopes.guard.js';

/**
 * Partners' credentials: the authorization server under `/oauth` (unless partners' tokens come
 * from the operator's identity provider), the admins' GraphQL over clients, and the guard of
 * partner routes (scopes and revocation), available to every module.
 */
@Module({})
export class PartnerOAuthModule implements NestModule {
  constructor(
    @Inject(PartnerIntegrationConfig) private readonly config: PartnerIntegrationConfig,
  ) {}

  static forRoot(config: PartnerIntegrationConfig): DynamicModule {
    const servesTokens = config.PARTNERS_TOKEN_SOURCE === 'service';
    return {
      module: PartnerOAuthModule,
      global: true,
      providers: [
        { provide: PartnerIntegrationConfig, useValue: config },
        ...PARTNER_CLIENTS,
        ...PARTNER_CLIENTS_GRAPH,
        ...(servesTokens ? [...AUTHORIZATION_SERVER, PartnerOAuthMiddleware] : []),
      ],
      exports: [PartnerIntegrationConfig, PartnerClientService, PartnerScopesGuard],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.config.PARTNERS_TOKEN_SOURCE !== 'service') return;
    consumer
      .apply(PartnerOAuthMiddleware)
      .forRoutes({ path: 'oauth/*path', method: RequestMethod.ALL });
  }
}
