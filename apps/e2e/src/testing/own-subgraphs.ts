import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  freePort,
  startServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type RunningService,
} from '@gap/testing';

export const SUBGRAPHS = [
  'accounts',
  'tiering',
  'managers',
  'coordination',
  'bundles',
  'partners',
] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];

export interface OwnSubgraphs {
  /** The test database's name with the suite's suffix, recreated and migrated. */
  readonly databaseUrl: string;
  readonly byName: Readonly<Record<Subgraph, RunningService>>;
  readonly running: RunningService[];
  /** What the gateway needs besides the services' addresses (the partners' token issuer). */
  readonly gatewayEnv: Readonly<Record<string, string>>;
}

export interface OwnSubgraphsOptions {
  /**
   * Where partners' tokens come from: the test issuer, standing for the operator's identity
   * provider (default), or the partners service's own authorization server, as `npm start`
   * runs it, with webhooks allowed to a receiver on this machine.
   */
  readonly partnerTokens?: 'operator' | 'service';
  /** More of the partners service's settings (e.g. a shorter token lifetime). */
  readonly partnersEnv?: Readonly<Record<string, string>>;
}

/**
 * The services on a database of the suite's own, over Kafka under a topic prefix of its
 * own: for suites whose calls really change data and must not disturb the suites beside them.
 * Whatever started is in `running` even when another service failed to, so it can be stopped.
 */
export async function startOwnSubgraphs(
  suite: string,
  jwksFile: string,
  running: RunningService[],
  options: OwnSubgraphsOptions = {},
): Promise<OwnSubgraphs> {
  const own = new URL(testDatabaseUrl());
  own.pathname = `${own.pathname}_${suite}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  const database = own.pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const common = {
    DATABASE_URL: own.toString(),
    EVENT_TRANSPORT: 'kafka',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: `${suite}-${randomUUID().slice(0, 8)}.`,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_FILE: jwksFile,
  };
  const partnersPort = await freePort();
  const partnerIssuer: Record<string, string> =
    options.partnerTokens === 'service'
      ? { AUTH_PARTNER_ISSUER: `http://127.0.0.1:${partnersPort}/oauth` }
      : {};
  const partners: Record<string, string> =
    options.partnerTokens === 'service'
      ? {
          PORT: String(partnersPort),
          PARTNERS_TOKEN_SOURCE: 'service',
          PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER: 'true',
        }
      : // Partners' tokens come from the test issuer, standing for the operator's identity provider.
        { PARTNERS_TOKEN_SOURCE: 'operator' };
  for (const service of SUBGRAPHS) {
    await promisify(execFile)(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', `apps/${service}/src/migrate.ts`],
      { env: { ...process.env, ...common } },
    );
  }
  const started = await Promise.allSettled(
    SUBGRAPHS.map((service) =>
      // A busy 2-core machine can take more than the default minute to boot three services.
      startServiceProcess(
        service,
        `apps/${service}/src/main.ts`,
        service === 'partners'
          ? { ...common, ...partnerIssuer, ...partners, ...options.partnersEnv }
          : { ...common, ...partnerIssuer },
        180_000,
      ),
    ),
  );
  for (const outcome of started) if (outcome.status === 'fulfilled') running.push(outcome.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const byName = Object.fromEntries(running.map((s) => [s.name, s])) as Record<
    Subgraph,
    RunningService
  >;
  return { databaseUrl: own.toString(), byName, running, gatewayEnv: partnerIssuer };
}

/**
 * The gateway in front of the suite's own services (each `<NAME>_URL` set from what started),
 * added to `running` so that it is stopped with them.
 */
export async function startGatewayOver(
  own: OwnSubgraphs,
  jwksFile: string,
  running: RunningService[],
): Promise<RunningService> {
  const urls = Object.fromEntries(
    own.running.map((s) => [`${s.name.toUpperCase()}_URL`, `${s.baseUrl}/graphql`]),
  );
  const gateway = await startServiceProcess(
    'gateway',
    'apps/gateway/src/main.ts',
    {
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: jwksFile,
      ...own.gatewayEnv,
      ...urls,
    },
    180_000,
  );
  running.push(gateway);
  return gateway;
}
