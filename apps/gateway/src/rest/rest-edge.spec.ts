import 'reflect-metadata';
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
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
import { GatewayConfig } from '../gateway.config.js';
import { GatewayModule } from '../gateway.module.js';
import { RestRoutes } from './rest-routes.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const CSV_ROWS = 100_000;

/**
 * Stands in for the accounts service's HTTP port: records what reaches it, and streams a
 * 100,000-row CSV at `/api/v1/accounts/export.csv`, holding the last row back until told to.
 */
class StubService {
  readonly received: Received[] = [];
  private releaseLastRow: () => void = () => undefined;
  private readonly server: Server;

  constructor() {
    this.server = createServer((req: IncomingMessage, res) => {
      if (req.url?.startsWith('/api/v1/accounts/export.csv')) {
        res.writeHead(200, { 'content-type': 'text/csv' });
        const rows: string[] = [];
        for (let row = 1; row < CSV_ROWS; row++) rows.push(`${row},account ${row}\n`);
        res.write(rows.join(''));
        this.releaseLastRow = () => res.end(`${CSV_ROWS},account ${CSV_ROWS}\n`);
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
  }

  finishExport(): void {
    this.releaseLastRow();
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

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

describe('the REST edge of the gateway', () => {
  let issuer: TestIssuer;
  let token: string;
  const service = new StubService();
  const apps: INestApplication[] = [];
  let gateway: string;

  async function startGateway(accountsUrl: string): Promise<string> {
    const port = await freePort();
    const config = loadConfig(GatewayConfig, {
      LOG_LEVEL: 'silent',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
      PORT: String(port),
      ACCOUNTS_URL: accountsUrl,
      REST_BODY_LIMIT_BYTES: '2048',
    });
    apps.push(await startServiceApp(GatewayModule.forRoot(config), { host: '127.0.0.1', port }));
    return `http://127.0.0.1:${port}`;
  }

  beforeAll(async () => {
    issuer = await createTestIssuer();
    token = await issuer.token(['ACCOUNT_MANAGER'], 'E5001');
    gateway = await startGateway(await service.listen());
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await service.close();
  });

  async function call(path: string, init: RequestInit = {}, base = gateway): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it('hands the request to the owning service with the caller’s token and correlation id', async () => {
    const before = service.received.length;
    const answer = await call('/api/v1/accounts/123?first=5', {
      headers: { 'x-correlation-id': 'rest-edge-spec-1' },
    });
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    const [received] = service.received.slice(before);
    expect(received).toMatchObject({ method: 'GET', url: '/api/v1/accounts/123?first=5' });
    expect(received?.headers.authorization).toBe(`Bearer ${token}`);
    expect(received?.headers['x-correlation-id']).toBe('rest-edge-spec-1');
  });

  it('forwards a JSON body the gateway has already read, unchanged', async () => {
    const before = service.received.length;
    const payload = { name: '厦门鹭岛物流集团有限公司', tags: ['上市公司'] };
    const answer = await call('/api/v1/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(service.received[before]?.body ?? 'null')).toEqual(payload);
  });

  it('refuses a call without a token with a 401 problem, before the service sees it', async () => {
    const before = service.received.length;
    const response = await fetch(`${gateway}/api/v1/accounts`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      category: 'UNAUTHENTICATED',
      instance: '/api/v1/accounts',
    });
    expect(service.received.length).toBe(before);
  });

  it('refuses an expired token with its code', async () => {
    const expired = await issuer.token(['ADMIN'], 'A1', { expiresInSeconds: -60 });
    const answer = await call('/api/v1/accounts', {
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(answer).toMatchObject({ status: 401, body: { code: 'TOKEN_EXPIRED' } });
  });

  it('answers an area no service owns with a 404 problem', async () => {
    const path = '/api/v1/care/1';
    const answer = await call(path);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'NOT_FOUND', instance: path });
  });

  it('answers a TM Forum API no service owns with a 404 TMF Error', async () => {
    const answer = await call('/tmf-api/productInventory/v5/product');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404' });
  });

  it('refuses a TM Forum call without a token with a 401 TMF Error, or a problem if asked', async () => {
    const path = '/tmf-api/troubleTicket/v5/troubleTicket';
    const tmf = await fetch(`${gateway}${path}`);
    expect(tmf.status).toBe(401);
    expect(tmf.headers.get('www-authenticate')).toBe('Bearer');
    expect(await tmf.json()).toMatchObject({
      '@type': 'Error',
      code: 'UNAUTHENTICATED',
      reason: 'Authentication is required',
      status: '401',
    });
    const asked = await fetch(`${gateway}${path}`, {
      headers: { accept: 'application/problem+json' },
    });
    expect(asked.headers.get('content-type')).toBe('application/problem+json');
    expect(await asked.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const answer = await call('/api/v1/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'BAD_REQUEST', category: 'BAD_USER_INPUT' });
  });

  it('answers a REST version the gateway does not serve with a 404 problem', async () => {
    const answer = await call('/api/v2/accounts');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a body over the limit with a 413 problem, before the service sees it', async () => {
    const before = service.received.length;
    const answer = await call('/api/v1/accounts', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'x'.repeat(4096),
    });
    expect(answer).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(service.received.length).toBe(before);
  });

  it('cuts a streamed body of unannounced length at the limit', async () => {
    const url = new URL(`${gateway}/api/v1/accounts`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // Chunked: no content-length is announced.
      for (let chunk = 0; chunk < 8; chunk++) req.write('y'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('streams a large answer through without holding it back', async () => {
    const response = await fetch(`${gateway}/api/v1/accounts/export.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader() as
      ReadableStreamDefaultReader<Uint8Array> | undefined;
    if (!reader) throw new Error('no body');
    // The service still holds its last row back: the rows before it must already be here.
    let text = '';
    while (!text.includes(`${CSV_ROWS - 1},account`)) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the answer ended early');
      text += Buffer.from(value).toString();
    }
    expect(text).not.toContain(`${CSV_ROWS},account`);
    service.finishExport();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    expect(text.trim().split('\n')).toHaveLength(CSV_ROWS);
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After when the service cannot be reached', async () => {
    const down = await startGateway(`http://127.0.0.1:${await freePort()}/graphql`);
    const answer = await call('/api/v1/accounts/1', {}, down);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      service: 'accounts',
      retryAfterSeconds: 2,
    });
  });

  it('serves the merged OpenAPI document and Swagger UI on it', async () => {
    const document = await call('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys(document.body['paths'] as object)).toContain('/api/v1/accounts/{id}');
    const page = await fetch(`${gateway}/api/docs`);
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    const bundle = await fetch(`${gateway}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${gateway}/api/docs/constructor`)).status).toBe(404);
  });
});

describe('the REST routing table', () => {
  const routes = new RestRoutes(
    { accounts: 'http://accounts.internal:4001/graphql', partners: 'http://p:4009/x/graphql' },
    { accounts: 'accounts' },
    { customerManagement: 'partners' },
    {},
  );

  it('sends /api/v<n>/<area> and /tmf-api/<api> to the owning service', () => {
    expect(routes.resolve('/api/v1/accounts')).toEqual({
      service: 'accounts',
      origin: 'http://accounts.internal:4001',
    });
    expect(routes.resolve('/api/v1/accounts/7?first=2')?.service).toBe('accounts');
    expect(routes.resolve('/tmf-api/customerManagement/v4/customer')).toEqual({
      service: 'partners',
      origin: 'http://p:4009/x',
    });
  });

  it('sends the TMF621 Trouble Ticket API to the coordination service, and the partners’ token endpoint, without a bearer, to theirs', () => {
    const table = new RestRoutes({
      accounts: 'http://a:4001/graphql',
      coordination: 'http://c:4004/graphql',
      bundles: 'http://b:4005/graphql',
      partners: 'http://p:4006/graphql',
    });
    expect(table.resolve('/tmf-api/troubleTicket/v5/troubleTicket?limit=1')?.service).toBe(
      'coordination',
    );
    expect(table.resolve('/api/v1/partners/leads')).toEqual({
      service: 'partners',
      origin: 'http://p:4006',
    });
    expect(table.resolve('/oauth/token')).toEqual({
      service: 'partners',
      origin: 'http://p:4006',
      public: true,
    });
    expect(table.resolve('/oauthx/token')).toBeUndefined();
  });

  it('owns no path outside the table', () => {
    expect(routes.resolve('/api/v1/accountsx')).toBeUndefined();
    expect(routes.resolve('/api/v1/')).toBeUndefined();
    expect(routes.resolve('/graphql')).toBeUndefined();
    expect(routes.resolve('/api/openapi.json')).toBeUndefined();
  });

  it('refuses a table naming a service without a URL', () => {
    expect(() => new RestRoutes({}, { bundles: 'bundles' })).toThrow(/bundles/);
  });
});
