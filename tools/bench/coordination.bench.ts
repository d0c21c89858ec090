/**
 * `npm run bench:coordination`: the coordination service at the scale issue 17 names.
 *
 * 1. Starts the coordination service and the gateway (PostgreSQL event transport) on a fresh
 *    database (gap_bench_coordination), the business day round the clock (SLA_BUSINESS_OPENS/
 *    CLOSES 00:00–24:00) and a fortnight of working days, so that business time is wall time
 *    and due instants can be placed in the minute wanted.
 * 2. Raises a few requests through the gateway as the coordination team would (submitted; triaged
 *    to each department), then writes 100,000 open requests with running clocks set-based: each
 *    a copy of one of them moved in time, with the escalation jobs its ladder owes (pg-boss's
 *    bulk insert). 10,000 of them reach their warning in the same minute.
 * 3. Waits for those 10,000 steps: each one's lateness (fired − due), the most, and that each
 *    fired exactly once and nothing else fired (goal: all within 60 s).
 * 4. The SLA board over the 100,000 open requests through the gateway (p50/p95; goal p95 < 50 ms).
 * 5. A task transition (a department accepts its task) through the gateway's REST edge (p50/p95;
 *    goal p95 < 30 ms under 50 concurrent clients): one client; 50 clients at once, each pausing
 *    between tasks as a person would (BENCH_THINK_MS, 1 s on average); 50 clients that never
 *    pause, which measures how many transitions a second the service and gateway can take.
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the
 * database (recreated); BENCH_REQUESTS, BENCH_DUE, BENCH_CLIENTS and BENCH_SAMPLES the sizes;
 * BENCH_PARTS (`minute,board,transitions`) which steps run after the book is written. The book
 * is coordination-book.ts, the client side coordination-client.ts.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { businessCalendar } from '@gap/coordination/domain';
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
import { coordinationDatabase } from '@gap/coordination/app/database';
import { ESCALATION_JOBS_SCHEMA } from '@gap/coordination/app/escalation/escalation-queue.repository.js';
import { ensurePostgres } from '../testing/local-servers.js';
import { copyOf, jobsOf, prepare, templates, write } from './coordination-book.js';
import { acceptTasks, Gateway, timed, timings, type Row } from './coordination-client.js';
import { fmt, load, percentile, say } from './figures.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_coordination';
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 100_000);
const DUE = Number(process.env['BENCH_DUE'] ?? 10_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 50);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const TRANSITIONS_PER_CLIENT = 20;
const SEQUENTIAL = 200;
const PACED_PER_CLIENT = 10;
/** A person's mean pause between two tasks in the paced run (exponentially distributed). */
const THINK_MS = Number(process.env['BENCH_THINK_MS'] ?? 1_000);
/** Which steps after the book is written: `minute`, `board`, `transitions` (all by default). */
const PARTS = new Set(
  (process.env['BENCH_PARTS'] ?? 'minute,board,transitions').split(',').map((p) => p.trim()),
);
const HOURS = { opens: '00:00', closes: '24:00' };
const MINUTE = 60_000;

async function escalations(db: pg.Pool) {
  const { rows } = await db.query<{ requestId: string; step: string; late: number }>(
    `SELECT request_id AS "requestId", step,
            extract(epoch FROM fired_at - due_at) * 1000 AS late
       FROM coordination.escalation`,
  );
  return rows;
}

/** Waits for the steps due in `minute`: each one's lateness, and that each fired once. */
async function minuteOf(db: pg.Pool, due: Map<string, number>, minute: number) {
  const deadline = minute + 3 * MINUTE;
  let fired = await escalations(db);
  while (fired.length < DUE && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    fired = await escalations(db);
  }
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  fired = await escalations(db);
  const ofDue = fired.filter((r) => due.has(r.requestId) && r.step.endsWith(':WARNING'));
  const perRequest = new Map<string, number>();
  for (const row of ofDue) perRequest.set(row.requestId, (perRequest.get(row.requestId) ?? 0) + 1);
  const once = [...due.keys()].filter((id) => perRequest.get(id) === 1).length;
  const late = ofDue.map((r) => Number(r.late));
  say(`\n${fmt(DUE)} escalations due in the same minute (${load()}):`);
  say(
    `  fired exactly once: ${fmt(once)} of ${fmt(DUE)}; fired twice or more: ${fmt([...perRequest.values()].filter((n) => n > 1).length)}; other steps fired: ${fmt(fired.length - ofDue.length)}`,
  );
  say(
    `  lateness (fired − due): min ${(Math.min(...late) / 1000).toFixed(2)} s, p50 ${(percentile(late, 50) / 1000).toFixed(2)} s, p95 ${(percentile(late, 95) / 1000).toFixed(2)} s, max ${(Math.max(...late) / 1000).toFixed(2)} s (goal: all within 60 s, none early); ${late.filter((l) => l < 0).length} early, ${late.filter((l) => l >= 60_000).length} over 60 s`,
  );
}

async function main(): Promise<void> {
  await ensurePostgres(url);
  await recreateDatabase(url);
  await migrateEventLog(url);
  await migrateDatabase(coordinationDatabase(url));
  const db = new pg.Pool({ connectionString: url, max: 4 });
  const days = await prepare(db);
  const calendar = businessCalendar({ hours: HOURS, extraWorkdays: days });
  say(`coordination benchmark on ${url.replace(/\/\/[^@]*@/, '//')} (${load()})`);

  const issuer = await createTestIssuer();
  const auth = {
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    AUTH_JWKS_FILE: issuer.jwksFile,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  const running: RunningService[] = [];
  const boss = new PgBoss({ connectionString: url, schema: ESCALATION_JOBS_SCHEMA, max: 2 });
  try {
    const coordination = await startServiceProcess(
      'coordination',
      'apps/coordination/src/main.ts',
      {
        ...auth,
        DATABASE_URL: url,
        EVENT_TRANSPORT: 'postgres',
        SLA_BUSINESS_OPENS: HOURS.opens,
        SLA_BUSINESS_CLOSES: HOURS.closes,
      },
      180_000,
    );
    running.push(coordination);
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const gatewayProcess = await startServiceProcess(
      'gateway',
      'apps/gateway/src/main.ts',
      {
        ...auth,
        ACCOUNTS_URL: nowhere,
        TIERING_URL: nowhere,
        MANAGERS_URL: nowhere,
        COORDINATION_URL: `${coordination.baseUrl}/graphql`,
      },
      180_000,
    );
    running.push(gatewayProcess);
    const gateway = new Gateway(gatewayProcess.baseUrl);
    const coordinator = await issuer.token(['COORDINATOR'], 'C7002');
    const staff = await issuer.token(['DEPARTMENT_STAFF'], 'N7001');
    await boss.start();

    // 1. The open book: copies of the templates, clocks started within the last hour, their
    // next step hours away; then the copies whose warnings all fall in one minute.
    const [submitted, ...triaged] = await templates(gateway, coordinator, db);
    let started = performance.now();
    const background: Row[] = [];
    const forTransitions: Row[] = [];
    const transitions = 10 + 2 * SEQUENTIAL + CLIENTS * (PACED_PER_CLIENT + TRANSITIONS_PER_CLIENT);
    const now = Date.now();
    for (let i = 0; i < REQUESTS - DUE; i += 1) {
      const template = i % 2 === 0 ? submitted : triaged[(i >> 1) % triaged.length];
      const shift = now - Date.parse(String(template['created_at'])) - Math.random() * 60 * MINUTE;
      const row = copyOf(template, randomUUID(), `BENCH-${i}`, shift);
      background.push(row);
      if (template === triaged[0] && forTransitions.length < transitions) forTransitions.push(row);
    }
    await write(db, boss, background, calendar);
    say(
      `\n${fmt(background.length)} open requests with running clocks and ${fmt(
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM coordination_jobs.job'))
          .rows[0]?.n ?? 0,
      )} planned steps written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    const [firstDue] = jobsOf(submitted, calendar).filter((j) => j.step.endsWith(':WARNING'));
    const minute = Math.ceil((Date.now() + 75_000) / MINUTE) * MINUTE;
    const dueRows = Array.from({ length: DUE }, (_, i) => {
      const wanted = minute + Math.floor((i * MINUTE) / DUE);
      return copyOf(submitted, randomUUID(), `BENCH-DUE-${i}`, wanted - firstDue.firesAtMs);
    });
    const due = await write(db, boss, dueRows, calendar);
    // What autovacuum does soon after a bulk insert (its insert threshold), and this machine's
    // PostgreSQL may have it off: the visibility map lets the board read its index only.
    await db.query('VACUUM (ANALYZE) coordination.request');
    say(
      `${fmt(DUE)} more whose warnings fall due between ${new Date(minute).toISOString()} and the minute's end, written in ${((performance.now() - started) / 1000).toFixed(1)} s; ${fmt(REQUESTS)} open in all`,
    );
    const outOfMinute = [...due.values()].filter((at) => at < minute || at >= minute + MINUTE);
    if (outOfMinute.length > 0) throw new Error(`${outOfMinute.length} fall outside the minute`);

    // 2. The minute: every one of those steps, once, and how late.
    if (PARTS.has('minute')) await minuteOf(db, due, minute);

    // 3. The SLA board over the open book.
    if (PARTS.has('board')) {
      const BOARD = `{ slaBoard(breachingWithinHours: 4, first: 20) {
      asOf cells { departmentId state open breached warning breachingSoon }
      breachingSoon { id reference } } }`;
      for (let i = 0; i < 10; i += 1) await gateway.graphql(coordinator, BOARD);
      const board: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        board.push(await timed(() => gateway.graphql(coordinator, BOARD)));
      }
      const sample = await gateway.graphql<{
        slaBoard: { cells: { open: number }[] };
      }>(coordinator, BOARD);
      const open = sample.slaBoard.cells.reduce((sum, cell) => sum + cell.open, 0);
      say(`\nSLA board through the gateway over ${fmt(open)} open requests (${load()}):`);
      say(`  ${SAMPLES} samples: ${timings(board)} (goal p95 < 50 ms)`);
    }

    // 4. A department accepts its task, through the REST edge: one client, then 50 at once,
    // each pausing as a person would between two tasks, then 50 that never pause.
    if (PARTS.has('transitions')) {
      const rows = forTransitions.values();
      const run = (clients: number, each: number, thinkMs: number) =>
        acceptTasks(gateway, staff, rows, clients, each, thinkMs);
      await run(1, 10, 0);
      const runs: [string, Awaited<ReturnType<typeof run>>][] = [
        ['one client', await run(1, SEQUENTIAL, 0)],
        [
          'one client, straight to the service (no gateway)',
          await acceptTasks(new Gateway(coordination.baseUrl), staff, rows, 1, SEQUENTIAL, 0),
        ],
        [
          `${CLIENTS} clients, each pausing ${THINK_MS} ms on average between tasks`,
          await run(CLIENTS, PACED_PER_CLIENT, THINK_MS),
        ],
        [`${CLIENTS} clients that never pause`, await run(CLIENTS, TRANSITIONS_PER_CLIENT, 0)],
      ];
      say(`\nTask transition (accept) through the gateway's REST edge (${load()}):`);
      for (const [label, { times, failures, perSecond }] of runs) {
        say(
          `  ${label}: ${fmt(times.length)} transitions, ${perSecond.toFixed(0)}/s: ${timings(times)} (goal p95 < 30 ms); ${failures.length} failed${failures.length ? `: ${failures[0]}` : ''}`,
        );
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
    for (const process of running.reverse()) await process.stop();
    await db.end();
  }
}

await main();
