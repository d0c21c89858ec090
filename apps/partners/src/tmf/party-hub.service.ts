import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@gap/auth';
import type { EventEnvelope } from '@gap/contracts';
import { DomainError } from '@gap/errors';
import {
  hubEventsWanted,
  hubQueryProblem,
  tmfField,
  tmfHubEvent,
  tmfHubNotFound,
  type TmfHubBody,
} from '@gap/rest';
import { partnerOf } from '../leads/lead-access.js';
import { WebhookDispatchService } from '../webhooks/webhook-dispatch.service.js';
import { WebhookEndpointRepository } from '../webhooks/webhook-endpoint.repository.js';
import { WebhookEndpointService } from '../webhooks/webhook-endpoint.service.js';
import type { WebhookEndpointRecord } from '../webhooks/webhook.model.js';
import { PartyRepository } from './party.repository.js';
import { PARTY_HUB_APIS, partyEventsOf, type LeadEvent, type PartyHubApi } from './party-hub.js';

/** A listener as TMF answers it; with its signing secret when just registered. */
export interface PartyHub {
  readonly id: string;
  readonly href: string;
  readonly '@type': 'Hub';
  readonly callback: string;
  readonly query: string;
  readonly secret?: string;
}

function hubOf(api: PartyHubApi, endpoint: WebhookEndpointRecord, secret?: string): PartyHub {
  return {
    id: endpoint.id,
    href: `${PARTY_HUB_APIS[api].base}/hub/${endpoint.id}`,
    '@type': 'Hub',
    callback: endpoint.url,
    query: `eventType=${endpoint.eventTypes.join(',')}`,
    ...(secret ? { secret } : {}),
  };
}

/**
 * The partner's listeners of TMF632 and TMF629 events: each is one of its webhook endpoints,
 * naming the events it hears, so that a hub's deliveries are signed (Standard Webhooks),
 * SSRF-checked, retried, dead-lettered and logged like every notification. A hub of one API is
 * not found under the other, nor is another partner's.
 */
@Injectable()
export class PartyHubService {
  constructor(
    private readonly endpoints: WebhookEndpointService,
    private readonly stored: WebhookEndpointRepository,
    private readonly dispatch: WebhookDispatchService,
    private readonly parties: PartyRepository,
  ) {}

  async register(caller: Caller, api: PartyHubApi, body: TmfHubBody): Promise<PartyHub> {
    const partnerId = partnerOf(caller, 'webhooks:manage');
    const { events } = PARTY_HUB_APIS[api];
    const problem = body.query ? hubQueryProblem(body.query, events) : null;
    if (problem) {
      throw DomainError.invalidInput([
        tmfField('query', 'UNKNOWN_QUERY', `query 无效：${problem}。`, `query: ${problem}.`),
      ]);
    }
    const wanted = hubEventsWanted(body.query ?? null, events);
    const created = await this.endpoints.createFor(
      partnerId,
      body.callback,
      `TMF ${api} hub`,
      wanted,
      'callback',
    );
    return hubOf(api, created, created.secret);
  }

  async get(caller: Caller, api: PartyHubApi, id: string): Promise<PartyHub> {
    return hubOf(api, await this.own(caller, api, id));
  }

  async remove(caller: Caller, api: PartyHubApi, id: string): Promise<void> {
    const endpoint = await this.own(caller, api, id);
    await this.stored.deleteOwn(partnerOf(caller, 'webhooks:manage'), endpoint.id);
  }

  /**
   * Queues, in the consumer's transaction, the TMF events a lead's step makes for the lead's
   * partner's hubs that hear them (none registered: nothing is written).
   */
  async fanOut(envelope: EventEnvelope, step: LeadEvent, tx: EntityManager): Promise<void> {
    const { leadId, partnerId } = envelope.payload as { leadId: string; partnerId: string };
    const lead = await this.parties.find(partnerId, leadId, null, tx);
    if (!lead) return;
    for (const { eventType, resource } of partyEventsOf(step, lead)) {
      const event = tmfHubEvent(eventType, envelope, 'partners', resource);
      await this.dispatch.enqueueNamedEvent(partnerId, eventType, event, tx);
    }
  }

  private async own(caller: Caller, api: PartyHubApi, id: string) {
    const partnerId = partnerOf(caller, 'webhooks:manage');
    const endpoint = isUUID(id) ? await this.stored.findOwn(partnerId, id) : null;
    const events: readonly string[] = PARTY_HUB_APIS[api].events;
    const ofApi =
      endpoint !== null &&
      endpoint.eventTypes.length > 0 &&
      endpoint.eventTypes.every((type) => events.includes(type));
    if (!endpoint || !ofApi) throw tmfHubNotFound(id);
    return endpoint;
  }
}
