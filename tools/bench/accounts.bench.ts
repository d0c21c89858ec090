/**
 * `npm run bench:accounts`: the accounts service at the size of a provincial group book.
 *
 * 1. Loads 1,000,000 generated accounts (the demo generator, one group of 100,000 nodes ten
 *    levels deep) into a fresh database, in batches, with every index in place.
 * 2. Starts the accounts service on it and times, through its GraphQL endpoint:
 *    - a filtered, sorted page of 50 (industry + district + status, by name), and the same
 *      with a province instead of a district;
 *    - the first page of 50 descendants of the 100,000-node group, and a page deep inside it.
 * 3. Imports 100,000 further accounts with the bulk import (as the CLI does), then the same
 *    file again (which must change nothing).
 * 4. The portfolio read model on that book (issue 19): pages and facets by tier, segment and
 *    value, its lag at 1,000 events/s, the CSV export and a rebuild (portfolio.bench.ts).
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the
 * database (default gap_bench, recreated), BENCH_ACCOUNTS the book size. BENCH_PORTFOLIO_REUSE=1
 * runs only step 4, on the book an earlier run left in that database.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { childPath, depthOf } from '@gap/accounts/domain';
import { createServiceDataSource, migrateDatabase, recreateDatabase } from '@gap/database';
import { migrateEventLog } from '@gap/messaging';
import {
  createTestIssuer,
  freePort,
  startServiceProcess,
  TEST_AUDIENCE,
  TEST_ISSUER,
} from '@gap/testing';
import { accountsDatabase } from '@gap/accounts/app/database';
import {
  createAccountsServices,
  type AccountsServices,
} from '@gap/accounts/app/accounts.services.js';
import { generateAccounts, type DemoAccountRow } from '../demo-book/demo-book.js';
import { ensurePostgres } from '../testing/local-servers.js';
import { portfolioBench } from './portfolio.bench.js';
import { percentile, say } from './figures.js';

/** A row of an accounts import file, as the bulk import takes it. */
type ImportRow = Parameters<AccountsServices['imports']['import']>[1][number];

const url = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench';
const BOOK = Number(process.env['BENCH_ACCOUNTS'] ?? 1_000_000);
const LARGEST_GROUP = Math.min(100_000, Math.floor(BOOK / 10));
const IMPORTED = Math.min(100_000, Math.floor(BOOK / 10));
const SAMPLES = 300;
const LOAD_BATCH = 5_000;

let peakRss = 0;
const sampleRss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

interface Placed {
  readonly id: string;
  readonly path: string;
}

/** Loads the book straight into the table (a data load, not business events: no outbox). */
async function loadBook(): Promise<{
  seconds: number;
  head: Placed;
  deep: Placed;
  combos: DemoAccountRow[];
}> {
  const dataSource = createServiceDataSource({ ...accountsDatabase(url), poolSize: 2 });
  await dataSource.initialize();
  const placed = new Map<string, Placed>();
  const combos: DemoAccountRow[] = [];
  let head: Placed | undefined;
  let deep: Placed | undefined;
  let batch: DemoAccountRow[] = [];
  let serial = 0;
  const started = performance.now();
  const flush = async () => {
    const rows = batch.map((row) => {
      serial += 1;
      const parent = row.parentCreditCode === null ? undefined : placed.get(row.parentCreditCode);
      const code = `GA${String(serial).padStart(8, '0')}`;
      const path = childPath(parent?.path ?? null, code);
      const account = { id: randomUUID(), path };
      placed.set(row.creditCode, account);
      head ??= account;
      if (depthOf(path) === 6 && path.startsWith(head.path + '/')) deep ??= account;
      return { row, code, ...account, parentId: parent?.id ?? null };
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    await dataSource.query(
      `INSERT INTO accounts.group_account
         (id, account_code, name, legal_name, credit_code, type, industry_code, region_code,
          employees, lines_count, founded_on, tags, status, parent_id, path, depth, created_by, created_at)
       SELECT u.id, u.code, u.name, u.legal, u.credit, u.type, u.industry, u.region, u.employees,
              u.lines, u.founded, ARRAY(SELECT jsonb_array_elements_text(u.tags)), u.status,
              u.parent, u.path, u.depth, 'bench', now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::int[], $10::int[], $11::date[], $12::jsonb[], $13::text[],
                     $14::uuid[], $15::text[], $16::int[])
           AS u(id, code, name, legal, credit, type, industry, region, employees, lines, founded,
                tags, status, parent, path, depth)`,
      [
        col((r) => r.id),
        col((r) => r.code),
        col((r) => r.row.name),
        col((r) => r.row.legalName),
        col((r) => r.row.creditCode),
        col((r) => r.row.type),
        col((r) => r.row.industryCode),
        col((r) => r.row.regionCode),
        col((r) => r.row.employees),
        col((r) => r.row.linesCount),
        col((r) => r.row.foundedOn),
        col((r) => JSON.stringify(r.row.tags)),
        col((r) => r.row.status),
        col((r) => r.parentId),
        col((r) => r.path),
        col((r) => depthOf(r.path)),
      ],
    );
    batch = [];
  };
  for (const row of generateAccounts({
    accounts: BOOK,
    largestGroup: LARGEST_GROUP,
    maxDepth: 10,
  })) {
    batch.push(row);
    if (serial % 997 === 0 && combos.length < SAMPLES) combos.push(row);
    if (batch.length === LOAD_BATCH) {
      await flush();
      if (serial % 100_000 === 0) say(`  loaded ${serial.toLocaleString('en')} accounts`);
    }
  }
  await flush();
  await dataSource.query("SELECT setval('accounts.account_code_seq', $1)", [serial + 1]);
  await dataSource.query('ANALYZE accounts.group_account');
  const seconds = (performance.now() - started) / 1000;
  await dataSource.destroy();
  if (!head || !deep) throw new Error('the generated book has no deep group');
  return { seconds, head, deep, combos };
}

async function timeQueries(
  endpoint: string,
  token: string,
  name: string,
  queries: readonly { query: string; variables: Record<string, unknown> }[],
): Promise<{ p50: number; p95: number; rows: number }> {
  const timings: number[] = [];
  let rows = 0;
  for (let i = -50; i < queries.length; i++) {
    const { query, variables } = queries[(i + queries.length) % queries.length];
    const started = performance.now();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: unknown };
    const elapsed = performance.now() - started;
    if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
    if (i >= 0) {
      timings.push(elapsed);
      rows += (JSON.stringify(body.data).match(/"id"/g) ?? []).length;
    }
  }
  return {
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    rows: rows / queries.length,
  };
}

function importRows(): ImportRow[] {
  const rows: ImportRow[] = [];
  for (const row of generateAccounts({
    accounts: IMPORTED,
    seed: 7_777,
    largestGroup: Math.min(2_000, IMPORTED),
  })) {
    rows.push({ ...row, row: rows.length + 1 });
  }
  return rows;
}

async function main(): Promise<void> {
  await ensurePostgres(url);
  if (process.env['BENCH_PORTFOLIO_REUSE'] === '1') {
    // A rerun of the portfolio part on the book a previous run left: its new migrations only.
    await migrateDatabase(accountsDatabase(url));
    say(`accounts benchmark on ${url}: the portfolio part, on the book already there`);
    await portfolioBench(url, BOOK, say);
    clearInterval(sampleRss);
    return;
  }
  await recreateDatabase(url);
  await migrateDatabase(accountsDatabase(url));
  await migrateEventLog(url);
  say(`accounts benchmark on ${url}`);

  const load = await loadBook();
  say(`loaded ${BOOK.toLocaleString('en')} accounts in ${load.seconds.toFixed(1)} s`);

  const issuer = await createTestIssuer();
  const port = await freePort();
  const service = await startServiceProcess('accounts', 'apps/accounts/src/main.ts', {
    DATABASE_URL: url,
    EVENT_TRANSPORT: 'postgres',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_FILE: issuer.jwksFile,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  const endpoint = `${service.baseUrl}/graphql`;
  const token = await issuer.token(['COORDINATOR'], 'C0001');
  const PAGE = `query Page($filter: GroupAccountFilter) {
    groupAccounts(first: 50, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
      edges { node { id accountCode name regionCode status } } pageInfo { endCursor hasNextPage } } }`;
  const DESCENDANTS = `query Below($id: ID!) { groupAccount(id: $id) {
      descendants(first: 50) { edges { node { id accountCode name depth } } pageInfo { endCursor } } } }`;
  try {
    const filteredPages = (label: string, region: (row: DemoAccountRow) => string) =>
      timeQueries(
        endpoint,
        token,
        label,
        load.combos.map((row) => ({
          query: PAGE,
          variables: {
            filter: {
              industryCodes: [row.industryCode],
              regionCode: region(row),
              statuses: ['ACTIVE'],
            },
          },
        })),
      );
    const district = await filteredPages('district page', (row) => row.regionCode);
    const province = await filteredPages('province page', (row) => row.regionCode.slice(0, 2));
    const descendants = await timeQueries(
      endpoint,
      token,
      'descendants',
      Array.from({ length: SAMPLES }, () => ({
        query: DESCENDANTS,
        variables: { id: load.head.id },
      })),
    );
    const deepDescendants = await timeQueries(
      endpoint,
      token,
      'descendants deep',
      Array.from({ length: SAMPLES }, () => ({
        query: DESCENDANTS,
        variables: { id: load.deep.id },
      })),
    );
    say(
      `filtered page of 50 (industry + district + status, by name): p50 ${district.p50.toFixed(1)} ms, p95 ${district.p95.toFixed(1)} ms (${district.rows.toFixed(0)} rows on average)`,
    );
    say(
      `filtered page of 50 (industry + province + status, by name): p50 ${province.p50.toFixed(1)} ms, p95 ${province.p95.toFixed(1)} ms (${province.rows.toFixed(0)} rows on average)`,
    );
    say(
      `descendants of the ${LARGEST_GROUP.toLocaleString('en')}-node group, first page of 50: p50 ${descendants.p50.toFixed(1)} ms, p95 ${descendants.p95.toFixed(1)} ms`,
    );
    say(
      `descendants of a level-6 node inside it, first page of 50: p50 ${deepDescendants.p50.toFixed(1)} ms, p95 ${deepDescendants.p95.toFixed(1)} ms`,
    );
  } finally {
    await service.stop();
  }

  const rows = importRows();
  const dataSource = createServiceDataSource(accountsDatabase(url));
  await dataSource.initialize();
  try {
    const { imports } = createAccountsServices(dataSource);
    const admin = { subject: 'bench', roles: ['ADMIN' as const] };
    let started = performance.now();
    const first = await imports.import(admin, rows);
    const importSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await imports.import(admin, rows);
    const rerunSeconds = (performance.now() - started) / 1000;
    say(
      `import of ${rows.length.toLocaleString('en')} accounts into the ${BOOK.toLocaleString('en')}-account book: ${importSeconds.toFixed(1)} s (${first.created} created, ${first.updated} updated, ${first.failed} failed)`,
    );
    say(
      `same file again: ${rerunSeconds.toFixed(1)} s (${again.created} created, ${again.updated} updated, ${again.unchanged} unchanged)`,
    );
  } finally {
    await dataSource.destroy();
  }
  await portfolioBench(url, BOOK, say);
  clearInterval(sampleRss);
  say(`peak RSS of the benchmark process: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
}

await main();
