import { Module, type DynamicModule } from '@nestjs/common';
import { IdempotencyKeysRepository, IdempotencyKeysSweeper } from '@gap/rest';
import { ServicePlatformModule } from '@gap/service';
import { DEALS_CONTROLLERS, DEALS_PROVIDERS } from './deals/deals.providers.js';
import { LEADS_CONTROLLERS, LEADS_PROVIDERS } from './leads/leads.providers.js';
import { PartnerOAuthModule } from './oauth/partner-oauth.module.js';
import type { PartnersConfig } from './partners.config.js';
import { partnersDatabase } from './partners.database.js';
import { ACCOUNTS, CONSUMERS, ORGANISATIONS } from './partners.providers.js';
import { PartnerRateLimitModule } from './rate-limit/partner-rate-limit.module.js';
import { PARTNERS_API } from './schema.js';
import { TMF_CONTROLLERS, TMF_PROVIDERS } from './tmf/tmf.providers.js';
import { PartnerWebhooksModule } from './webhooks/partner-webhooks.module.js';

/**
 * The partners service: the partner organisations that extend the operator's coverage
 * (agents, resellers, industry associations, e-channels), managed by admins; their credentials
 * (OAuth 2.0 client credentials), leads and deal registrations over the integration API, and
 * the signed webhooks that tell them what happened. What it knows of the accounts comes from
 * the other services' events, for matching partners' leads against the book.
 */
@Module({})
export class PartnersModule {
  static forRoot(config: PartnersConfig): DynamicModule {
    return {
      module: PartnersModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'partners',
          config,
          database: partnersDatabase(config.DATABASE_URL),
          api: PARTNERS_API,
        }),
        PartnerOAuthModule.forRoot(config),
        PartnerRateLimitModule,
        PartnerWebhooksModule,
      ],
      controllers: [...LEADS_CONTROLLERS, ...DEALS_CONTROLLERS, ...TMF_CONTROLLERS],
      providers: [
        ...ACCOUNTS,
        ...ORGANISATIONS,
        ...CONSUMERS,
        ...LEADS_PROVIDERS,
        ...DEALS_PROVIDERS,
        ...TMF_PROVIDERS,
        IdempotencyKeysRepository,
        IdempotencyKeysSweeper,
      ],
    };
  }
}
