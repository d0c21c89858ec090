import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createTestIssuer, eventually, type RunningService, type TestIssuer } from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';
import { Gateway } from './testing/portfolio-book.js';
import { startGatewayOver, startOwnSubgraphs } from './testing/own-subgraphs.js';
import { registerSalesTeam } from './testing/sales-team.js';

/*
 * Issue 18's flow end to end: the services on Kafka behind the gateway, partners' tokens from
 * the partners service's own authorization server. A partner's system gets a token with its
 * client credentials, registers a webhook endpoint and submits a lead for a company the book
 * does not know. The accounts service opens it as a PROSPECT account, the managers service
 * gives it a manager, and the lead follows to that manager, who records the first contact and
 * converts it. The partner's receiver gets every step as a signed webhook, verified with the
 * Standard Webhooks reference library. A second lead for the same company, written with
 * another legal form and brackets of another width, is found as the same company.
 */

const PEOPLE = { admin: 'A8000', supervisor: 'S8000', manager: 'E8001' } as const;

interface Received {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** The partner's webhook receiver: records what it gets, answers 200. */
async function receiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hooks`, received };
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

describe("a partner's lead from token to conversion through the gateway, over Kafka", () => {
  const running: RunningService[] = [];
  let issuer: TestIssuer;
  let gateway: Gateway;
  let origin: string;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  const tokens = {} as Record<keyof typeof PEOPLE, string>;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    tokens.admin = await issuer.token(['ADMIN'], PEOPLE.admin);
    tokens.supervisor = await issuer.token(['SUPERVISOR'], PEOPLE.supervisor);
    tokens.manager = await issuer.token(['ACCOUNT_MANAGER'], PEOPLE.manager);
    hooks = await receiver();
    const own = await startOwnSubgraphs('pae2e', issuer.jwksFile, running, {
      partnerTokens: 'service',
    });
    const service = await startGatewayOver(own, issuer.jwksFile, running);
    origin = service.baseUrl;
    gateway = new Gateway(`${origin}/graphql`);
    await registerSalesTeam(
      gateway,
      tokens.admin,
      { id: PEOPLE.supervisor, grade: 'KEY_ACCOUNT', regions: ['350000'], capacity: 0 },
      [{ id: PEOPLE.manager, grade: 'STANDARD', regions: ['350100'], capacity: 1000 }],
    );
  }, 420_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    hooks?.server.close();
  });

  async function rest(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: object,
    idempotencyKey: string = randomUUID(),
  ): Promise<Answer> {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json', 'idempotency-key': idempotencyKey } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The admin registers the partner and issues its system a client: the secret shown once. */
  async function partnerClient(): Promise<{ clientId: string; clientSecret: string }> {
    const { registerPartner } = await gateway.call<{ registerPartner: { id: string } }>(
      'mutation R($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }',
      {
        input: {
          code: `AG-FZ-${randomUUID().slice(0, 6).toUpperCase()}`,
          name: '福州闽信通信工程有限公司',
          type: 'AGENT',
          level: 'CORE',
          regionPrefixes: ['3501'],
          industrySections: ['C', 'I'],
          contractStartsOn: '2025-07-01',
          contractEndsOn: null,
          contacts: [
            {
              name: '林秀英',
              title: '客户经理',
              mobile: '139 0591 2002',
              email: 'lin@minxin.example.cn',
            },
          ],
        },
      },
      tokens.admin,
    );
    const { issuePartnerClient } = await gateway.call<{
      issuePartnerClient: { client: { clientId: string }; clientSecret: string };
    }>(
      `mutation I($input: IssuePartnerClientInput!) {
         issuePartnerClient(input: $input) { client { clientId } clientSecret } }`,
      {
        input: {
          partnerId: registerPartner.id,
          name: '渠道订单系统',
          scopes: ['LEADS_WRITE', 'LEADS_READ', 'WEBHOOKS_MANAGE', 'CUSTOMERS_READ'],
        },
      },
      tokens.admin,
    );
    return {
      clientId: issuePartnerClient.client.clientId,
      clientSecret: issuePartnerClient.clientSecret,
    };
  }

  /** Client credentials (RFC 6749 §4.4) at the gateway's `/oauth/token`, without a bearer. */
  async function partnerToken(clientId: string, clientSecret: string): Promise<string> {
    const response = await fetch(`${origin}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'leads:write leads:read webhooks:manage customers:read',
      }).toString(),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(answer).toMatchObject({ token_type: 'Bearer' });
    return String(answer['access_token']);
  }

  it('opens a PROSPECT, routes the lead to its manager, tells the partner every step signed, and knows the company again', async () => {
    const { clientId, clientSecret } = await partnerClient();
    const token = await partnerToken(clientId, clientSecret);

    const endpoint = await rest('POST', '/api/v1/partners/webhooks', token, { url: hooks.url });
    expect(endpoint.status).toBe(201);
    const secret = String(endpoint.body['secret']);
    expect(secret).toMatch(/^whsec_/);
    // A TMF629 listener on the same receiver: the customer's events, signed with its own secret.
    const hub = await rest('POST', '/tmf-api/customerManagement/v5/hub', token, {
      callback: `${hooks.url}/tmf629`,
    });
    expect(hub.status).toBe(201);
    const hubSecret = String(hub.body['secret']);
    const verified = (path: string, key: string) =>
      hooks.received
        .filter((got) => got.url === path)
        .map((got) =>
          new Webhook(key).verify(got.body, {
            'webhook-id': String(got.headers['webhook-id']),
            'webhook-timestamp': String(got.headers['webhook-timestamp']),
            'webhook-signature': String(got.headers['webhook-signature']),
          }),
        );

    const creditCode = freshCreditCode();
    const brand = `星辰${randomUUID()
      .replace(/[^0-9]/g, '')
      .slice(0, 4)}数据科技`;
    const lead = {
      kind: 'LEAD',
      creditCode,
      companyName: `${brand}（福州）有限公司`,
      regionCode: '350102',
      industrySection: 'I',
      priority: 'P1',
    };
    const key = randomUUID();
    const submitted = await rest('POST', '/api/v1/partners/leads', token, lead, key);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ state: 'QUALIFIED', creditCode });
    const leadId = String(submitted.body['id']);
    // The same key and body replay the first answer; nothing is submitted twice.
    const replayed = await rest('POST', '/api/v1/partners/leads', token, lead, key);
    expect(replayed).toEqual(submitted);

    // Accounts opens the PROSPECT from LeadQualified; managers places it; the lead follows.
    const assigned = await eventually(
      async () => {
        const { body } = await rest('GET', `/api/v1/partners/leads/${leadId}`, token);
        return body['state'] === 'ASSIGNED' && body;
      },
      120_000,
      'the lead to be assigned to the prospect’s manager',
    );
    expect(assigned).not.toHaveProperty('managerId');
    const { lead: staffView } = await gateway.call<{
      lead: { managerId: string; groupAccountId: string; version: number };
    }>(
      'query L($id: ID!) { lead(id: $id) { managerId groupAccountId version } }',
      { id: leadId },
      tokens.manager,
    );
    expect(staffView.managerId).toBe(PEOPLE.manager);
    const { groupAccount } = await gateway.call<{
      groupAccount: { status: string; creditCode: string; type: string };
    }>(
      'query A($id: ID!) { groupAccount(id: $id) { status creditCode type } }',
      { id: staffView.groupAccountId },
      tokens.manager,
    );
    expect(groupAccount).toEqual({ status: 'PROSPECT', creditCode, type: 'ENTERPRISE' });

    const { recordLeadContact } = await gateway.call<{ recordLeadContact: { version: number } }>(
      'mutation C($input: RecordLeadContactInput!) { recordLeadContact(input: $input) { state version } }',
      { input: { leadId, version: staffView.version } },
      tokens.manager,
    );
    await gateway.call(
      'mutation V($input: ConvertLeadInput!) { convertLead(input: $input) { state } }',
      { input: { leadId, version: recordLeadContact.version } },
      tokens.manager,
    );

    const told = await eventually(
      () => {
        const events = verified('/hooks', secret) as {
          type: string;
          data: Record<string, unknown>;
        }[];
        return events.some((e) => e.type === 'lead.converted') && events;
      },
      60_000,
      'the partner to be told of the conversion',
    );
    const ofLead = told.filter((e) => e.data['leadId'] === leadId);
    expect(ofLead.map((e) => e.type).sort()).toEqual(
      [
        'lead.assigned',
        'lead.contacted',
        'lead.converted',
        'lead.qualified',
        'lead.received',
      ].sort(),
    );
    // Partners are told of states, never of the manager or the account.
    const bodies = hooks.received.map((got) => got.body).join('\n');
    expect(bodies).not.toContain(PEOPLE.manager);
    expect(bodies).not.toContain(staffView.groupAccountId);

    // TMF629: the converted lead is the partner's customer, told to its listener as it went.
    const customers = await rest(
      'GET',
      `/tmf-api/customerManagement/v5/customer?fields=status,engagedParty`,
      token,
    );
    expect(customers.body).toEqual([
      expect.objectContaining({ id: leadId, '@type': 'Customer', status: 'approved' }),
    ]);
    const tmf = await eventually(
      () => {
        const events = verified('/hooks/tmf629', hubSecret) as {
          eventType: string;
          event: { customer: Record<string, unknown> };
        }[];
        return events.some((e) => e.eventType === 'CustomerStateChangeEvent') && events;
      },
      60_000,
      'the TMF629 listener to hear of the conversion',
    );
    expect(tmf.map((e) => e.eventType).sort()).toEqual(
      [
        'CustomerAttributeValueChangeEvent',
        'CustomerCreateEvent',
        'CustomerStateChangeEvent',
      ].sort(),
    );
    const changed = tmf.find((e) => e.eventType === 'CustomerStateChangeEvent');
    expect(changed?.event.customer).toMatchObject({ id: leadId, status: 'approved' });

    // The same company under another legal form, its city in half-width brackets, no code.
    const again = await rest('POST', '/api/v1/partners/leads', token, {
      kind: 'LEAD',
      companyName: `福建省${brand}(福州)股份有限公司`,
      regionCode: '350102',
      industrySection: 'I',
    });
    expect(again.status).toBe(201);
    const { lead: second } = await gateway.call<{
      lead: { dedupeOutcome: string; candidates: { kind: string; id: string }[] };
    }>(
      'query L($id: ID!) { lead(id: $id) { dedupeOutcome candidates { kind id } } }',
      { id: String(again.body['id']) },
      tokens.admin,
    );
    expect(second.dedupeOutcome).toBe('MATCH');
    expect(second.candidates[0]).toEqual({ kind: 'ACCOUNT', id: staffView.groupAccountId });
  }, 300_000);
});
