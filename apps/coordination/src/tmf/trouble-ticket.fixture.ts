import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_BUSINESS_HOURS } from '@gap/coordination/domain';
import { DataSource } from 'typeorm';
import { JwtVerifier, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { Wiring } from '@gap/testing';
import { DEPARTMENTS, SLA } from '../coordination.module.js';
import { RequestCommandsService } from '../requests/request-commands.service.js';
import { REQUESTS } from '../requests/requests.providers.js';
import { EscalationPlanner } from '../sla/escalation-planner.js';
import { BUSINESS_HOURS } from '../sla/sla-calendar.source.js';
import { RecordingPlanner } from '../testing/requests-harness.js';
import { TmfHubController } from './tmf-hub.controller.js';
import { TmfHubDelivery } from './tmf-hub.delivery.js';
import { TmfHubQueue } from './tmf-hub-queue.repository.js';
import { TmfHubService } from './tmf-hub.service.js';
import { TMF } from './tmf.providers.js';
import { TroubleTicketController } from './trouble-ticket.controller.js';
import { TroubleTicketService } from './trouble-ticket.service.js';

/** Tokens of the test: the bearer value names the caller (the verifier is tested elsewhere). */
class TestVerifier {
  constructor(private readonly callers: ReadonlyMap<string, Caller>) {}

  verifyHeader(header: string | undefined): Promise<Caller> {
    const caller = this.callers.get((header ?? '').replace(/^Bearer /, ''));
    if (!caller)
      return Promise.reject(new DomainError('UNAUTHENTICATED', 'UNAUTHENTICATED', 'No.'));
    return Promise.resolve(caller);
  }
}

/** The TMF621 controllers over HTTP, on the service's own wiring and a real database. */
export async function tmfApp(dataSource: DataSource, callers: ReadonlyMap<string, Caller>) {
  const wiring = new Wiring(
    [...DEPARTMENTS, ...SLA, ...REQUESTS, ...TMF],
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
      [EscalationPlanner, new RecordingPlanner()],
      [BUSINESS_HOURS, DEFAULT_BUSINESS_HOURS],
    ]),
  );
  const tickets = wiring.get(TroubleTicketService);
  const hubs = wiring.get(TmfHubService);
  @Module({
    controllers: [TroubleTicketController, TmfHubController],
    providers: [
      { provide: TroubleTicketService, useValue: tickets },
      { provide: TmfHubService, useValue: hubs },
      { provide: JwtVerifier, useValue: new TestVerifier(callers) },
    ],
  })
  class TmfTestModule {}
  const app: INestApplication = await NestFactory.create(TmfTestModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  const base = `http://127.0.0.1:${address.port}/tmf-api/troubleTicket/v5`;
  const call = async (
    token: string,
    method: string,
    path: string,
    body?: unknown,
    type = 'application/json',
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': type } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : null) as Record<string, unknown> & Record<string, unknown>[],
    };
  };
  const delivery = wiring.get(TmfHubDelivery);
  // The listener of the test runs on this machine.
  delivery.allowPrivateNetworks = true;
  return {
    app,
    base,
    call,
    tickets,
    hubs,
    delivery,
    queue: wiring.get(TmfHubQueue),
    commands: wiring.get(RequestCommandsService),
  };
}

/** A TMF621 create body for a complaint (or support request) about `accountId`. */
export function ticketBody(accountId: string, overrides: Record<string, unknown> = {}) {
  return {
    '@type': 'TroubleTicket',
    name: '专线频繁中断',
    description: '福州软件园 100M 专线本周三次中断，每次约十分钟。',
    severity: 'Major',
    ticketType: 'complaint',
    relatedParty: [
      {
        role: 'customer',
        '@type': 'RelatedPartyRefOrPartyRoleRef',
        partyOrPartyRole: { id: accountId, '@type': 'PartyRef', '@referredType': 'Organization' },
      },
    ],
    note: [{ text: '客户希望尽快回电', '@type': 'Note' }],
    ...overrides,
  };
}
