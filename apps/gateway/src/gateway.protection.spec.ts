import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import {
  createTestIssuer,
  freePort,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from '@gap/testing';
import { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

interface Answer {
  status: number;
  contentType: string;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/**
 * Stands in for every subgraph: counts the operations it is sent and answers each with what
 * `reply` says (by default an empty page of accounts).
 */
class CountingSubgraph {
  received = 0;
  reply: (query: string) => unknown = () => ({ data: { groupAccounts: { edges: [] } } });
  private readonly server: Server;

  constructor() {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.method !== 'POST') {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"up"}');
          return;
        }
        this.received += 1;
        const { query } = JSON.parse(body) as { query: string };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.reply(query)));
      });
    });
  }

  async listen(): Promise<string> {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}/graphql`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on: connections to it are refused. */
async function deadUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/graphql`;
}

describe('the gateway', () => {
  let issuer: TestIssuer;
  let token: string;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    issuer = await createTestIssuer();
    token = await issuer.token(['ADMIN'], 'A1');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  async function startGateway(env: Record<string, string>): Promise<string> {
    const port = await freePort();
    const config = loadConfig(GatewayConfig, {
      LOG_LEVEL: 'silent',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
      PORT: String(port),
      ...env,
    });
    apps.push(await startServiceApp(GatewayModule.forRoot(config), { host: '127.0.0.1', port }));
    return `http://127.0.0.1:${port}/graphql`;
  }

  async function post(
    url: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Answer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: (await response.json()) as Answer['body'],
    };
  }

  const ACCOUNT_PAGE = '{ groupAccounts(first: 1) { edges { node { id } } } }';

  describe('refusing abusive documents before any subgraph is called', () => {
    const subgraph = new CountingSubgraph();
    let gateway: string;

    beforeAll(async () => {
      const url = await subgraph.listen();
      gateway = await startGateway({ ACCOUNTS_URL: url, TIERING_URL: url, MANAGERS_URL: url });
    });

    afterAll(() => subgraph.close());

    async function refused(query: string): Promise<Answer> {
      const before = subgraph.received;
      const answer = await post(gateway, query);
      expect(subgraph.received).toBe(before);
      expect(answer.body.data).toBeUndefined();
      return answer;
    }

    it('passes a query within every limit on to the subgraph', async () => {
      const before = subgraph.received;
      const answer = await post(gateway, ACCOUNT_PAGE);
      expect(answer.body).toEqual({ data: { groupAccounts: { edges: [] } } });
      expect(subgraph.received).toBe(before + 1);
    });

    it('refuses a query with 1,000 aliases', async () => {
      const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
      const { status, body } = await refused(`{ groupAccounts(first: 1) { ${aliases} } }`);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.['code']).toBe('MAX_ALIASES_EXCEEDED');
      expect(body.errors?.[0]?.message).toMatch(/aliases/);
    });

    it('refuses a 2 MB document with a coded GraphQL error, not an HTML page', async () => {
      const padding = '#'.repeat(2 * 1024 * 1024);
      const { status, contentType, body } = await refused(`${padding}\n${ACCOUNT_PAGE}`);
      expect(status).toBe(413);
      expect(contentType).toMatch(/json/);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'DOCUMENT_TOO_LARGE',
        limit: 100_000,
      });
    });

    it('refuses a query whose lists could return more than the cost limit allows', async () => {
      // 100 accounts × 100 contacts × 20 key dates: 200,000 values, far over 20,000.
      const { body } = await refused(
        '{ groupAccounts(first: 100) { edges { node { contacts { keyDates { date } } } } } }',
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
      expect(body.errors?.[0]?.extensions?.['cost']).toBeGreaterThan(200_000);
    });

    it('refuses a document with more tokens than allowed', async () => {
      const fields = Array.from({ length: 5100 }, () => 'id').join(' ');
      const { body } = await refused(
        `{ groupAccounts(first: 1) { edges { node { ${fields} } } } }`,
      );
      expect(body.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_TOKENS');
    });

    it('refuses a query nested deeper than allowed', async () => {
      const { body } = await refused(
        '{ groupAccounts(first: 1) { edges { node { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } }',
      );
      expect(body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_DEEP');
    });

    it('refuses a query with more directives than allowed', async () => {
      const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
      const { body } = await refused(
        `{ groupAccounts(first: 1) ${directives} { edges { cursor } } }`,
      );
      expect(body.errors?.[0]?.extensions?.['code']).toBe('MAX_DIRECTIVES_EXCEEDED');
    });
  });

  describe('in production and in development', () => {
    const subgraph = new CountingSubgraph();
    let production: string;
    let development: string;

    beforeAll(async () => {
      const url = await subgraph.listen();
      const urls = { ACCOUNTS_URL: url, TIERING_URL: url, MANAGERS_URL: url };
      production = await startGateway({ ...urls, NODE_ENV: 'production' });
      development = await startGateway({ ...urls, NODE_ENV: 'development' });
    });

    afterAll(() => subgraph.close());

    const MISSPELT = '{ groupAcounts(first: 1) { edges { cursor } } }';

    it('suggests field names and shows stack traces in development only', async () => {
      const dev = await post(development, MISSPELT);
      expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean "groupAccounts"/);
      expect(dev.body.errors?.[0]?.extensions?.['stacktrace']).toBeDefined();

      const prod = await post(production, MISSPELT);
      expect(prod.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(prod.body.errors?.[0]?.message).not.toMatch(/Did you mean|groupAccounts/);
      expect(prod.body.errors?.[0]?.extensions?.['stacktrace']).toBeUndefined();
    });

    it('refuses introspection in production and allows it in development', async () => {
      const query = '{ __schema { queryType { name } } }';
      expect((await post(development, query)).body.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
      const prod = await post(production, query);
      expect(prod.body.data).toBeUndefined();
      expect(prod.body.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it("strips a subgraph's stack trace from a production answer", async () => {
      subgraph.reply = () => ({
        data: null,
        errors: [
          {
            message: 'Boom',
            extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: Boom', '  at x'] },
          },
        ],
      });
      const prod = await post(production, ACCOUNT_PAGE);
      expect(prod.body.errors?.[0]?.message).toBe('Boom');
      expect(prod.body.errors?.[0]?.extensions?.['stacktrace']).toBeUndefined();
      expect(prod.body.errors?.[0]?.extensions?.['exception']).toBeUndefined();
    });
  });

  describe('when a subgraph cannot be reached', () => {
    const hanging = createServer(() => undefined);
    const behindProxy = createServer((_req, res) => res.writeHead(503).end('no upstream'));
    let gateway: string;

    async function listen(server: Server): Promise<string> {
      const port = await freePort();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return `http://127.0.0.1:${port}/graphql`;
    }

    beforeAll(async () => {
      gateway = await startGateway({
        ACCOUNTS_URL: await deadUrl(),
        TIERING_URL: await listen(hanging),
        MANAGERS_URL: await listen(behindProxy),
        SUBGRAPH_TIMEOUT_MS: '300',
      });
    });

    afterAll(async () => {
      for (const server of [hanging, behindProxy]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('answers SERVICE_UNAVAILABLE naming the service, with a retry hint', async () => {
      const { body } = await post(gateway, ACCOUNT_PAGE);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        service: 'accounts',
        retryAfterSeconds: 2,
        reason: 'ECONNREFUSED',
      });
      expect(body.errors?.[0]?.message).toMatch(/accounts service is unavailable/);
    });

    it('answers SERVICE_UNAVAILABLE to a creation, never INTERNAL_SERVER_ERROR', async () => {
      const { body } = await post(
        gateway,
        'mutation Create($input: CreateGroupAccountInput!) { createGroupAccount(input: $input) { id } }',
        {
          input: {
            name: '福州测试集团',
            creditCode: '91350100M000100Y43',
            type: 'ENTERPRISE',
            industryCode: 'I',
            regionCode: '350102',
          },
        },
      );
      expect(body.data).toBeNull();
      expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['SERVICE_UNAVAILABLE']);
      expect(body.errors?.[0]?.extensions?.['service']).toBe('accounts');
    });

    it('answers SERVICE_UNAVAILABLE when a subgraph accepts the connection but never answers', async () => {
      const { body } = await post(gateway, '{ tieringRuns(first: 1) { id } }');
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        service: 'tiering',
        reason: 'ETIMEDOUT',
      });
    });

    it('answers SERVICE_UNAVAILABLE when a proxy in front of a subgraph says it is down', async () => {
      const { body } = await post(gateway, '{ accountManagers(first: 1) { id } }');
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        service: 'managers',
        reason: 'HTTP_503',
      });
    });
  });
});
