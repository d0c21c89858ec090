/**
 * `npm run bench:bundles`: the bundles service at the scale issue 16 names.
 *
 * 1. A fresh database (gap_bench_bundles) with the seed catalogue, 500 templates on sale and
 *    1,000,000 accounts in the service's projection (bundles-book.ts); the bundles service and
 *    the gateway started on it (PostgreSQL event transport).
 * 2. Qualification of one account against the 500 templates through the gateway's REST edge
 *    (`GET /api/v1/bundles/qualification`), different accounts in turn (p50/p95; goal p95 < 20 ms).
 * 3. Qualification of one template over the whole book through the gateway's GraphQL
 *    (`templateQualification`), for the seed templates (each; goal < 10 s).
 * 4. In process, the domain's pure functions: pricing a 200-line proposal (goal < 5 ms) and a
 *    configuration check on a 50-module template with its rules (goal < 1 ms), p50/p95.
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the
 * database (recreated); BENCH_ACCOUNTS, BENCH_TEMPLATES and BENCH_SAMPLES the sizes.
 */
import 'reflect-metadata';
import pg from 'pg';
import {
  catalogueOf,
  checkConfiguration,
  priceConfiguration,
  SEED_TEMPLATES,
} from '@gap/bundles/domain';
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
import { bundlesDatabase } from '@gap/bundles/app/database';
import { ensurePostgres } from '../testing/local-servers.js';
import { accountNumbered, syntheticBundle, writeAccounts, writeCatalogue } from './bundles-book.js';
import { fmt, load, percentile, say, timings, verdict } from './figures.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_bundles';
const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 1_000_000);
const TEMPLATES = Number(process.env['BENCH_TEMPLATES'] ?? 500);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 300);
const GOALS = { accountMs: 20, templateS: 10, pricingMs: 5, checkMs: 1 };

/** Times `work` `runs` times after `warm` untimed runs; milliseconds per run. */
function timeSync(work: () => unknown, runs: number, warm = 200): number[] {
  for (let i = 0; i < warm; i += 1) work();
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
}

async function call(baseUrl: string, token: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function accountQualification(gateway: string, token: string, db: pg.Pool) {
  const ids = await Promise.all(
    Array.from({ length: 50 }, (_, i) => accountNumbered(db, 1 + ((i * 19_997) % ACCOUNTS))),
  );
  const first = await call(gateway, token, `/api/v1/bundles/qualification?accountId=${ids[1]}`);
  const bundles = (first['bundles'] as { eligible: boolean }[]) ?? [];
  const eligible = bundles.filter((bundle) => bundle.eligible).length;
  for (const id of ids.slice(0, 10)) {
    await call(gateway, token, `/api/v1/bundles/qualification?accountId=${id}`);
  }
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    await call(gateway, token, `/api/v1/bundles/qualification?accountId=${ids[i % ids.length]}`);
    times.push(performance.now() - started);
  }
  const p95 = percentile(times, 95);
  say(
    `qualification of one account against ${fmt(bundles.length)} templates (REST edge; ${eligible} eligible for the first): ${timings(times)} (goal p95 < ${GOALS.accountMs} ms: ${verdict(p95, GOALS.accountMs)}) (${load()})`,
  );
}

async function templateQualification(gateway: string, token: string) {
  const query = `query Q($code: String!) { templateQualification(code: $code, first: 20) {
      eligibleAccounts byTier { tier count } byRegion { regionCode count } } }`;
  for (const template of SEED_TEMPLATES) {
    const started = performance.now();
    const body = await call(gateway, token, '/graphql', {
      method: 'POST',
      body: JSON.stringify({ query, variables: { code: template.code } }),
    });
    const seconds = (performance.now() - started) / 1000;
    const data = body['data'] as { templateQualification: { eligibleAccounts: number } } | null;
    if (!data) throw new Error(JSON.stringify(body['errors']));
    say(
      `qualification of ${template.code} over ${fmt(ACCOUNTS)} accounts (GraphQL): ${seconds.toFixed(2)} s, ${fmt(data.templateQualification.eligibleAccounts)} eligible (goal < ${GOALS.templateS} s: ${verdict(seconds, GOALS.templateS)})`,
    );
  }
}

function pureFunctions() {
  const priced = syntheticBundle(200, false);
  const catalogue = catalogueOf(priced.products);
  const input = {
    template: priced.template,
    catalogue,
    configuration: priced.configuration,
    tier: 'B' as const,
    manualDiscount: { kind: 'PERCENT' as const, bp: 300 },
  };
  const price = priceConfiguration(input);
  const pricing = timeSync(() => priceConfiguration(input), 2_000);
  say(
    `pricing a ${priced.configuration.lines.length}-line proposal: ${timings(pricing, 3)} (monthly net ${fmt(price.monthly.netFen)} fen; goal < ${GOALS.pricingMs} ms: ${verdict(percentile(pricing, 95), GOALS.pricingMs)})`,
  );
  const checked = syntheticBundle(50, true);
  const checkedCatalogue = catalogueOf(checked.products);
  const violations = checkConfiguration(checked.template, checkedCatalogue, checked.configuration);
  const checks = timeSync(
    () => checkConfiguration(checked.template, checkedCatalogue, checked.configuration),
    5_000,
  );
  say(
    `configuration check on a ${checked.template.modules.length + 1}-item template with ${checked.template.rules.length} rules: ${timings(checks, 3)} (${violations.length} violations; goal < ${GOALS.checkMs} ms: ${verdict(percentile(checks, 95), GOALS.checkMs)})`,
  );
}

async function main(): Promise<void> {
  say(`bundles benchmark on ${url.replace(/\/\/[^@]*@/, '//')} (${load()})`);
  pureFunctions();
  await ensurePostgres(url);
  await recreateDatabase(url);
  await migrateEventLog(url);
  await migrateDatabase(bundlesDatabase(url));
  const db = new pg.Pool({ connectionString: url, max: 4 });
  let started = performance.now();
  await writeCatalogue(db, TEMPLATES);
  await writeAccounts(db, ACCOUNTS);
  say(
    `book: ${fmt(TEMPLATES)} templates, ${fmt(ACCOUNTS)} accounts written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const issuer = await createTestIssuer();
  const auth = {
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_FILE: issuer.jwksFile,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const running: RunningService[] = [];
  try {
    started = performance.now();
    const bundles = await startServiceProcess(
      'bundles',
      'apps/bundles/src/main.ts',
      { ...auth, DATABASE_URL: url, EVENT_TRANSPORT: 'postgres' },
      180_000,
    );
    running.push(bundles);
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = await startServiceProcess(
      'gateway',
      'apps/gateway/src/main.ts',
      {
        ...auth,
        ACCOUNTS_URL: nowhere,
        TIERING_URL: nowhere,
        MANAGERS_URL: nowhere,
        COORDINATION_URL: nowhere,
        BUNDLES_URL: `${bundles.baseUrl}/graphql`,
      },
      180_000,
    );
    running.push(gateway);
    say(`services up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const admin = await issuer.token(['ADMIN'], 'A0001');
    await accountQualification(gateway.baseUrl, admin, db);
    await templateQualification(gateway.baseUrl, admin);
  } finally {
    for (const service of running.reverse()) await service.stop();
    await db.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
