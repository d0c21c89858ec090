/**
 * `npm run bench:managers`: the managers service's bulk work on this machine.
 *
 * 1. Rebalance: a generated book of 100,000 accounts and 2,000 managers (four grades, five
 *    provinces, some accounts outgrown by their tier, some without a manager, some managers
 *    overloaded or away) is written to a fresh database; the service previews a rebalance of
 *    the whole book (reading it, optimising, keeping the moves). Prints the time, the cost
 *    against the LP lower bound, moves, unassigned accounts and load spread; then applies it
 *    (handovers in one transaction).
 * 2. Exactness: 200 generated cases small enough to solve exactly (up to 10 accounts and 4
 *    managers): the optimiser's total against the true optimum, worst and mean gap.
 * 3. Offboarding: a manager with 500 accounts leaves; the time to plan every handover.
 * 4. Assignment at import speed, through the consumer as Kafka would deliver: a single new
 *    account among the managers (one event per batch: p50 and p95, goal p95 < 10 ms), then an
 *    import of BENCH_IMPORT accounts (default 100,000) arriving together in batches of 500:
 *    the time until every one has a primary manager or is listed (goal within 3 minutes).
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the
 * database (default gap_bench_managers, recreated); BENCH_ACCOUNTS, BENCH_MANAGERS and
 * BENCH_IMPORT the sizes.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { addDays, todayInChina } from '@gap/calendar';
import { createServiceDataSource, migrateDatabase, recreateDatabase } from '@gap/database';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_MANAGER_POLICY,
  planRebalance,
  solveExactly,
  type RebalanceProblem,
} from '@gap/managers/domain';
import { generateRebalanceProblem } from '@gap/managers/testing';
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  EventConsumer,
  type DeliveredRecord,
  type EventTransport,
} from '@gap/messaging';
import { managersDatabase } from '@gap/managers/app/database';
import {
  accountCreated,
  ADMIN,
  managersServices,
  type ManagersServices,
} from '@gap/managers/app/testing/harness.js';
import { ensurePostgres } from '../testing/local-servers.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_managers';
const ACCOUNTS = Number(process.env['BENCH_ACCOUNTS'] ?? 100_000);
const MANAGERS = Number(process.env['BENCH_MANAGERS'] ?? 2_000);
const IMPORTED = Number(process.env['BENCH_IMPORT'] ?? 100_000);
const SINGLES = 200;
const CONSUMER_BATCH = 500;
const SMALL_CASES = 200;
const OFFBOARDED = 500;

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(2);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Writes a generated problem as the service's own rows; room outside the problem is kept as capacity. */
async function writeBook(
  query: (sql: string, params?: unknown[]) => Promise<unknown>,
  problem: RebalanceProblem,
): Promise<void> {
  const managers = problem.managers;
  await query(
    `INSERT INTO managers.account_manager (id, name, grade, regions, industries, capacity, status, last_day)
     SELECT m.id, '经理 ' || m.id, m.grade, string_to_array(m.regions, ','),
            COALESCE(string_to_array(NULLIF(m.industries, ''), ','), '{}'), m.capacity, m.status,
            CASE WHEN m.status = 'LEAVING' THEN current_date + 30 END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[])
            AS m(id, grade, regions, industries, capacity, status)`,
    [
      managers.map((m) => m.id),
      managers.map((m) => m.grade),
      managers.map((m) => m.regions.join(',')),
      managers.map((m) => m.industries.join(',')),
      managers.map((m) => Math.max(0, m.capacity - m.fixedLoad)),
      managers.map((m) => (m.status === 'LEFT' ? 'ON_LEAVE' : m.status)),
    ],
  );
  const accounts = problem.accounts.map((a) => ({ ...a, uuid: randomUUID() }));
  const chunk = 20_000;
  for (let i = 0; i < accounts.length; i += chunk) {
    const part = accounts.slice(i, i + chunk);
    await query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
       SELECT id, '企业', region, industry, 'ACTIVE'
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS a(id, region, industry)`,
      [part.map((a) => a.uuid), part.map((a) => a.regionCode), part.map((a) => a.industryCode)],
    );
    await query(
      `INSERT INTO managers.account_tier (group_account_id, tier)
       SELECT * FROM unnest($1::uuid[], $2::text[])`,
      [part.map((a) => a.uuid), part.map((a) => a.tier)],
    );
    const owned = part.filter((a) => a.currentManagerId);
    await query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       SELECT id, manager, 'AUTOMATIC', 'bench' FROM unnest($1::uuid[], $2::text[]) AS p(id, manager)`,
      [owned.map((a) => a.uuid), owned.map((a) => a.currentManagerId)],
    );
  }
  await query('ANALYZE');
}

async function rebalanceAndOffboard(): Promise<void> {
  await ensurePostgres(url);
  await recreateDatabase(url);
  const options = managersDatabase(url);
  await migrateDatabase(options);
  const dataSource = await createServiceDataSource({ ...options, poolSize: 4 }).initialize();
  const services = managersServices(dataSource);
  // The whole book is the admin's to rebalance: a supervisor's reach is their team.
  const boss = ADMIN;
  try {
    let started = performance.now();
    const problem = generateRebalanceProblem({
      accounts: ACCOUNTS,
      managers: MANAGERS,
      seed: 20261130,
    });
    await writeBook((sql, params) => dataSource.query(sql, params), problem);
    say(
      `Book: ${fmt(ACCOUNTS)} accounts, ${fmt(MANAGERS)} managers written in ${seconds(started)} s`,
    );

    started = performance.now();
    const preview = await services.rebalances.preview(boss, { misfitOnly: false });
    const previewSeconds = seconds(started);
    const [stored] = await dataSource.query<
      { stats: { detail: Record<string, unknown>; loadShare: Record<string, number> | null } }[]
    >('SELECT stats FROM managers.rebalance WHERE id = $1', [preview.id]);
    const detail = stored?.stats.detail ?? {};
    const share = stored?.stats.loadShare;
    const gap = ((preview.totalCost - preview.lowerBound) / preview.lowerBound) * 100;
    say(`\nRebalance preview of the whole book (target under 30 s): ${previewSeconds} s`);
    say(
      `  optimiser alone: ${(preview.planMs / 1000).toFixed(2)} s; classes ${fmt(Number(detail['classes']))}, arcs ${fmt(Number(detail['arcs']))}, augmentations ${fmt(Number(detail['augmentations']))}`,
    );
    say(
      `  total cost ${fmt(preview.totalCost)}, LP lower bound ${fmt(preview.lowerBound)}: within ${gap.toFixed(3)} % of any plan's best`,
    );
    say(`  moves ${fmt(preview.moves)}, unassigned ${fmt(preview.unassigned)}`);
    say(
      `  load share (load ÷ most, every active manager who may take accounts) min/mean/max ${share ? `${share['min']?.toFixed(2)} / ${share['mean']?.toFixed(2)} / ${share['max']?.toFixed(2)}` : 'n/a'} (policy band 0.60–1.00), beside total cost ${fmt(preview.totalCost)}; ${fmt(Number(detail['balancingMoves'] ?? 0))} balancing moves; spread in points max/min ${preview.loadSpread?.toFixed(2) ?? 'n/a'}`,
    );

    started = performance.now();
    const applied = await services.rebalances.apply(boss, { rebalanceId: preview.id });
    say(
      `  applied in ${seconds(started)} s: ${fmt(applied.handovers)} handovers planned, ${fmt(applied.assigned)} first managers, ${fmt(applied.unassignable)} listed unassignable`,
    );

    // A manager with 500 accounts of the book's first province leaves.
    const leaver = 'L0001';
    await services.managers.register(ADMIN, {
      id: leaver,
      name: '离职经理',
      grade: 'SENIOR',
      regions: [problem.accounts[0]?.regionCode.slice(0, 4) + '00'],
      industries: [],
      capacity: 5_000,
      supervisorId: null,
    });
    await dataSource.query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
       SELECT gen_random_uuid(), '企业', $1, 'C', 'ACTIVE' FROM generate_series(1, $2)`,
      [problem.accounts[0]?.regionCode, OFFBOARDED],
    );
    await dataSource.query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       SELECT g.id, $1, 'AUTOMATIC', 'bench' FROM managers.group_account g
        WHERE NOT EXISTS (SELECT 1 FROM managers.primary_assignment p WHERE p.group_account_id = g.id)
          AND g.name = '企业' AND g.industry_code = 'C' AND g.region_code = $2
        LIMIT $3`,
      [leaver, problem.accounts[0]?.regionCode, OFFBOARDED],
    );
    started = performance.now();
    const offboarded = await services.offboarding.offboard(boss, {
      managerId: leaver,
      lastDay: addDays(todayInChina(), 14),
    });
    say(
      `\nOffboarding a manager with ${fmt(offboarded.accounts)} accounts among ${fmt(MANAGERS)} managers (target under 2 s): ${seconds(started)} s`,
    );
    say(
      `  ${fmt(offboarded.planned)} handovers planned, ${fmt(offboarded.unplaced.length)} accounts listed as unplaceable`,
    );

    await assignmentAtImportSpeed(dataSource, services, problem);
  } finally {
    await dataSource.destroy();
  }
}

/** Records of AccountCreated events as the transport would deliver them. */
function deliveredAccounts(
  regions: readonly string[],
  count: number,
  from: number,
): DeliveredRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const event = accountCreated(regions[(from + i) % regions.length], { status: 'ACTIVE' });
    return {
      topic: 'accounts.group-account',
      partition: 0,
      offset: String(from + i),
      key: event.aggregateId,
      value: JSON.stringify(event),
      headers: { [EVENT_ID_HEADER]: event.id, [EVENT_TYPE_HEADER]: event.type },
    };
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Automatic assignment through the consumer: one account alone, then an import at once. */
async function assignmentAtImportSpeed(
  dataSource: DataSource,
  services: ManagersServices,
  problem: RebalanceProblem,
): Promise<void> {
  const { assignments } = services;
  // Only the consumer's database work is measured: nothing is published or parked.
  const transport = {
    kind: 'kafka',
    publish: () => Promise.resolve(),
  } as unknown as EventTransport;
  const consumer = new EventConsumer(dataSource, transport, {
    groupId: 'managers-bench',
    handlers: { AccountCreated: (event, tx) => assignments.onAccountCreated(event, tx) },
  });
  const regions = [...new Set(problem.accounts.map((a) => a.regionCode))].sort();

  // The assignment alone: one account, one transaction (what a batch of one costs the service).
  const alone: number[] = [];
  for (let i = 0; i < SINGLES; i += 1) {
    const event = accountCreated(regions[i % regions.length], { status: 'ACTIVE' });
    const started = performance.now();
    await dataSource.transaction((tx) => assignments.onAccountCreated(event, tx));
    alone.push(performance.now() - started);
  }
  // Through the consumer, each event its own batch: the inbox and savepoint come on top.
  const singles = deliveredAccounts(regions, SINGLES, SINGLES);
  const took: number[] = [];
  for (const record of singles) {
    const started = performance.now();
    await consumer.consumeBatch([record]);
    took.push(performance.now() - started);
  }
  alone.sort((a, b) => a - b);
  took.sort((a, b) => a - b);
  say(
    `\nAutomatic assignment of a single new account among ${fmt(MANAGERS)} managers (goal p95 < 10 ms), ${SINGLES} in a row: in its own transaction p50 ${percentile(alone, 50).toFixed(1)} ms, p95 ${percentile(alone, 95).toFixed(1)} ms; through the consumer, a batch of one each, p50 ${percentile(took, 50).toFixed(1)} ms, p95 ${percentile(took, 95).toFixed(1)} ms`,
  );

  // Room for the import, so that what is measured is placement, not "nobody has room".
  const [{ points } = { points: 0 }] = await dataSource.query<{ points: number }[]>(
    `SELECT ($1::int * ${DEFAULT_MANAGER_POLICY.points.C} / greatest(count(*), 1) + 1)::int AS points
       FROM managers.account_manager WHERE status = 'ACTIVE'`,
    [IMPORTED],
  );
  await dataSource.query(
    `UPDATE managers.account_manager SET capacity = capacity + $1 WHERE status = 'ACTIVE'`,
    [points],
  );
  const started = performance.now();
  for (let from = 2 * SINGLES; from < 2 * SINGLES + IMPORTED; from += CONSUMER_BATCH) {
    const count = Math.min(CONSUMER_BATCH, 2 * SINGLES + IMPORTED - from);
    await consumer.consumeBatch(deliveredAccounts(regions, count, from));
  }
  const elapsed = (performance.now() - started) / 1000;
  const [placed] = await dataSource.query<{ primary: number; listed: number }[]>(
    `SELECT count(*) FILTER (WHERE pa.manager_id IS NOT NULL)::int AS primary,
            count(*) FILTER (WHERE u.group_account_id IS NOT NULL)::int AS listed
       FROM managers.group_account g
       LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
       LEFT JOIN managers.unassignable_account u ON u.group_account_id = g.id
      WHERE g.registered_by = 'C0001'`,
  );
  say(
    `Import of ${fmt(IMPORTED)} accounts arriving together, in consumer batches of ${CONSUMER_BATCH} (goal: every one with a primary manager within 180 s of the import's end): ${elapsed.toFixed(1)} s, ${fmt(IMPORTED / elapsed)} accounts/s; ${fmt(placed?.primary ?? 0)} with a primary manager, ${fmt(placed?.listed ?? 0)} listed unassignable`,
  );
}

function exactness(): void {
  let worst = 0;
  let total = 0;
  let solved = 0;
  let belowBound = 0;
  for (let seed = 1; seed <= SMALL_CASES; seed += 1) {
    const problem = generateRebalanceProblem({
      accounts: 4 + (seed % 7),
      managers: 2 + (seed % 3),
      seed,
      slack: 0.05,
      policy: DEFAULT_MANAGER_POLICY,
    });
    const exact = solveExactly(problem);
    const plan = planRebalance(problem);
    const gap = exact.totalCost > 0 ? (plan.totalCost - exact.totalCost) / exact.totalCost : 0;
    if (plan.lowerBound > exact.totalCost + 1e-6) belowBound += 1;
    worst = Math.max(worst, gap);
    total += gap;
    solved += 1;
  }
  say(`\nExactness on ${solved} generated cases of 4–10 accounts and 2–4 managers:`);
  say(
    `  gap to the exact optimum: worst ${(worst * 100).toFixed(3)} %, mean ${((total / solved) * 100).toFixed(4)} % (target within 1 %)`,
  );
  say(`  cases where the LP bound exceeded the optimum (must be 0): ${belowBound}`);
}

await rebalanceAndOffboard();
exactness();
say(`\nPeak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
