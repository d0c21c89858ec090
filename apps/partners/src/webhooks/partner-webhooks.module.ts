import { Module } from '@nestjs/common';
import { IdempotencyKeysRepository } from '@gap/rest';
import { WebhookDispatchService } from './webhook-dispatch.service.js';
import { WebhookEndpointRepository } from './webhook-endpoint.repository.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import { WEBHOOK_CONTROLLERS, WEBHOOKS } from './webhooks.providers.js';

/**
 * Partners' webhooks: endpoints managed over REST, and `WebhookDispatchService.enqueueWebhook`
 * for the outcomes partners are told of (`PartnerNotificationsConsumer`, in the service's
 * module beside the other consumers); the endpoints are also the TM Forum hubs' listeners. Needs `PartnerOAuthModule` (its config
 * and guards) and `PartnerRateLimitModule`.
 */
@Module({
  // The Idempotency-Key store of POSTs, on the service's schema (the keys table is the lead's migration).
  providers: [...WEBHOOKS, IdempotencyKeysRepository],
  controllers: WEBHOOK_CONTROLLERS,
  exports: [WebhookDispatchService, WebhookEndpointService, WebhookEndpointRepository],
})
export class PartnerWebhooksModule {}
