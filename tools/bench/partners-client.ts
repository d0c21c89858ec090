import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A token is fetched again this long before it runs out (tokens live five minutes). */
const TOKEN_MARGIN_MS = 60_000;

/** A partner's system as the benchmark plays it: registered by an admin, then on its own. */
export class PartnerApi {
  private token = '';
  private tokenUntil = 0;

  private constructor(
    private readonly origin: string,
    readonly partnerId: string,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  /** An admin registers the partner and issues it a client, through the gateway. */
  static async register(origin: string, adminToken: string, code: string): Promise<PartnerApi> {
    const graphql = async <T>(query: string, variables: object): Promise<T> => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as { data?: T; errors?: unknown[] };
      if (!answer.data || answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data;
    };
    const { registerPartner } = await graphql<{ registerPartner: { id: string } }>(
      'mutation R($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }',
      {
        input: {
          code,
          name: `福建${code.slice(-1)}号渠道科技有限公司`,
          type: 'AGENT',
          level: 'CORE',
          regionPrefixes: ['35'],
          industrySections: ['C', 'G', 'I'],
          contractStartsOn: '2025-01-01',
          contractEndsOn: null,
          contacts: [],
        },
      },
    );
    const { issuePartnerClient } = await graphql<{
      issuePartnerClient: { client: { clientId: string }; clientSecret: string };
    }>(
      `
        mutation I($input: IssuePartnerClientInput!) {
          issuePartnerClient(input: $input) {
            client {
              clientId
            }
            clientSecret
          }
        }
      `,
      {
        input: {
          partnerId: registerPartner.id,
          name: '压测系统',
          scopes: ['LEADS_WRITE', 'LEADS_READ', 'WEBHOOKS_MANAGE'],
        },
      },
    );
    return new PartnerApi(
      origin,
      registerPartner.id,
      issuePartnerClient.client.clientId,
      issuePartnerClient.clientSecret,
    );
  }

  private async bearer(): Promise<string> {
    if (Date.now() < this.tokenUntil) return this.token;
    const response = await fetch(`${this.origin}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'leads:write leads:read webhooks:manage',
      }),
    });
    const answer = (await response.json()) as { access_token: string; expires_in: number };
    if (!response.ok) throw new Error(`token: ${response.status} ${JSON.stringify(answer)}`);
    this.token = answer.access_token;
    this.tokenUntil = Date.now() + answer.expires_in * 1000 - TOKEN_MARGIN_MS;
    return this.token;
  }

  private async post(path: string, body: object): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.origin}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.bearer()}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  submitLead(lead: object): Promise<Record<string, unknown>> {
    return this.post('/api/v1/partners/leads', lead);
  }

  registerWebhook(url: string): Promise<Record<string, unknown>> {
    return this.post('/api/v1/partners/webhooks', { url });
  }
}

/**
 * The partners' receivers on one local server: `/ok-…` answers 200 and notes how long after the
 * lead's change (the notification's `occurredAt`) it arrived; `/fail` answers 500.
 */
export class WebhookReceiver {
  private readonly latencies: number[] = [];
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const arrived = Date.now();
        if (req.url?.endsWith('/fail')) {
          res.statusCode = 500;
        } else {
          const sent = JSON.parse(body) as { data: { occurredAt: string } };
          this.latencies.push(arrived - Date.parse(sent.data.occurredAt));
          res.statusCode = 200;
        }
        res.end();
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${path}`;
  }

  latenciesMs(): readonly number[] {
    return this.latencies;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
