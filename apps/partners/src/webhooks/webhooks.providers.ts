import type { Provider } from '@nestjs/common';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { WebhookDispatchService } from './webhook-dispatch.service.js';
import { WebhookEndpointRepository } from './webhook-endpoint.repository.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import { WebhookQueue } from './webhook-queue.repository.js';
import { WebhookSender } from './webhook-sender.js';
import { WebhookController } from './webhook.controller.js';

/** Partners' webhook endpoints and the durable, signed, SSRF-safe delivery of their events. */
export const WEBHOOKS: Provider[] = [
  WebhookEndpointRepository,
  WebhookDeliveryRepository,
  WebhookEndpointService,
  WebhookQueue,
  WebhookSender,
  WebhookDispatchService,
];

/** The REST controllers under `/api/v1/partners/webhooks`. */
export const WEBHOOK_CONTROLLERS = [WebhookController];
