import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  createTestIssuer,
  eventually,
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

/**
 * Two instances of every service in one consumer group on Kafka, behind one gateway that
 * knows both addresses of each. During a flow of account creations and changes, one instance of
 * each service is killed (SIGKILL) and a new one started in its place.
 */
const TOPIC_PREFIX = `scale-${randomUUID().slice(0, 8)}.`;
const SERVICES = ['accounts', 'tiering', 'managers'] as const;
type ServiceName = (typeof SERVICES)[number];
const WORKERS = 4;
const FLOW_MS = 20_000;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('two instances of every service, one of each killed during a flow of creations', () => {
  let issuer: TestIssuer;
  let db: pg.Pool;
  let token: string;
  let gateway: RunningService;
  const ports = new Map<ServiceName, [number, number]>();
  const instances = new Map<string, RunningService>();
  let common: Record<string, string>;

  const start = async (service: ServiceName, instance: 0 | 1): Promise<void> => {
    const port = ports.get(service)![instance];
    instances.set(
      `${service}-${instance}`,
      await startServiceProcess(`${service}-${instance}`, `apps/${service}/src/main.ts`, {
        ...common,
        PORT: String(port),
      }),
    );
  };

  beforeAll(async () => {
    issuer = await createTestIssuer();
    db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    common = {
      DATABASE_URL: testDatabaseUrl(),
      EVENT_TRANSPORT: 'kafka',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
      KAFKA_PARTITIONS: '4',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
    };
    for (const service of SERVICES) ports.set(service, [await freePort(), await freePort()]);
    // One instance of each first, so that the topics are created once, then the second ones.
    for (const instance of [0, 1] as const) {
      await Promise.all(SERVICES.map((service) => start(service, instance)));
    }
    const urls = (service: ServiceName) =>
      ports
        .get(service)!
        .map((port) => `http://127.0.0.1:${port}/graphql`)
        .join(',');
    gateway = await startServiceProcess('gateway', 'apps/gateway/src/main.ts', {
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
      ACCOUNTS_URL: urls('accounts'),
      TIERING_URL: urls('tiering'),
      MANAGERS_URL: urls('managers'),
    });
    token = await issuer.token(['ADMIN', 'SUPERVISOR', 'ACCOUNT_MANAGER'], 'S3000');
  }, 240_000);

  afterAll(async () => {
    await Promise.all([gateway, ...instances.values()].map((s) => s?.stop()));
    await db?.end();
  });

  async function graphql<T>(query: string, variables: object): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** One client: creates an account, then changes its head count twice, until time is up. */
  async function client(until: number, confirmed: Set<string>, refused: string[]): Promise<void> {
    while (Date.now() < until) {
      const created = await graphql<{ createGroupAccount: { id: string; version: number } }>(
        `
          mutation C($input: CreateGroupAccountInput!) {
            createGroupAccount(input: $input) {
              id
              version
            }
          }
        `,
        {
          input: {
            name: '福建闽江物联科技有限公司',
            creditCode: freshCreditCode(),
            type: 'ENTERPRISE',
            industryCode: 'I',
            regionCode: '350102',
            employees: 10,
          },
        },
      );
      const account = created.data?.createGroupAccount;
      if (!account) {
        refused.push(String(created.errors?.[0]?.extensions?.['code']));
        continue;
      }
      confirmed.add(account.id);
      let version = account.version;
      for (const employees of [20, 30]) {
        const updated = await graphql<{ updateGroupAccount: { version: number } }>(
          `
            mutation U($input: UpdateGroupAccountInput!) {
              updateGroupAccount(input: $input) {
                version
              }
            }
          `,
          { input: { id: account.id, version, employees } },
        );
        if (!updated.data) break;
        version = updated.data.updateGroupAccount.version;
      }
    }
  }

  it('delivers every confirmed creation to every service exactly once, each account in order', async () => {
    const confirmed = new Set<string>();
    const refused: string[] = [];
    const until = Date.now() + FLOW_MS;
    const flow = Promise.all(
      Array.from({ length: WORKERS }, () => client(until, confirmed, refused)),
    );

    await eventually(() => confirmed.size >= 20, 30_000, 'the first creations');
    for (const service of SERVICES) instances.get(`${service}-0`)!.process.kill('SIGKILL');
    await Promise.all(SERVICES.map((service) => start(service, 0)));
    await flow;

    const ids = [...confirmed];
    expect(ids.length).toBeGreaterThan(40);
    // Refusals, if any, are coded: a client learns the service is briefly unavailable.
    expect(refused.filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);

    const count = async (sql: string): Promise<number> =>
      (await db.query<{ n: number }>(sql, [ids])).rows[0]?.n ?? -1;
    // Every confirmed account is in the accounts service once, with one AccountCreated event.
    expect(
      await count('SELECT count(*)::int AS n FROM accounts.group_account WHERE id = ANY($1)'),
    ).toBe(ids.length);
    expect(
      await count(`SELECT count(*)::int AS n FROM accounts.outbox
                    WHERE event_type = 'AccountCreated' AND message_key = ANY($1::text[])`),
    ).toBe(ids.length);

    // Every service applied each account's events exactly once and in order: tiering gave one
    // first tier each, managers took the account in once, and tiering's copy of the head count
    // ends where the accounts service's own row ends (an update applied out of order would
    // leave an earlier value behind).
    const settled = async () =>
      (await count(
        `SELECT count(*)::int AS n FROM accounts.group_account g
           JOIN tiering.account_profile p ON p.group_account_id = g.id
           JOIN managers.group_account m ON m.id = g.id
          WHERE g.id = ANY($1) AND p.employees IS NOT DISTINCT FROM g.employees`,
      )) === ids.length;
    await eventually(settled, 60_000, 'every service to catch up');
    expect(
      await count(`SELECT count(*)::int AS n FROM tiering.outbox
                    WHERE event_type = 'TierAssigned' AND message_key = ANY($1::text[])`),
    ).toBe(ids.length);
    expect(
      await count('SELECT count(*)::int AS n FROM managers.group_account WHERE id = ANY($1)'),
    ).toBe(ids.length);
  }, 180_000);
});
