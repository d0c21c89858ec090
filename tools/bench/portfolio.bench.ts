/**
 * The portfolio part of `npm run bench:accounts` (issue 19), run on its book after its own
 * steps: fills the read model (portfolio-book.ts) and the event log with the events it was
 * folded from, starts the accounts service on the PostgreSQL event log and times, through
 * its endpoints:
 * 1. a page of 20 filtered by tier A + a city + segment VALUE, by current value, as an admin,
 *    a manager and a supervisor (myPortfolio), and by a district and with no region;
 * 2. the facets of the same filters, without the page's edges;
 * 3. the CSV export of the tier-A accounts (a tenth of the book), and the service's peak RSS;
 * 4. the read model's lag at a steady BENCH_RATE events/s (default 1,000) for BENCH_SECONDS
 *    (default 60) (portfolio-lag.ts);
 * then, with the service stopped, a rebuild of the read model from the whole event log.
 * With BENCH_EXPLAIN=1, or when a p95 misses its goal, the plans of the page and facets SQL go
 * to a file (EXPLAIN ANALYZE, BUFFERS). BENCH_PORTFOLIO_PARTS picks some of the steps
 * (`pages,export,lag,rebuild`, all by default).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@gap/database';
import {
  createTestIssuer,
  freePort,
  startServiceProcess,
  TEST_AUDIENCE,
  TEST_ISSUER,
} from '@gap/testing';
import { accountsDatabase } from '@gap/accounts/app/database';
import type { GroupAccountFilter } from '@gap/accounts/app/group-account/dto/group-account-search.args.js';
import { ACCOUNTS_CONSUMER_GROUP } from '@gap/accounts/app/portfolio/portfolio.projection.js';
import { explainPortfolioSearch, timeRebuild, type ExplainedSearch } from './portfolio-explain.js';
import { appendBookEvents, fillPortfolio } from './portfolio-book.js';
import { measureLag } from './portfolio-lag.js';
import { percentile } from './figures.js';

const SAMPLES = Number(process.env['BENCH_PORTFOLIO_SAMPLES'] ?? 250);
/** A variant stops early after this long (at least 30 requests): a slow one still ends. */
const VARIANT_MS = Number(process.env['BENCH_VARIANT_SECONDS'] ?? 60) * 1000;
/** BENCH_PORTFOLIO_REUSE=1: the book's read model and events are there already (a rerun). */
const REUSE = process.env['BENCH_PORTFOLIO_REUSE'] === '1';
const RATE = Number(process.env['BENCH_RATE'] ?? 1_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const PARTS = new Set(
  (process.env['BENCH_PORTFOLIO_PARTS'] ?? 'pages,export,lag,rebuild').split(','),
);
const PAGE_GOAL_MS = 20;
const FACETS_GOAL_MS = 50;

type Say = (line: string) => void;

interface Timing {
  readonly p50: number;
  readonly p95: number;
  readonly rows: number;
  readonly requests: number;
}

/** p50/p95 of `SAMPLES` requests (fewer past VARIANT_MS) after 20 warm-ups, each one of `calls`. */
async function time(
  endpoint: string,
  query: string,
  calls: readonly { token: string; variables: object }[],
): Promise<Timing> {
  const timings: number[] = [];
  let rows = 0;
  let measuring = Number.POSITIVE_INFINITY;
  for (let i = -20; i < SAMPLES; i++) {
    if (i === 0) measuring = performance.now();
    if (i >= 30 && performance.now() - measuring > VARIANT_MS) break;
    const call = calls[(i + 20) % calls.length];
    if (!call) throw new Error('nothing to time');
    const { token, variables } = call;
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: unknown };
    const elapsed = performance.now() - started;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    if (i < 0) continue;
    timings.push(elapsed);
    rows += (JSON.stringify(body.data).match(/"id"/g) ?? []).length;
  }
  return {
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    rows: rows / timings.length,
    requests: timings.length,
  };
}

const FILTER: GroupAccountFilter = { tiers: ['A'], segments: ['VALUE'] };
const ORDER = '{ field: CURRENT_VALUE, direction: DESC }';
const pageQuery = (field: string) => `query Page($filter: GroupAccountFilter) {
  ${field}(first: 20, filter: $filter, orderBy: ${ORDER}) {
    edges { node { id accountCode name regionCode } } pageInfo { endCursor hasNextPage } } }`;
const FACETS = `query Facets($filter: GroupAccountFilter) {
  groupAccounts(first: 20, filter: $filter, orderBy: ${ORDER}) {
    facets { total tiers { value count } segments { value count } regions { value count }
             statuses { value count } } } }`;

/** The cities and districts with the most A/VALUE accounts, and who manages most of them there. */
interface Picks {
  readonly cities: readonly { city: string; manager: string; supervisor: string }[];
  readonly districts: readonly string[];
}

async function pick(dataSource: DataSource): Promise<Picks> {
  const cities = await dataSource.query<{ city: string; manager: string; supervisor: string }[]>(
    `SELECT DISTINCT ON (city) city, manager, supervisor FROM (
       SELECT left(a.region_code, 4) AS city, p.primary_manager_id AS manager,
              p.supervisor_id AS supervisor, count(*) AS n,
              sum(count(*)) OVER (PARTITION BY left(a.region_code, 4)) AS in_city
         FROM accounts.group_account a JOIN accounts.portfolio_account p ON p.group_account_id = a.id
        WHERE p.tier = 'A' AND p.segment = 'VALUE'
        GROUP BY 1, 2, 3) x
      ORDER BY city, n DESC`,
  );
  const [top] = await dataSource.query<{ cities: string[] }[]>(
    `SELECT array_agg(city ORDER BY n DESC) AS cities FROM (
       SELECT left(a.region_code, 4) AS city, count(*) AS n FROM accounts.group_account a
         JOIN accounts.portfolio_account p ON p.group_account_id = a.id
        WHERE p.tier = 'A' AND p.segment = 'VALUE' GROUP BY 1 ORDER BY 2 DESC LIMIT 10) x`,
  );
  const districts = await dataSource.query<{ district: string }[]>(
    `SELECT a.region_code AS district FROM accounts.group_account a
       JOIN accounts.portfolio_account p ON p.group_account_id = a.id
      WHERE p.tier = 'A' AND p.segment = 'VALUE' GROUP BY 1 ORDER BY count(*) DESC LIMIT 10`,
  );
  const order = top?.cities ?? [];
  return {
    cities: order.map((city) => cities.find((c) => c.city === city)!),
    districts: districts.map((d) => d.district),
  };
}

/** Waits until the service's relay has sent its outbox and its consumer has read the whole log. */
async function drained(dataSource: DataSource): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [row] = await dataSource.query<{ behind: number }[]>(
      `SELECT ((SELECT count(*) FROM accounts.outbox WHERE status = 'PENDING')
            + coalesce((SELECT sum(t.next_offset - 1 - o.committed_offset) FROM event_log.topics t
                          JOIN event_log.consumer_offsets o ON o.topic = t.name AND o.group_id = $1), 0)
              )::int AS behind`,
      [ACCOUNTS_CONSUMER_GROUP],
    );
    if ((row?.behind ?? 0) === 0) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const memory = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(
    new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0,
  ) / 1024;

/** Streams the export, counting its lines; the service's RSS sampled meanwhile. */
async function timeExport(baseUrl: string, token: string, pid: number) {
  // Resets the process's peak RSS (VmHWM) so that it tells the export's alone.
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = memory(pid, 'VmRSS');
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, memory(pid, 'VmRSS'))), 50);
  const started = performance.now();
  const response = await fetch(
    `${baseUrl}/api/v1/accounts/portfolio/export?tiers=A&orderBy=CURRENT_VALUE&direction=DESC`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (!response.ok || !response.body)
    throw new Error(`export: ${response.status} ${await response.text()}`);
  let [lines, bytes] = [0, 0];
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { rows: lines - 1, bytes, seconds, before, peak: Math.max(peak, memory(pid, 'VmHWM')) };
}

const ms = (t: Timing) =>
  `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms over ${t.requests} requests`;

export async function portfolioBench(url: string, book: number, say: Say): Promise<void> {
  const dataSource = createServiceDataSource({ ...accountsDatabase(url), poolSize: 4 });
  await dataSource.initialize();
  const issuer = await createTestIssuer();
  let service: Awaited<ReturnType<typeof startServiceProcess>> | undefined;
  const missed: string[] = [];
  let explained: ExplainedSearch[] = [];
  try {
    if (!REUSE) {
      const fill = await fillPortfolio(dataSource, Math.round(book / 10));
      say(
        `portfolio read model: ${fill.accounts.toLocaleString('en')} accounts, ${fill.entries.toLocaleString('en')} visibility rows, filled in ${fill.seconds.toFixed(1)} s`,
      );
      const logged = await appendBookEvents(dataSource, ACCOUNTS_CONSUMER_GROUP);
      say(
        `their events in the log: ${logged.events.toLocaleString('en')} appended in ${logged.seconds.toFixed(1)} s`,
      );
    }
    const picks = await pick(dataSource);
    const first = picks.cities[0];
    if (!first) throw new Error('no tier-A VALUE accounts in the book');
    explained = [
      {
        label: 'admin, city',
        scope: { kind: 'ALL', subject: 'A0001' },
        filter: { ...FILTER, regionCode: first.city },
      },
      {
        label: `manager ${first.manager}, city`,
        scope: { kind: 'PORTFOLIO', subject: first.manager },
        filter: { ...FILTER, regionCode: first.city },
      },
      {
        label: `supervisor ${first.supervisor}, city`,
        scope: { kind: 'PORTFOLIO', subject: first.supervisor },
        filter: { ...FILTER, regionCode: first.city },
      },
      { label: 'admin, no region', scope: { kind: 'ALL', subject: 'A0001' }, filter: FILTER },
    ];
    const port = await freePort();
    service = await startServiceProcess('accounts', 'apps/accounts/src/main.ts', {
      DATABASE_URL: url,
      EVENT_TRANSPORT: 'postgres',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    say(
      `service caught up with the log (the import's events) in ${(await drained(dataSource)).toFixed(1)} s`,
    );
    // The import's events rewrote 100,000 of the model's rows. Autovacuum passes a read-model
    // table after 1% of it changed (migration 1763900000150); this machine's PostgreSQL runs
    // without autovacuum, so the bench does what it would.
    await dataSource.query('VACUUM (ANALYZE) accounts.portfolio_account, accounts.portfolio_entry');
    const endpoint = `${service.baseUrl}/graphql`;
    const admin = await issuer.token(['ADMIN'], 'A0001');
    const asAdmin = (regions: readonly (string | undefined)[]) =>
      regions.map((regionCode) => ({
        token: admin,
        variables: { filter: { ...FILTER, regionCode } },
      }));
    const byCity = asAdmin(picks.cities.map((c) => c.city));
    const byDistrict = asAdmin(picks.districts);
    const noRegion = asAdmin([undefined]);
    const asRole = (role: 'ACCOUNT_MANAGER' | 'SUPERVISOR') =>
      Promise.all(
        picks.cities.map(async (c) => ({
          token: await issuer.token([role], role === 'SUPERVISOR' ? c.supervisor : c.manager),
          variables: { filter: { ...FILTER, regionCode: c.city } },
        })),
      );
    const report = async (
      kind: 'page' | 'facets',
      label: string,
      query: string,
      calls: readonly { token: string; variables: object }[],
    ) => {
      const t = await time(endpoint, query, calls);
      const rows = kind === 'page' ? ` (${t.rows.toFixed(1)} rows on average)` : '';
      say(`  ${label}: ${ms(t)}${rows}`);
      if (t.p95 >= (kind === 'page' ? PAGE_GOAL_MS : FACETS_GOAL_MS))
        missed.push(`${kind} ${label}`);
    };
    if (PARTS.has('pages')) {
      say(
        `page of 20, tier A + segment VALUE by current value (goal p95 < ${PAGE_GOAL_MS} ms; ${picks.cities.length} cities, ${picks.districts.length} districts in turn):`,
      );
      await report('page', 'admin, city', pageQuery('groupAccounts'), byCity);
      await report(
        'page',
        'manager (myPortfolio), city',
        pageQuery('myPortfolio'),
        await asRole('ACCOUNT_MANAGER'),
      );
      await report(
        'page',
        'supervisor (myPortfolio), city',
        pageQuery('myPortfolio'),
        await asRole('SUPERVISOR'),
      );
      await report('page', 'admin, district', pageQuery('groupAccounts'), byDistrict);
      await report('page', 'admin, no region', pageQuery('groupAccounts'), noRegion);
      say(`facets of the same filter, no edges (goal p95 < ${FACETS_GOAL_MS} ms):`);
      await report('facets', 'admin, city', FACETS, byCity);
      await report('facets', 'admin, district', FACETS, byDistrict);
      await report('facets', 'admin, no region', FACETS, noRegion);
    }
    if (PARTS.has('export')) {
      const exported = await timeExport(service.baseUrl, admin, service.process.pid ?? 0);
      say(
        `export of tier A (${exported.rows.toLocaleString('en')} rows, ${(exported.bytes / 1024 / 1024).toFixed(1)} MiB CSV): ${exported.seconds.toFixed(1)} s; service RSS ${exported.before.toFixed(0)} MiB before, peak ${exported.peak.toFixed(0)} MiB`,
      );
    }
    if (PARTS.has('lag')) {
      const lag = await measureLag(dataSource, url, RATE, SECONDS);
      say(
        `read-model lag at ${lag.rate.toFixed(0)} events/s for ${SECONDS} s (goal p99 < 2 s): p50 ${(lag.p50 / 1000).toFixed(2)} s, p99 ${(lag.p99 / 1000).toFixed(2)} s, max ${(lag.max / 1000).toFixed(2)} s; ${lag.published.toLocaleString('en')} events published, ${lag.applied.toLocaleString('en')} of ${lag.measured.toLocaleString('en')} accounts' last events applied`,
      );
    }
  } finally {
    await service?.stop();
  }
  try {
    if (PARTS.has('rebuild')) {
      const rebuilt = await timeRebuild(url);
      say(
        `rebuild from the events (goal < 5 min): ${rebuilt.seconds.toFixed(1)} s (then compared in ${rebuilt.compareSeconds.toFixed(1)} s) for ${rebuilt.events.toLocaleString('en')} events, ${rebuilt.accounts.toLocaleString('en')} accounts; differences from the live model: ${rebuilt.differences} accounts`,
      );
    }
    if (missed.length > 0 || process.env['BENCH_EXPLAIN'] === '1') {
      const file = join(tmpdir(), 'portfolio-bench-plans.txt');
      writeFileSync(file, await explainPortfolioSearch(dataSource, explained));
      say(
        `plans of the page and facets SQL (EXPLAIN ANALYZE, BUFFERS) in ${file}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
