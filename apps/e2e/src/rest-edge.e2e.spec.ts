import { randomUUID } from 'node:crypto';
import {
  createTestIssuer,
  freePort,
  startServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type RunningService,
  type TestIssuer,
} from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';

interface Answer {
  status: number;
  contentType: string | null;
  body: Record<string, unknown>;
}

describe('REST through the gateway’s origin', () => {
  let issuer: TestIssuer;
  const running: RunningService[] = [];
  let gateway: RunningService;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    const auth = {
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
    };
    const accountsPort = await freePort();
    running.push(
      await startServiceProcess('accounts', 'apps/accounts/src/main.ts', {
        ...auth,
        DATABASE_URL: testDatabaseUrl(),
        EVENT_TRANSPORT: 'kafka',
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        // Topics of this run alone: other suites publish to the same broker at the same time.
        KAFKA_TOPIC_PREFIX: `rest-${randomUUID().slice(0, 8)}.`,
        PORT: String(accountsPort),
      }),
    );
    const accountsUrl = `http://127.0.0.1:${accountsPort}/graphql`;
    // Only the accounts service runs: REST reaches nothing else, nor do these tests' queries.
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    gateway = await startServiceProcess('gateway', 'apps/gateway/src/main.ts', {
      ...auth,
      ACCOUNTS_URL: accountsUrl,
      TIERING_URL: nowhere,
      MANAGERS_URL: nowhere,
    });
    running.push(gateway);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  async function get(path: string, token?: string): Promise<Answer> {
    const response = await fetch(`${gateway.baseUrl}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  async function createAccount(token: string): Promise<string> {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'mutation Create($input: CreateGroupAccountInput!) { createGroupAccount(input: $input) { id } }',
        variables: {
          input: {
            name: '福州闽江数据服务有限公司',
            creditCode: freshCreditCode(),
            type: 'ENTERPRISE',
            industryCode: 'I',
            regionCode: '350102',
          },
        },
      }),
    });
    const body = (await response.json()) as {
      data?: { createGroupAccount: { id: string } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.createGroupAccount.id;
  }

  it('answers with what the caller may see: the service decides by the identity it was given', async () => {
    const owner = await issuer.token(['ACCOUNT_MANAGER'], `E8${randomUUID().slice(0, 5)}`);
    const stranger = await issuer.token(['ACCOUNT_MANAGER'], `E9${randomUUID().slice(0, 5)}`);
    const id = await createAccount(owner);

    const seen = await get(`/api/v1/accounts/${id}`, owner);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id, status: 'PROSPECT', name: '福州闽江数据服务有限公司' });

    const hidden = await get(`/api/v1/accounts/${id}`, stranger);
    expect(hidden.status).toBe(404);
    expect(hidden.contentType).toBe('application/problem+json');
    expect(hidden.body).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND', field: 'id' });

    const page = await get('/api/v1/accounts?first=10', owner);
    expect(page.body['items']).toEqual([expect.objectContaining({ id })]);
  });

  it('answers bad input with a Problem Details document naming the field', async () => {
    const token = await issuer.token(['COORDINATOR'], 'C8001');
    const answer = await get('/api/v1/accounts/12345', token);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({
      status: 400,
      code: 'INVALID_INPUT',
      category: 'BAD_USER_INPUT',
      field: 'id',
      instance: '/api/v1/accounts/12345',
      errors: [expect.objectContaining({ field: 'id', code: 'NOT_A_UUID' })],
    });
  });

  it('answers a call without a token with a 401 problem', async () => {
    const answer = await get('/api/v1/accounts');
    expect(answer.status).toBe(401);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lists the route in /api/openapi.json', async () => {
    const answer = await get('/api/openapi.json');
    expect(answer.status).toBe(200);
    const paths = answer.body['paths'] as Record<string, Record<string, { operationId: string }>>;
    expect(paths['/api/v1/accounts/{id}']?.['get']?.operationId).toBe('getGroupAccount');
    expect(paths['/api/v1/accounts']?.['get']?.operationId).toBe('listGroupAccounts');
  });
});
