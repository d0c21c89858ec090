import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { authorize, type Caller } from '@gap/auth';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import type { EventEnvelope } from '@gap/contracts';
import { DomainError } from '@gap/errors';
import {
  hubEventsWanted,
  hubQueryProblem,
  tmfField,
  tmfHubEvent,
  tmfHubNotFound,
  uuidOf,
  type TmfHubBody,
} from '@gap/rest';
import { TmfHubQueue } from './tmf-hub-queue.repository.js';
import { HUB_EVENT_TYPES, type HubEventType } from './tmf-hub.events.js';
import { TmfHubRepository, type Hub } from './tmf-hub.repository.js';
import { statusOf, TICKET_REQUEST_TYPES } from './trouble-ticket.mapping.js';
import { TroubleTicketRepository } from './trouble-ticket.repository.js';
import { TMF621_BASE } from './trouble-ticket.resource.js';
import { TroubleTicketService } from './trouble-ticket.service.js';
import type { RequestState } from '@gap/coordination/domain';

export function hubResource(hub: Hub) {
  return {
    id: hub.id,
    href: `${TMF621_BASE}/hub/${hub.id}`,
    '@type': 'Hub',
    callback: hub.callback,
    query: hub.query,
  };
}

/** The TMF621 event hub: listeners register, and are told of the tickets their owner sees. */
@Injectable()
export class TmfHubService {
  constructor(
    private readonly hubs: TmfHubRepository,
    private readonly tickets: TroubleTicketRepository,
    private readonly service: TroubleTicketService,
    private readonly queue: TmfHubQueue,
  ) {}

  async register(caller: Caller, body: TmfHubBody): Promise<Hub> {
    authorize(COORDINATION_PERMISSIONS, 'rest.createHub', caller);
    const problem = body.query ? hubQueryProblem(body.query, HUB_EVENT_TYPES) : null;
    if (problem) {
      throw DomainError.invalidInput([
        tmfField('query', 'UNKNOWN_QUERY', `query 无效：${problem}。`, `query: ${problem}.`),
      ]);
    }
    const hub: Hub = {
      id: randomUUID(),
      callback: body.callback,
      query: body.query ?? null,
      owner: caller,
    };
    await this.hubs.insert(hub);
    return hub;
  }

  async get(caller: Caller, id: string): Promise<Hub> {
    authorize(COORDINATION_PERMISSIONS, 'rest.hubGet', caller);
    const hub = isUUID(id) ? await this.hubs.ownedBy(id, caller.subject) : null;
    if (!hub) throw tmfHubNotFound(id);
    return hub;
  }

  async remove(caller: Caller, id: string): Promise<void> {
    authorize(COORDINATION_PERMISSIONS, 'rest.hubDelete', caller);
    if (!isUUID(id) || !(await this.hubs.delete(id, caller.subject))) throw tmfHubNotFound(id);
  }

  /**
   * One of the service's own events, read back from its topic: each listener that wants the
   * TMF event and whose owner sees the ticket gets a delivery job, in the consumer's
   * transaction. A status change carries the status the request moved to.
   */
  async fanOut(
    envelope: EventEnvelope,
    eventTypes: readonly HubEventType[],
    manager: EntityManager,
    movedTo?: RequestState,
  ): Promise<void> {
    const requestId = (envelope.payload as { requestId: string }).requestId;
    for (const hub of await this.hubs.all(manager)) {
      const wanted = hubEventsWanted(hub.query, eventTypes);
      if (wanted.length === 0) continue;
      const viewer = await this.service.viewerOf(hub.owner);
      const stored = await this.tickets.byId(viewer, requestId, TICKET_REQUEST_TYPES, manager);
      if (!stored) continue;
      const [ticket] = await this.service.render([stored], new Date());
      if (!ticket) continue;
      if (movedTo) ticket['status'] = statusOf({ state: movedTo, waitingForCustomer: false });
      for (const type of wanted) {
        await this.queue.enqueue(manager, uuidOf(`${envelope.id}|${hub.id}|${type}`), {
          hubId: hub.id,
          event: tmfHubEvent(type, envelope, 'coordination', { troubleTicket: ticket }),
        });
      }
    }
  }
}
