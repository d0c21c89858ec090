import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTestIssuer, type RunningService, type TestIssuer } from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';
import { Gateway } from './testing/portfolio-book.js';
import { startGatewayOver, startOwnSubgraphs } from './testing/own-subgraphs.js';
import { OPENAPI_FILE } from './authorization/operations.js';

/*
 * Every partner route, as a table, through the gateway with the partners service's own
 * authorization server: each refuses a revoked client (401), an expired token (401) and a
 * token without its scope (403); each that names a resource answers another partner's with
 * 404, never 403. The table must name every partner operation of the OpenAPI document.
 */

type Scope = 'leads:write' | 'leads:read' | 'webhooks:manage' | 'customers:read';
const ALL_SCOPES: readonly Scope[] = [
  'leads:write',
  'leads:read',
  'webhooks:manage',
  'customers:read',
];

/** Another partner's resources, which the caller must not find. */
interface Foreign {
  readonly leadId: string;
  readonly webhookId: string;
  readonly partyHubId: string;
  readonly customerHubId: string;
}

interface Route {
  readonly scope: Scope;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: (foreign: Foreign) => string;
  readonly body?: () => object;
  /** Whether the path names another partner's resource (404 expected). */
  readonly names?: boolean;
}

const P = '/api/v1/partners';
const TMF632 = '/tmf-api/partyManagement/v5';
const TMF629 = '/tmf-api/customerManagement/v5';
const organization = () => ({
  '@type': 'Organization',
  name: '福州安全检查信息技术有限公司',
  organizationIdentification: [{ identificationType: 'USCC', identificationId: freshCreditCode() }],
  partyCharacteristic: [
    { name: 'regionCode', value: '350102' },
    { name: 'industrySection', value: 'I' },
  ],
});
const hub = () => ({ callback: 'https://crm.partner.example.cn/tmf/listener' });

const ROUTES: Readonly<Record<string, Route>> = {
  submitPartnerLead: {
    scope: 'leads:write',
    method: 'POST',
    path: () => `${P}/leads`,
    body: () => ({
      kind: 'LEAD',
      creditCode: freshCreditCode(),
      companyName: '福州安全检查科技有限公司',
      regionCode: '350102',
      industrySection: 'I',
    }),
  },
  listPartnerLeads: { scope: 'leads:read', method: 'GET', path: () => `${P}/leads` },
  getPartnerLead: {
    scope: 'leads:read',
    method: 'GET',
    path: (f) => `${P}/leads/${f.leadId}`,
    names: true,
  },
  registerPartnerDeal: {
    scope: 'leads:write',
    method: 'POST',
    path: () => `${P}/deals`,
    body: () => ({ creditCode: freshCreditCode() }),
  },
  listPartnerDeals: { scope: 'leads:read', method: 'GET', path: () => `${P}/deals` },
  createPartnerWebhook: {
    scope: 'webhooks:manage',
    method: 'POST',
    path: () => `${P}/webhooks`,
    body: () => ({ url: 'https://crm.partner.example.cn/hooks' }),
  },
  listPartnerWebhooks: { scope: 'webhooks:manage', method: 'GET', path: () => `${P}/webhooks` },
  deletePartnerWebhook: {
    scope: 'webhooks:manage',
    method: 'DELETE',
    path: (f) => `${P}/webhooks/${f.webhookId}`,
    names: true,
  },
  listPartnerWebhookDeliveries: {
    scope: 'webhooks:manage',
    method: 'GET',
    path: (f) => `${P}/webhooks/${f.webhookId}/deliveries`,
    names: true,
  },
  replayPartnerWebhookDelivery: {
    scope: 'webhooks:manage',
    method: 'POST',
    path: (f) => `${P}/webhooks/${f.webhookId}/deliveries/msg_0001/replay`,
    names: true,
  },
  rotatePartnerWebhookSecret: {
    scope: 'webhooks:manage',
    method: 'POST',
    path: (f) => `${P}/webhooks/${f.webhookId}/rotate-secret`,
    names: true,
  },
  listOrganization: {
    scope: 'customers:read',
    method: 'GET',
    path: () => `${TMF632}/organization`,
  },
  retrieveOrganization: {
    scope: 'customers:read',
    method: 'GET',
    path: (f) => `${TMF632}/organization/${f.leadId}`,
    names: true,
  },
  createOrganization: {
    scope: 'leads:write',
    method: 'POST',
    path: () => `${TMF632}/organization`,
    body: organization,
  },
  patchOrganization: {
    scope: 'leads:write',
    method: 'PATCH',
    path: (f) => `${TMF632}/organization/${f.leadId}`,
    body: () => ({ partyCharacteristic: [{ name: 'contactName', value: '林女士' }] }),
    names: true,
  },
  deleteOrganization: {
    scope: 'leads:write',
    method: 'DELETE',
    path: (f) => `${TMF632}/organization/${f.leadId}`,
    names: true,
  },
  listCustomer: { scope: 'customers:read', method: 'GET', path: () => `${TMF629}/customer` },
  retrieveCustomer: {
    scope: 'customers:read',
    method: 'GET',
    path: (f) => `${TMF629}/customer/${f.leadId}`,
    names: true,
  },
  createPartyHub: {
    scope: 'webhooks:manage',
    method: 'POST',
    path: () => `${TMF632}/hub`,
    body: hub,
  },
  retrievePartyHub: {
    scope: 'webhooks:manage',
    method: 'GET',
    path: (f) => `${TMF632}/hub/${f.partyHubId}`,
    names: true,
  },
  deletePartyHub: {
    scope: 'webhooks:manage',
    method: 'DELETE',
    path: (f) => `${TMF632}/hub/${f.partyHubId}`,
    names: true,
  },
  createCustomerHub: {
    scope: 'webhooks:manage',
    method: 'POST',
    path: () => `${TMF629}/hub`,
    body: hub,
  },
  retrieveCustomerHub: {
    scope: 'webhooks:manage',
    method: 'GET',
    path: (f) => `${TMF629}/hub/${f.customerHubId}`,
    names: true,
  },
  deleteCustomerHub: {
    scope: 'webhooks:manage',
    method: 'DELETE',
    path: (f) => `${TMF629}/hub/${f.customerHubId}`,
    names: true,
  },
};

/** The partner operations of the gateway's OpenAPI document. */
function partnerOperations(): string[] {
  const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  return Object.entries(document.paths)
    .filter(([path]) =>
      /^\/api\/v1\/partners\/|^\/tmf-api\/(partyManagement|customerManagement)\//.test(path),
    )
    .flatMap(([, operations]) => Object.values(operations).map((o) => o.operationId))
    .sort();
}

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
}

describe('every partner route, refused as it must be', () => {
  const running: RunningService[] = [];
  let issuer: TestIssuer;
  let origin: string;
  let gateway: Gateway;
  let admin: string;
  let foreign: Foreign;
  const tokens = {} as { all: string; revoked: string; expiring: string; expiresAt: number };
  const scoped = {} as Record<Scope, string>;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    admin = await issuer.token(['ADMIN'], 'A8100');
    const own = await startOwnSubgraphs('pasec', issuer.jwksFile, running, {
      partnerTokens: 'service',
      // Tokens live the shortest time allowed, so that one expires within the suite.
      partnersEnv: { PARTNERS_TOKEN_TTL_SECONDS: '30' },
    });
    origin = (await startGatewayOver(own, issuer.jwksFile, running)).baseUrl;
    gateway = new Gateway(`${origin}/graphql`);

    const mine = await partner('AG-SEC-A');
    const theirs = await partner('AG-SEC-B');
    tokens.expiring = await tokenOf(await client(mine, ALL_SCOPES));
    tokens.expiresAt = expiryOf(tokens.expiring);
    tokens.all = await tokenOf(await client(mine, ALL_SCOPES));
    for (const scope of ALL_SCOPES) {
      scoped[scope] = await tokenOf(
        await client(
          mine,
          ALL_SCOPES.filter((s) => s !== scope),
        ),
      );
    }
    const revoked = await client(mine, ALL_SCOPES);
    tokens.revoked = await tokenOf(revoked);
    await gateway.call(
      'mutation R($clientId: String!) { revokePartnerClient(clientId: $clientId) { clientId } }',
      { clientId: revoked.clientId },
      admin,
    );

    const other = await tokenOf(await client(theirs, ALL_SCOPES));
    const created = async (route: Route) => {
      const answer = await call(other, route.method, route.path({} as Foreign), route.body?.());
      expect(answer.status).toBe(201);
      return String(answer.body['id']);
    };
    foreign = {
      leadId: await created(ROUTES['submitPartnerLead']),
      webhookId: await created(ROUTES['createPartnerWebhook']),
      partyHubId: await created(ROUTES['createPartyHub']),
      customerHubId: await created(ROUTES['createCustomerHub']),
    };
  }, 600_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  async function partner(code: string): Promise<string> {
    const { registerPartner } = await gateway.call<{ registerPartner: { id: string } }>(
      'mutation R($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }',
      {
        input: {
          code: `${code}-${randomUUID().slice(0, 4).toUpperCase()}`,
          name: '福州安全检查渠道有限公司',
          type: 'AGENT',
          level: 'CORE',
          regionPrefixes: ['3501'],
          industrySections: ['I'],
          contractStartsOn: '2025-07-01',
          contractEndsOn: null,
          contacts: [],
        },
      },
      admin,
    );
    return registerPartner.id;
  }

  async function client(partnerId: string, scopes: readonly Scope[]) {
    const { issuePartnerClient } = await gateway.call<{
      issuePartnerClient: { client: { clientId: string }; clientSecret: string };
    }>(
      `mutation I($input: IssuePartnerClientInput!) {
         issuePartnerClient(input: $input) { client { clientId } clientSecret } }`,
      {
        input: {
          partnerId,
          name: 'CRM',
          scopes: scopes.map((s) => s.replace(':', '_').toUpperCase()),
        },
      },
      admin,
    );
    return {
      clientId: issuePartnerClient.client.clientId,
      clientSecret: issuePartnerClient.clientSecret,
      scopes,
    };
  }

  async function tokenOf(c: { clientId: string; clientSecret: string; scopes: readonly Scope[] }) {
    const response = await fetch(`${origin}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: c.scopes.join(' '),
      }).toString(),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new Error(`no token: ${JSON.stringify(answer)}`);
    return String(answer['access_token']);
  }

  function expiryOf(token: string): number {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
    };
    return payload.exp * 1000;
  }

  async function call(token: string, method: string, path: string, body?: object) {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json, application/problem+json',
        'idempotency-key': randomUUID(),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    return { status: response.status, body: parsed };
  }

  const answer = async (token: string, route: Route): Promise<Answer> => {
    const { status, body } = await call(token, route.method, route.path(foreign), route.body?.());
    return { status, code: body['code'] as string | undefined };
  };

  it('names every partner operation of the OpenAPI document', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(partnerOperations());
  });

  const rows = Object.entries(ROUTES);

  it.each(rows)('%s: refuses a revoked client with 401', async (_name, route) => {
    expect(await answer(tokens.revoked, route)).toEqual({
      status: 401,
      code: 'PARTNER_CLIENT_REVOKED',
    });
  });

  it.each(rows)('%s: refuses a token without its scope with 403', async (_name, route) => {
    expect(await answer(scoped[route.scope], route)).toEqual({
      status: 403,
      code: 'PARTNER_SCOPE_MISSING',
    });
  });

  it.each(rows.filter(([, route]) => route.names))(
    '%s: answers another partner’s resource with 404',
    async (_name, route) => {
      const { status } = await answer(tokens.all, route);
      expect(status).toBe(404);
    },
  );

  it.each(rows)(
    '%s: refuses an expired token with 401',
    async (_name, route) => {
      // The verifier allows 5 s of clock skew past the expiry.
      const wait = tokens.expiresAt + 6_000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      expect(await answer(tokens.expiring, route)).toEqual({
        status: 401,
        code: 'TOKEN_EXPIRED',
      });
    },
    60_000,
  );
});
