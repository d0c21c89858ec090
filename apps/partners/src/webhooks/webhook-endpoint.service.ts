import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import {
  endpointUrlProblem,
  isPartnerWebhookEventType,
  webhookSecretOf,
} from '@gap/partners/domain';
import { PartnerClientErrors } from '../oauth/partner-client.errors.js';
import { PartnerIntegrationConfig } from '../oauth/partner-integration.config.js';
import type { CreateWebhookEndpointInput } from './dto/webhook-endpoint.input.js';
import { WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { WebhookEndpointRepository } from './webhook-endpoint.repository.js';
import { WebhookQueue } from './webhook-queue.repository.js';
import { WebhookErrors } from './webhook.errors.js';
import type {
  CreatedWebhookEndpoint,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
} from './webhook.model.js';
import { allowsLocalReceiver } from './webhook-sender.js';

const DELIVERIES_SHOWN = 100;
/** How long an endpoint's replaced secret still signs beside the new one. */
const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** A partner's own webhook endpoints and their delivery logs; another's are not found. */
@Injectable()
export class WebhookEndpointService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueue,
    @Inject(PartnerIntegrationConfig) private readonly config: PartnerIntegrationConfig,
  ) {}

  async create(caller: Caller, input: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpoint> {
    const partnerId = partnerOf(caller);
    const eventTypes = input.eventTypes ?? [];
    eventTypes.forEach((type, i) => {
      if (!isPartnerWebhookEventType(type)) throw WebhookErrors.eventTypes(i, type);
    });
    return this.createFor(partnerId, input.url, input.description ?? null, eventTypes);
  }

  /**
   * An endpoint of the partner's hearing `eventTypes` (none: every outcome notification), its
   * address checked first; with its signing secret, the only time it is shown. TM Forum hubs
   * are endpoints too, naming the TMF events they hear.
   */
  async createFor(
    partnerId: string,
    url: string,
    description: string | null,
    eventTypes: readonly string[],
    urlField = 'url',
  ): Promise<CreatedWebhookEndpoint> {
    const problem = endpointUrlProblem(url, {
      allowLocalHttpReceiver: allowsLocalReceiver(this.config),
    });
    if (problem) throw WebhookErrors.url(problem, urlField);
    const secret = webhookSecretOf(randomBytes(32));
    const endpoint = await this.endpoints.insert({
      id: randomUUID(),
      partnerId,
      url,
      description,
      eventTypes: [...new Set(eventTypes)],
      secret,
    });
    return { ...endpoint, secret };
  }

  list(caller: Caller): Promise<WebhookEndpointRecord[]> {
    return this.endpoints.listOfPartner(partnerOf(caller));
  }

  async remove(caller: Caller, id: string): Promise<void> {
    if (!(await this.endpoints.deleteOwn(partnerOf(caller), id))) throw WebhookErrors.notFound(id);
  }

  /** A new secret, shown once; both sign for 24 h so that the receiver can switch over. */
  async rotateSecret(caller: Caller, id: string): Promise<CreatedWebhookEndpoint> {
    const secret = webhookSecretOf(randomBytes(32));
    const until = new Date(Date.now() + SECRET_OVERLAP_MS);
    const endpoint = await this.endpoints.rotateOwn(partnerOf(caller), id, secret, until);
    if (!endpoint) throw WebhookErrors.notFound(id);
    return { ...endpoint, secret };
  }

  /** Sends a dead-lettered message again, with a fresh retry window. */
  async replay(caller: Caller, id: string, messageId: string): Promise<void> {
    const endpoint = await this.endpoints.findOwn(partnerOf(caller), id);
    if (!endpoint) throw WebhookErrors.notFound(id);
    await this.deliveries.transaction(async (tx) => {
      if (!(await this.deliveries.revive(tx, endpoint.id, messageId))) {
        throw WebhookErrors.deliveryNotDead(messageId);
      }
      await this.queue.enqueue(tx, [{ messageId }]);
    });
  }

  async deliveriesOf(caller: Caller, id: string): Promise<WebhookDeliveryRecord[]> {
    const endpoint = await this.endpoints.findOwn(partnerOf(caller), id);
    if (!endpoint) throw WebhookErrors.notFound(id);
    return this.deliveries.deliveries(endpoint.id, DELIVERIES_SHOWN);
  }
}

function partnerOf(caller: Caller): string {
  if (!caller.partnerId || !caller.roles.includes('PARTNER'))
    throw PartnerClientErrors.notPartner();
  return caller.partnerId;
}
