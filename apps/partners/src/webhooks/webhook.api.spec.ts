import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openOwnTestDatabase } from '@gap/testing';
import { PARTNERS_MIGRATIONS, PARTNERS_SCHEMA } from '../migrations/index.js';
import {
  oauthTestApp,
  partnerWithToken,
  type OAuthTestApp,
} from '../oauth/partner-oauth.fixture.js';
import { PartnerWebhooksModule } from './partner-webhooks.module.js';

let dataSource: DataSource;
let api: OAuthTestApp;

beforeAll(async () => {
  dataSource = await openOwnTestDatabase('partners_pedge_webhook_api', {
    schema: PARTNERS_SCHEMA,
    entities: [],
    migrations: PARTNERS_MIGRATIONS,
  });
  api = await oauthTestApp(dataSource, {}, { imports: [PartnerWebhooksModule] });
});
afterAll(async () => {
  await api?.app.close();
  await dataSource?.destroy();
});

async function partnerToken(scopes = ['webhooks:manage']): Promise<string> {
  return (await partnerWithToken(api, dataSource, scopes)).token;
}

async function call(token: string, method: string, path = '', body?: unknown, key?: string) {
  const res = await fetch(`${api.base}/api/v1/partners/webhooks${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown> | Record<string, unknown>[],
  };
}

describe('/api/v1/partners/webhooks', () => {
  it('lets a partner manage its own endpoints and hides them from any other', async () => {
    const mine = await partnerToken();
    const theirs = await partnerToken();
    const key = randomUUID();
    const body = { url: 'https://crm.example.com/hooks', eventTypes: ['lead.converted'] };
    const created = await call(mine, 'POST', '', body, key);
    expect(created.status).toBe(201);
    const endpoint = created.body as Record<string, unknown>;
    expect(endpoint).toMatchObject({ url: body.url, eventTypes: ['lead.converted'] });
    expect(endpoint['secret']).toMatch(/^whsec_/);
    const replayed = await call(mine, 'POST', '', body, key);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(created.body);

    const listed = await call(mine, 'GET');
    expect(listed.body).toEqual([expect.objectContaining({ id: endpoint['id'] })]);
    expect((listed.body as Record<string, unknown>[])[0]).not.toHaveProperty('secret');
    expect((await call(theirs, 'GET')).body).toEqual([]);

    const id = String(endpoint['id']);
    expect((await call(theirs, 'GET', `/${id}/deliveries`)).status).toBe(404);
    expect((await call(theirs, 'DELETE', `/${id}`)).status).toBe(404);
    expect((await call(mine, 'GET', `/${id}/deliveries`)).body).toEqual([]);
    expect((await call(mine, 'DELETE', `/${id}`)).status).toBe(204);
    expect((await call(mine, 'GET', `/${id}/deliveries`)).status).toBe(404);
  });

  it('refuses internal or plain-http addresses and unknown event types, naming the field', async () => {
    const token = await partnerToken();
    const plain = await call(token, 'POST', '', { url: 'http://10.0.0.1/hooks' });
    expect(plain.status).toBe(400);
    expect(plain.body).toMatchObject({
      errors: [{ field: 'url', code: 'WEBHOOK_URL_HTTPS_REQUIRED' }],
    });
    const unknown = await call(token, 'POST', '', {
      url: 'https://crm.example.com/hooks',
      eventTypes: ['lead.teleported'],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('eventTypes');
  });

  it('needs the webhooks:manage scope', async () => {
    const token = await partnerToken(['leads:read']);
    const refused = await call(token, 'GET');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'PARTNER_SCOPE_MISSING' });
  });
});
