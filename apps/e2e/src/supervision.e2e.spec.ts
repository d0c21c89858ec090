import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createTestIssuer,
  eventually,
  freePort,
  Supervisor,
  testDatabaseUrl,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type ProcessSpec,
  type Supervised,
  type SupervisorEvent,
  type TestIssuer,
} from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface Attempt {
  readonly creditCode: string;
  readonly id?: string;
  readonly errorCode?: string;
}

/**
 * The platform as `npm start` runs it: every service under the launcher's supervisor, the
 * PostgreSQL event log between them, in a database of this spec's own (the event log has no
 * topic prefix, so no other suite may consume from it). The accounts service is killed during a
 * flow of account creations through the gateway.
 */
const DATABASE_URL = (() => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_supervision`;
  return url.toString();
})();
const WORKERS = 4;
/** Confirmed creations wanted before the kill, and again once the service is back. */
const BEFORE_KILL = 20;
const AFTER_BACK = 20;

async function recreateOwnDatabase(): Promise<void> {
  const name = new URL(DATABASE_URL).pathname.slice(1);
  const maintenance = new URL(DATABASE_URL);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  // `npm run migrate`, as a user would run it against their own database.
  execFileSync(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/launcher/migrate.ts'],
    { env: { ...process.env, DATABASE_URL }, stdio: 'pipe' },
  );
}

describe('a service killed during a flow of account creations, under the supervisor', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'gap-supervision-'));
  const events: SupervisorEvent[] = [];
  const supervisor = new Supervisor({
    backoff: { initialMs: 500 },
    onEvent: (event) => {
      if (event.kind !== 'output') events.push(event);
    },
  });
  let issuer: TestIssuer;
  let db: pg.Pool;
  let gatewayUrl: string;
  let accounts: Supervised;
  let managerToken: string;

  function spec(name: string, port: number, env: Record<string, string>): ProcessSpec {
    return {
      name,
      command: process.execPath,
      args: ['--import', '@swc-node/register/esm-register', `apps/${name}/src/main.ts`],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_AUDIENCE: TEST_AUDIENCE,
        AUTH_JWKS_FILE: issuer.jwksFile,
        ...env,
      },
      logFile: join(logDir, `${name}.log`),
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
    };
  }

  async function graphql<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  beforeAll(async () => {
    issuer = await createTestIssuer();
    await recreateOwnDatabase();
    db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
    const common = { DATABASE_URL, EVENT_TRANSPORT: 'postgres' };
    const ports = {
      accounts: await freePort(),
      tiering: await freePort(),
      managers: await freePort(),
    };
    accounts = supervisor.start(spec('accounts', ports.accounts, common));
    const others = [
      supervisor.start(spec('tiering', ports.tiering, common)),
      supervisor.start(spec('managers', ports.managers, common)),
    ];
    const gatewayPort = await freePort();
    const subgraph = (port: number) => `http://127.0.0.1:${port}/graphql`;
    const gateway = supervisor.start(
      spec('gateway', gatewayPort, {
        ACCOUNTS_URL: subgraph(ports.accounts),
        TIERING_URL: subgraph(ports.tiering),
        MANAGERS_URL: subgraph(ports.managers),
      }),
    );
    gatewayUrl = subgraph(gatewayPort);
    const all = [accounts, ...others, gateway];
    // Ready, or one of them cannot start (it keeps exiting): then its log says why.
    const broken = () => all.find((p) => !p.everReady && p.restarts >= 2);
    await eventually(() => broken() ?? all.every((p) => p.ready), 150_000, 'every service');
    const failing = broken() ?? all.find((p) => !p.ready);
    if (failing) {
      throw new Error(
        `${failing.name} cannot start:\n${readFileSync(failing.spec.logFile, 'utf8').slice(-4_000)}`,
      );
    }

    const admin = await issuer.token(['ADMIN'], 'A3000');
    for (const manager of [
      { id: 'S3000', grade: 'KEY_ACCOUNT', regions: ['350000'], capacity: 0 },
      { id: 'E3001', grade: 'STANDARD', regions: ['350100'], supervisorId: 'S3000' },
    ]) {
      const registered = await graphql(
        'mutation R($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
        { input: { name: `经理 ${manager.id}`, industries: [], capacity: 1000, ...manager } },
        admin,
      );
      if (registered.errors) throw new Error(JSON.stringify(registered.errors));
    }
    managerToken = await issuer.token(['ACCOUNT_MANAGER'], 'E3001');
  }, 240_000);

  afterAll(async () => {
    await supervisor.stopAll();
    await db?.end();
  });

  async function create(): Promise<Attempt> {
    const creditCode = freshCreditCode();
    try {
      const answer = await graphql<{ createGroupAccount: { id: string } }>(
        `
          mutation Create($input: CreateGroupAccountInput!) {
            createGroupAccount(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            name: `福建监督测试企业 ${creditCode}`,
            creditCode,
            type: 'ENTERPRISE',
            industryCode: 'C',
            regionCode: '350102',
          },
        },
        managerToken,
      );
      const id = answer.data?.createGroupAccount.id;
      return id
        ? { creditCode, id }
        : { creditCode, errorCode: answer.errors?.[0]?.extensions?.code ?? 'NO_CODE' };
    } catch (error) {
      // The gateway itself always answers; a transport error here is a failure to report.
      return { creditCode, errorCode: `TRANSPORT: ${String(error)}` };
    }
  }

  const count = async (sql: string, ids: readonly string[]) =>
    (await db.query<{ id: string; n: number }>(sql, [ids])).rows;

  it('restarts the service, answers SERVICE_UNAVAILABLE meanwhile and delivers every confirmed creation exactly once', async () => {
    const attempts: Attempt[] = [];
    let flowing = true;
    const workers = Array.from({ length: WORKERS }, async () => {
      while (flowing) attempts.push(await create());
    });
    const confirmed = () => attempts.filter((a) => a.id).length;
    try {
      await eventually(() => confirmed() >= BEFORE_KILL, 60_000, 'creations before the kill');
      process.kill(accounts.pid ?? 0, 'SIGKILL');
      await eventually(
        () => events.some((e) => e.kind === 'ready' && e.name === 'accounts' && e.restart === 1),
        120_000,
        'the accounts service to be back',
      );
      const atBack = confirmed();
      await eventually(() => confirmed() >= atBack + AFTER_BACK, 60_000, 'creations once back');
    } finally {
      flowing = false;
      await Promise.all(workers);
    }

    expect(events.filter((e) => e.name === 'accounts' && e.kind === 'exited')).toEqual([
      expect.objectContaining({ signal: 'SIGKILL', restart: 1, restartInMs: 500 }),
    ]);
    const failed = attempts.filter((a) => a.errorCode);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((a) => a.errorCode))).toEqual(new Set(['SERVICE_UNAVAILABLE']));

    const ids = attempts.flatMap((a) => (a.id ? [a.id] : []));
    const once = (rows: { id: string; n: number }[]) =>
      ids.every((id) => rows.find((r) => r.id === id)?.n === 1) && rows.length === ids.length;
    const rows = {
      accounts: `SELECT id::text, count(*)::int AS n FROM accounts.group_account
                  WHERE id = ANY($1::uuid[]) GROUP BY id`,
      outbox: `SELECT message_key AS id, count(*)::int AS n FROM accounts.outbox
                WHERE event_type = 'AccountCreated' AND status = 'SENT'
                  AND message_key = ANY($1::text[]) GROUP BY message_key`,
      eventLog: `SELECT key AS id, count(*)::int AS n FROM event_log.records
                  WHERE value::jsonb ->> 'type' = 'AccountCreated' AND key = ANY($1::text[])
                  GROUP BY key`,
      tiering: `SELECT group_account_id::text AS id, count(*)::int AS n FROM tiering.account_profile
                 WHERE group_account_id = ANY($1::uuid[]) GROUP BY group_account_id`,
      managers: `SELECT id::text, count(*)::int AS n FROM managers.group_account
                  WHERE id = ANY($1::uuid[]) GROUP BY id`,
    };
    for (const [where, sql] of Object.entries(rows)) {
      await eventually(async () => once(await count(sql, ids)), 60_000, `${where}: one row each`);
    }
  }, 420_000);
});
