import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { openOwnTestDatabase } from '@gap/testing';
import { PARTNERS_MIGRATIONS, PARTNERS_SCHEMA } from '../migrations/index.js';
import {
  oauthTestApp,
  partnerWithToken,
  type OAuthTestApp,
} from '../oauth/partner-oauth.fixture.js';
import { leadBody, leadServices, partnerCaller } from '../testing/leads-harness.js';
import { PartnerWebhooksModule } from '../webhooks/partner-webhooks.module.js';
import {
  CustomerManagementHubController,
  PartyManagementHubController,
} from './party-hub.controller.js';
import { PartyHubService } from './party-hub.service.js';
import { PartyRepository } from './party.repository.js';

@Module({
  imports: [PartnerWebhooksModule],
  providers: [PartyHubService, PartyRepository],
  controllers: [PartyManagementHubController, CustomerManagementHubController],
})
class PartyHubsTestModule {}

let dataSource: DataSource;
let api: OAuthTestApp;

beforeAll(async () => {
  dataSource = await openOwnTestDatabase('partners_tmf_hub_api', {
    schema: PARTNERS_SCHEMA,
    entities: [],
    migrations: PARTNERS_MIGRATIONS,
  });
  api = await oauthTestApp(dataSource, {}, { imports: [PartyHubsTestModule] });
});
afterAll(async () => {
  await api?.app.close();
  await dataSource?.destroy();
});

const PARTY = '/tmf-api/partyManagement/v5/hub';
const CUSTOMER = '/tmf-api/customerManagement/v5/hub';

const partner = (scopes = ['webhooks:manage']) => partnerWithToken(api, dataSource, scopes);

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

describe('TMF632 and TMF629 hubs of a partner', () => {
  it('registers a listener with its signing secret, finds it under its API only, and removes it', async () => {
    const { token } = await partner();
    const other = await partner();
    const created = await call(token, 'POST', PARTY, {
      callback: 'https://crm.partner.example.cn/tmf/listener',
      query: 'eventType=OrganizationCreateEvent,OrganizationStateChangeEvent',
    });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    expect(created.body).toMatchObject({
      href: `${PARTY}/${id}`,
      '@type': 'Hub',
      callback: 'https://crm.partner.example.cn/tmf/listener',
      query: 'eventType=OrganizationCreateEvent,OrganizationStateChangeEvent',
    });
    expect(created.body['secret']).toMatch(/^whsec_/);

    const read = await call(token, 'GET', `${PARTY}/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect((await call(token, 'GET', `${CUSTOMER}/${id}`)).status).toBe(404);
    expect((await call(other.token, 'GET', `${PARTY}/${id}`)).status).toBe(404);
    expect((await call(other.token, 'DELETE', `${PARTY}/${id}`)).status).toBe(404);
    expect((await call(token, 'GET', `${PARTY}/not-an-id`)).status).toBe(404);

    const all = await call(token, 'POST', CUSTOMER, {
      callback: 'https://crm.partner.example.cn/tmf/customers',
    });
    expect(all.body['query']).toBe(
      'eventType=CustomerCreateEvent,CustomerAttributeValueChangeEvent,CustomerStateChangeEvent,CustomerDeleteEvent',
    );

    expect((await call(token, 'DELETE', `${PARTY}/${id}`)).status).toBe(204);
    const gone = await call(token, 'GET', `${PARTY}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ '@type': 'Error', code: 'TMF_HUB_NOT_FOUND' });
  });

  it('refuses an unknown event, a plain-http or credentialed callback and a missing scope', async () => {
    const { token } = await partner();
    const unknown = await call(token, 'POST', PARTY, {
      callback: 'https://crm.partner.example.cn/tmf',
      query: 'eventType=CustomerCreateEvent',
    });
    expect(unknown.status).toBe(400);
    expect(String(unknown.body['message'])).toContain('query');
    for (const callback of [
      'http://crm.partner.example.cn/tmf',
      'https://user:pw@crm.example.cn/',
    ]) {
      const refused = await call(token, 'POST', PARTY, { callback });
      expect(refused.status).toBe(400);
      expect(String(refused.body['message'])).toContain('callback');
    }
    expect((await call(token, 'POST', PARTY, {})).status).toBe(400);
    const reader = await partner(['leads:read']);
    const scoped = await call(reader.token, 'POST', PARTY, {
      callback: 'https://crm.partner.example.cn/tmf',
    });
    expect(scoped.status).toBe(403);
    const [row] = await dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM partners.webhook_endpoint WHERE url LIKE $1',
      ['%/tmf'],
    );
    expect(Number(row?.n)).toBe(0);
  });

  it('queues a lead’s TMF events for the hubs naming them, never for an endpoint of every notification', async () => {
    const { partnerId, token } = await partner();
    const hub = await call(token, 'POST', PARTY, {
      callback: 'https://crm.partner.example.cn/tmf/organizations',
      query: 'eventType=OrganizationCreateEvent',
    });
    const [everything] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO partners.webhook_endpoint (id, partner_id, url, description, event_types, secret)
       VALUES (gen_random_uuid(), $1, 'https://crm.partner.example.cn/all', null, '{}', 'whsec_x')
       RETURNING id`,
      [partnerId],
    );
    const services = leadServices(dataSource);
    const lead = await services.intake.submit(
      partnerCaller(partnerId),
      leadBody({ regionCode: '350203' }),
    );
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: 'LeadReceived',
      version: 1,
      occurredAt: lead.receivedAt.toISOString(),
      aggregateId: lead.id,
      correlationId: randomUUID(),
      causationId: null,
      payload: { leadId: lead.id, partnerId } as never,
    };
    const hubs = api.app.get(PartyHubService);
    await dataSource.transaction((tx) => hubs.fanOut(envelope, 'LeadReceived', tx));
    await dataSource.transaction((tx) => hubs.fanOut(envelope, 'LeadQualified', tx));
    const messages = await dataSource.query<
      { endpoint_id: string; event_type: string; body: string }[]
    >('SELECT endpoint_id, event_type, body FROM partners.webhook_message WHERE partner_id = $1', [
      partnerId,
    ]);
    expect(messages.map((m) => [m.endpoint_id, m.event_type])).toEqual([
      [hub.body['id'], 'OrganizationCreateEvent'],
    ]);
    expect(everything).toBeDefined();
    expect(JSON.parse(String(messages[0]?.body))).toMatchObject({
      '@type': 'OrganizationCreateEvent',
      eventType: 'OrganizationCreateEvent',
      timeOccurred: lead.receivedAt.toISOString(),
      event: {
        organization: {
          id: lead.id,
          href: `/tmf-api/partyManagement/v5/organization/${lead.id}`,
          '@type': 'Organization',
          name: lead.companyName,
        },
      },
    });
  });
});
