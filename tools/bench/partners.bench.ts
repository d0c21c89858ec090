/**
 * `npm run bench:partners`: the partners service at the scale issue 18 names.
 *
 * 1. A fresh database (gap_bench_partners) with 1,000,000 companies in the service's account
 *    projection (partners-book.ts); the partners service (its own authorization server) and
 *    the gateway started on it (PostgreSQL event transport).
 * 2. Lead intake through the gateway's REST edge with a partner's OAuth token, each lead
 *    de-duplicated against the book: a third by an existing company's credit code, a third by
 *    an existing company's name written another way (trigram), a third new companies.
 *    One at a time (p50/p95; goal p95 < 50 ms), then 8 at a time for BENCH_SECONDS (leads/s).
 * 3. Webhook delivery: a second partner with 10 endpoints on a local receiver, one of which
 *    answers 500, submits leads for new companies until about BENCH_NOTIFICATIONS webhooks are
 *    due (each lead is told as received, and as qualified unless it is a possible duplicate
 *    waiting for review). Every one must end delivered or dead-lettered (the retry window is
 *    shortened to PARTNERS_WEBHOOK_RETRY_WINDOW_SECONDS=30 for the run). Printed: p50/p99 from
 *    the lead's change to the healthy endpoint's receipt (goal p99 < 2 s), and how long the
 *    lot took.
 *
 * The partner rate limit is lifted for the run (it would answer 429 by design). Needs
 * PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the database
 * (recreated); BENCH_ACCOUNTS, BENCH_SAMPLES, BENCH_SECONDS and BENCH_NOTIFICATIONS the sizes.
 */
import 'reflect-metadata';
import pg from 'pg';
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
import { partnersDatabase } from '@gap/partners/app/database';
import { ensurePostgres } from '../testing/local-servers.js';
import { companyNumbered, writePartnerBook } from './partners-book.js';
import { PartnerApi, WebhookReceiver } from './partners-client.js';
import { NOTIFIED_EVENTS } from '@gap/partners/app/webhooks/partner-notifications.js';
import { fmt, load, percentile, say, verdict } from './figures.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_partners';
const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 1_000_000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 300);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const NOTIFICATIONS = Number(process.env['BENCH_NOTIFICATIONS'] ?? 10_000);
const ENDPOINTS = 10;
const GOALS = { intakeMs: 50, deliveryMs: 2_000 };

let serial = 0;

/** A lead for a company the book does not have: told as received and qualified, nothing more. */
function newCompanyLead(): object {
  serial += 1;
  const fresh = companyNumbered(ACCOUNTS + serial);
  return {
    kind: 'LEAD',
    regionCode: fresh.regionCode,
    industrySection: 'I',
    creditCode: fresh.creditCode,
    // A number in the name keeps it apart from the book's names, so it is never a possible duplicate.
    companyName: `${fresh.brand}${String(serial).padStart(6, '0')}号数字科技有限公司`,
  };
}

/** The next lead of the mix: an existing company by code, by a name written another way, or new. */
function nextLead(): object {
  serial += 1;
  const known = companyNumbered(1 + ((serial * 7_919) % ACCOUNTS));
  const base = { kind: 'LEAD', regionCode: known.regionCode, industrySection: 'I' };
  switch (serial % 3) {
    case 0:
      return { ...base, creditCode: known.creditCode, companyName: known.name };
    case 1:
      // The same company written with its city in brackets and another legal form, no code.
      return { ...base, companyName: `${known.brand}${known.trade}(福建)股份有限公司` };
    default:
      return newCompanyLead();
  }
}

async function intake(api: PartnerApi): Promise<void> {
  for (let i = 0; i < 20; i += 1) await api.submitLead(nextLead());
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    await api.submitLead(nextLead());
    times.push(performance.now() - started);
  }
  const p95 = percentile(times, 95);
  say(
    `lead intake with de-duplication against ${fmt(ACCOUNTS)} accounts (REST edge, one at a time): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal p95 < ${GOALS.intakeMs} ms: ${verdict(p95, GOALS.intakeMs)}) (${load()})`,
  );
  let submitted = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (performance.now() < until) {
        await api.submitLead(nextLead());
        submitted += 1;
      }
    }),
  );
  const rate = submitted / ((performance.now() - started) / 1000);
  say(`sustained lead intake, 8 at a time for ${SECONDS} s: ${fmt(rate)} leads/s (${load()})`);
}

async function delivery(api: PartnerApi, receiver: WebhookReceiver, db: pg.Pool): Promise<void> {
  for (let i = 0; i < ENDPOINTS; i += 1) {
    await api.registerWebhook(receiver.url(i === 0 ? 'fail' : `ok-${i}`));
  }
  const leads = Math.ceil(NOTIFICATIONS / (2 * ENDPOINTS));
  const started = performance.now();
  for (let i = 0; i < leads; i += 4) {
    await Promise.all(
      Array.from({ length: Math.min(4, leads - i) }, () => api.submitLead(newCompanyLead())),
    );
  }
  const submittedS = (performance.now() - started) / 1000;
  // What the partner is to be told: its notified events, once the service has them all.
  const events = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM partners.outbox
            WHERE envelope->'payload'->>'partnerId' = $1 AND event_type = ANY ($2)`,
          [api.partnerId, Object.keys(NOTIFIED_EVENTS)],
        )
      ).rows[0]?.n ?? 0,
    );
  let last = '';
  let stalledSince = performance.now();
  let notified = 0;
  for (;;) {
    notified = await events();
    const [row] = (
      await db.query<{ sent: string; open: string }>(
        `SELECT count(*) AS sent, count(*) FILTER (WHERE status = 'PENDING') AS open
           FROM partners.webhook_message WHERE partner_id = $1`,
        [api.partnerId],
      )
    ).rows;
    const sent = Number(row?.sent ?? 0);
    const open = Number(row?.open ?? 0);
    if (sent >= notified * ENDPOINTS && open === 0) break;
    const mark = `${sent}/${open}`;
    if (mark !== last) [last, stalledSince] = [mark, performance.now()];
    if (performance.now() - stalledSince > 120_000) {
      throw new Error(`Webhook delivery stalled: ${sent} queued, ${open} pending`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const healthy = notified * (ENDPOINTS - 1);
  const allS = (performance.now() - started) / 1000;
  const { rows } = await db.query<{ status: string; healthy: boolean; n: string }>(
    `SELECT m.status, e.url NOT LIKE '%/fail' AS healthy, count(*) AS n
       FROM partners.webhook_message m JOIN partners.webhook_endpoint e ON e.id = m.endpoint_id
      WHERE m.partner_id = $1 GROUP BY 1, 2 ORDER BY 2, 1`,
    [api.partnerId],
  );
  const outcome = rows
    .map((r) => `${r.healthy ? 'healthy' : 'failing'} ${r.status} ${fmt(Number(r.n))}`)
    .join(', ');
  const latencies = receiver.latenciesMs();
  const p99 = percentile(latencies, 99);
  say(
    `webhook delivery of ${fmt(notified * ENDPOINTS)} notifications (${leads} new companies' leads submitted in ${submittedS.toFixed(1)} s, ${ENDPOINTS} endpoints, 1 failing): ${outcome}; all settled in ${allS.toFixed(1)} s`,
  );
  say(
    `  healthy endpoints, from the lead's change to receipt (${fmt(latencies.length)} of ${fmt(healthy)} received): p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (goal p99 < ${GOALS.deliveryMs} ms: ${verdict(p99, GOALS.deliveryMs)}) (${load()})`,
  );
}

async function main(): Promise<void> {
  say(`partners benchmark on ${url.replace(/\/\/[^@]*@/, '//')} (${load()})`);
  await ensurePostgres(url);
  await recreateDatabase(url);
  await migrateEventLog(url);
  await migrateDatabase(partnersDatabase(url));
  const db = new pg.Pool({ connectionString: url, max: 4 });
  let started = performance.now();
  await writePartnerBook(db, ACCOUNTS);
  say(
    `book: ${fmt(ACCOUNTS)} accounts written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const issuer = await createTestIssuer();
  const partnersPort = await freePort();
  const auth = {
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_FILE: issuer.jwksFile,
    AUTH_PARTNER_ISSUER: `http://127.0.0.1:${partnersPort}/oauth`,
    LOG_LEVEL: 'warn',
  };
  const receiver = await WebhookReceiver.start();
  const running: RunningService[] = [];
  try {
    started = performance.now();
    const partners = await startServiceProcess(
      'partners',
      'apps/partners/src/main.ts',
      {
        ...auth,
        // Development mode: webhooks may go to the receiver on this machine.
        NODE_ENV: 'development',
        PORT: String(partnersPort),
        DATABASE_URL: url,
        EVENT_TRANSPORT: 'postgres',
        PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER: 'true',
        PARTNERS_WEBHOOK_RETRY_WINDOW_SECONDS: '30',
        PARTNERS_RATE_LIMIT_REQUESTS: '100000000',
      },
      180_000,
    );
    running.push(partners);
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const gateway = await startServiceProcess(
      'gateway',
      'apps/gateway/src/main.ts',
      {
        ...auth,
        NODE_ENV: 'production',
        ACCOUNTS_URL: nowhere,
        TIERING_URL: nowhere,
        MANAGERS_URL: nowhere,
        COORDINATION_URL: nowhere,
        BUNDLES_URL: nowhere,
        PARTNERS_URL: `${partners.baseUrl}/graphql`,
      },
      180_000,
    );
    running.push(gateway);
    say(`services up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const admin = await issuer.token(['ADMIN'], 'A0001');
    const first = await PartnerApi.register(gateway.baseUrl, admin, 'AG-BENCH-1');
    await intake(first);
    const second = await PartnerApi.register(gateway.baseUrl, admin, 'AG-BENCH-2');
    await delivery(second, receiver, db);
  } finally {
    for (const service of running.reverse()) await service.stop();
    await receiver.stop();
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
