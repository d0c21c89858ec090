/**
 * `npm run bench:gateway`: what the gateway costs on top of the subgraphs, in one run.
 *
 * 1. Starts the three services (PostgreSQL event transport) and the gateway on free ports, on a
 *    fresh database (gap_bench_gateway), and seeds a book through the gateway as a client
 *    would: the sales force, accounts by bulk import (each gets its primary manager from its
 *    AccountCreated event), twelve months of value inputs and an applied tiering run.
 * 2. Sequentially, interleaved so that both see the same machine: a 20-account page of the
 *    accounts' own fields through the gateway and straight from the accounts subgraph
 *    (p50/p95/p99 and their ratio), then the portfolio page (the same 20 accounts with their
 *    tier and primary manager: three subgraphs).
 * 3. The portfolio page at 50 concurrent clients: p50/p99 and throughput.
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the
 * database (recreated), BENCH_ACCOUNTS the book size, BENCH_SAMPLES the sequential samples,
 * BENCH_CLIENTS and BENCH_SECONDS the concurrent part.
 */
import 'reflect-metadata';
import { migrateDatabase, recreateDatabase } from '@gap/database';
import { migrateEventLog } from '@gap/messaging';
import {
  createTestIssuer,
  freePort,
  startServiceProcess,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type RunningService,
} from '@gap/testing';
import { accountsDatabase } from '@gap/accounts/app/database';
import { managersDatabase } from '@gap/managers/app/database';
import { tieringDatabase } from '@gap/tiering/app/database';
import { ensurePostgres } from '../testing/local-servers.js';
import { Client, from, seedBook } from './gateway-book.js';
import { percentile, say } from './figures.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_gateway';
const BOOK = Number(process.env['BENCH_ACCOUNTS'] ?? 2_000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 1_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 50);
const CONCURRENT_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const WARM_UP = 100;
const PAGE = 20;

const PORTFOLIO = `query Portfolio($after: String) {
  groupAccounts(first: ${PAGE}, after: $after) {
    edges { node { id accountCode name industryCode regionCode status
      tier primaryManager { id name } } }
    pageInfo { endCursor } } }`;
const OWN_FIELDS = `query Page($after: String) {
  groupAccounts(first: ${PAGE}, after: $after) {
    edges { node { id accountCode name industryCode regionCode status } }
    pageInfo { endCursor } } }`;

interface PortfolioPage {
  groupAccounts: {
    edges: { node: { tier: string | null; primaryManager: { id: string } | null } }[];
    pageInfo: { endCursor: string | null };
  };
}

/** The cursors of the first pages, so that the samples do not all read one page. */
async function pageCursors(gateway: Client, pages: number): Promise<(string | null)[]> {
  const cursors: (string | null)[] = [null];
  while (cursors.length < pages) {
    const page = await gateway.call<PortfolioPage>(PORTFOLIO, from(cursors.at(-1)));
    const next = page.groupAccounts.pageInfo.endCursor;
    if (!next || page.groupAccounts.edges.length < PAGE) break;
    cursors.push(next);
  }
  return cursors;
}

interface Timings {
  p50: number;
  p95: number;
  p99: number;
}

function summary(timings: readonly number[]): Timings {
  return {
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    p99: percentile(timings, 99),
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const line = (t: Timings) => `p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, p99 ${ms(t.p99)}`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Same fields through the gateway and from the subgraph, one after the other, alternately. */
async function sideBySide(
  gateway: Client,
  subgraph: Client,
  cursors: readonly (string | null)[],
): Promise<{ gateway: Timings; subgraph: Timings; portfolio: Timings }> {
  const viaGateway: number[] = [];
  const direct: number[] = [];
  const portfolio: number[] = [];
  for (let i = -WARM_UP; i < SAMPLES; i++) {
    const after = cursors[(i + WARM_UP) % cursors.length];
    const g = await timed(() => gateway.call(OWN_FIELDS, from(after)));
    const s = await timed(() => subgraph.call(OWN_FIELDS, from(after)));
    const p = await timed(() => gateway.call(PORTFOLIO, from(after)));
    if (i < 0) continue;
    viaGateway.push(g);
    direct.push(s);
    portfolio.push(p);
  }
  return { gateway: summary(viaGateway), subgraph: summary(direct), portfolio: summary(portfolio) };
}

async function concurrently(
  gateway: Client,
  cursors: readonly (string | null)[],
): Promise<Timings & { requests: number; perSecond: number }> {
  const timings: number[] = [];
  let deadline = 0;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const after = cursors[next++ % cursors.length];
      timings.push(await timed(() => gateway.call(PORTFOLIO, from(after))));
    }
  };
  // A short warm-up at full concurrency, not counted.
  await Promise.all(
    Array.from({ length: CLIENTS }, () => gateway.call(PORTFOLIO, from(cursors[0]))),
  );
  const started = performance.now();
  deadline = started + CONCURRENT_SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  return { ...summary(timings), requests: timings.length, perSecond: timings.length / seconds };
}

async function main(): Promise<void> {
  await ensurePostgres(url);
  await recreateDatabase(url);
  await migrateEventLog(url);
  for (const options of [accountsDatabase(url), tieringDatabase(url), managersDatabase(url)]) {
    await migrateDatabase(options);
  }
  say(`gateway benchmark on ${url}: ${BOOK.toLocaleString('en')} accounts`);

  const issuer = await createTestIssuer();
  const auth = {
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_FILE: issuer.jwksFile,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const service = { ...auth, DATABASE_URL: url, EVENT_TRANSPORT: 'postgres' };
  const ports = {
    accounts: await freePort(),
    tiering: await freePort(),
    managers: await freePort(),
  };
  const running: RunningService[] = [];
  try {
    const starting = await Promise.allSettled(
      (['accounts', 'tiering', 'managers'] as const).map((name) =>
        startServiceProcess(
          name,
          `apps/${name}/src/main.ts`,
          { ...service, PORT: String(ports[name]) },
          180_000,
        ),
      ),
    );
    // Whatever started is stopped below, even when another service failed to start.
    running.push(...starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])));
    const failed = starting.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const subgraphUrl = (name: keyof typeof ports) => `http://127.0.0.1:${ports[name]}/graphql`;
    const gatewayProcess = await startServiceProcess(
      'gateway',
      'apps/gateway/src/main.ts',
      {
        ...auth,
        ACCOUNTS_URL: subgraphUrl('accounts'),
        TIERING_URL: subgraphUrl('tiering'),
        MANAGERS_URL: subgraphUrl('managers'),
      },
      180_000,
    );
    running.push(gatewayProcess);
    const token = await issuer.token(['ADMIN', 'SUPERVISOR'], 'E0001');
    const gateway = new Client(`${gatewayProcess.baseUrl}/graphql`, token);
    const subgraph = new Client(subgraphUrl('accounts'), token);

    let started = performance.now();
    await seedBook(gateway, BOOK, say);
    say(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const cursors = await pageCursors(gateway, 50);
    const sample = await gateway.call<PortfolioPage>(PORTFOLIO, from(cursors[0]));
    const nodes = sample.groupAccounts.edges.map((e) => e.node);
    say(
      `  first page: ${nodes.filter((n) => n.tier).length}/${nodes.length} with a tier, ${nodes.filter((n) => n.primaryManager).length}/${nodes.length} with a primary manager`,
    );

    started = performance.now();
    const sequential = await sideBySide(gateway, subgraph, cursors);
    say(
      `\nsequential, ${SAMPLES} samples each, ${PAGE}-account pages across ${cursors.length} pages:`,
    );
    say(`  accounts' own fields via the gateway:  ${line(sequential.gateway)}`);
    say(`  the same straight from the subgraph:   ${line(sequential.subgraph)}`);
    say(
      `  gateway / subgraph: p50 ${(sequential.gateway.p50 / sequential.subgraph.p50).toFixed(2)}×, p99 ${(sequential.gateway.p99 / sequential.subgraph.p99).toFixed(2)}× (goal ≤ 1.5×)`,
    );
    say(
      `  portfolio page (tier + primary manager, three subgraphs): ${line(sequential.portfolio)}`,
    );
    const load = await concurrently(gateway, cursors);
    say(`\nportfolio page at ${CLIENTS} concurrent clients for ${CONCURRENT_SECONDS} s:`);
    say(
      `  ${line(load)} (goal p99 < 50 ms); ${load.requests} pages, ${load.perSecond.toFixed(0)} pages/s`,
    );
    say(`\nmeasured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
}

await main();
