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
import { todayInChina } from '@gap/calendar';
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
import {
  generateAccounts,
  generateManagers,
  monthsUpTo,
  valueInputsFor,
  type DemoAccountRow,
} from '../demo-book/demo-book.js';
import { ensurePostgres } from '../testing/local-servers.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_gateway';
const BOOK = Number(process.env['BENCH_ACCOUNTS'] ?? 2_000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 1_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 50);
const CONCURRENT_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const WARM_UP = 100;
const PAGE = 20;
/** Give up waiting for the services to catch up when nothing has moved for this long. */
const STALL_MS = 60_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** A first page is asked without `after` (the services refuse an explicit null cursor). */
const from = (after: string | null | undefined) => (after ? { after } : {});

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

class Client {
  constructor(
    readonly endpoint: string,
    private readonly token: string,
  ) {}

  async call<T>(query: string, variables: object = {}): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as Answer<T>;
    if (answer.errors?.length || !answer.data) {
      throw new Error(`${this.endpoint}: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  }
}

/**
 * Waits until `remaining` reaches zero, failing only when it stops moving; with `settleMs`, a
 * count that has not moved for that long is accepted as final instead.
 */
async function untilCaughtUp(
  what: string,
  remaining: () => Promise<number>,
  settleMs?: number,
): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  let movedAt = Date.now();
  for (;;) {
    const left = await remaining();
    if (left === 0) return 0;
    if (left < last) {
      last = left;
      movedAt = Date.now();
    } else if (settleMs !== undefined && Date.now() - movedAt > settleMs) {
      return left;
    } else if (Date.now() - movedAt > STALL_MS) {
      throw new Error(`${what}: ${left} still missing, nothing moved for ${STALL_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

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

async function seed(gateway: Client): Promise<void> {
  const accounts: DemoAccountRow[] = [
    ...generateAccounts({ accounts: BOOK, largestGroup: 200, maxDepth: 5 }),
  ];
  const managers = generateManagers(accounts);
  const register = (manager: (typeof managers)[number]) =>
    gateway.call(
      'mutation M($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
      { input: manager },
    );
  for (const supervisor of managers.filter((m) => !m.supervisorId)) await register(supervisor);
  await inParallel(
    managers.filter((m) => m.supervisorId),
    register,
  );
  const imported = await gateway.call<{ importGroupAccounts: { created: number } }>(
    'mutation I($input: ImportGroupAccountsInput!) { importGroupAccounts(input: $input) { created } }',
    { input: { format: 'JSON', content: JSON.stringify(accounts) } },
  );
  say(`  ${managers.length} managers, ${imported.importGroupAccounts.created} accounts imported`);

  const codes = new Map<string, string>();
  let after: string | null = null;
  do {
    const page: {
      groupAccounts: {
        edges: { node: { accountCode: string; creditCode: string } }[];
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
    } = await gateway.call(
      `query C($after: String) { groupAccounts(first: 100, after: $after) {
         edges { node { accountCode creditCode } } pageInfo { endCursor hasNextPage } } }`,
      from(after),
    );
    for (const { node } of page.groupAccounts.edges) codes.set(node.creditCode, node.accountCode);
    after = page.groupAccounts.pageInfo.hasNextPage ? page.groupAccounts.pageInfo.endCursor : null;
  } while (after);

  const lastMonth = monthsUpTo(todayInChina().slice(0, 7), 2)[0];
  const rows = accounts.flatMap((account) => {
    const code = codes.get(account.creditCode);
    return code ? valueInputsFor(account, code, monthsUpTo(lastMonth, 12)) : [];
  });
  const load = (dryRun: boolean) =>
    gateway.call<{ importValueInputs: { failed: number } }>(
      `mutation V($input: ImportValueInputsInput!) { importValueInputs(input: $input) { failed } }`,
      { input: { format: 'JSON', content: JSON.stringify(rows), dryRun } },
    );
  // The tiering service learns of the accounts from their events.
  await untilCaughtUp(
    'tiering catching up',
    async () => (await load(true)).importValueInputs.failed,
  );
  await load(false);
  const preview = await gateway.call<{ previewTieringRun: { runId: string } }>(
    `mutation { previewTieringRun(asOf: "${lastMonth}") { runId } }`,
  );
  await gateway.call(
    `mutation A($runId: ID!) { applyTieringRun(runId: $runId, effectiveFrom: "${todayInChina().slice(0, 7)}-01") { changed } }`,
    { runId: preview.previewTieringRun.runId },
  );
  say(`  ${rows.length} monthly value inputs loaded, a tiering run applied`);
  // The managers service gives each account its primary manager from its AccountCreated event;
  // an account no manager has room for stays without one.
  const unplaced = await untilCaughtUp(
    'managers catching up',
    async () => {
      let missing = 0;
      let next: string | null = null;
      do {
        const page: {
          groupAccounts: {
            edges: { node: { primaryManager: { id: string } | null } }[];
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        } = await gateway.call(
          `query M($after: String) { groupAccounts(first: 100, after: $after) {
           edges { node { primaryManager { id } } } pageInfo { endCursor hasNextPage } } }`,
          from(next),
        );
        missing += page.groupAccounts.edges.filter((e) => !e.node.primaryManager).length;
        next = page.groupAccounts.pageInfo.hasNextPage
          ? page.groupAccounts.pageInfo.endCursor
          : null;
      } while (next);
      return missing;
    },
    10_000,
  );
  say(
    unplaced
      ? `  ${unplaced} accounts without a primary manager (no manager had room)`
      : '  every account has its primary manager',
  );
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
    await seed(gateway);
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
