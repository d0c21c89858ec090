/**
 * `npm run bench:tiering`: a tiering run over 1,000,000 accounts with 12 months of inputs.
 *
 * 1. Generates the book in SQL in a fresh database: account profiles (groups of ten, industries,
 *    sizes, tenure) and twelve months of revenue and cost per account, skewed so that a fifth
 *    of the accounts hold most of the value.
 * 2. Times a bare set-based statement that computes the same Pareto cut on the same data, twice:
 *    the faster counts.
 * 3. Times a full run (preview + apply, TierChanged and ValueSegmentChanged events written to the
 *    outbox), then the same again with nothing changed (which must write no events). Every
 *    account starts in tier C, as new accounts do.
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down). BENCH_DATABASE_URL overrides the
 * database (default gap_bench_tiering, recreated), BENCH_ACCOUNTS the book size;
 * BENCH_KEEP_BOOK=1 keeps the book an earlier run generated and only resets tiers and runs.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrateDatabase, recreateDatabase } from '@gap/database';
import { OutboxPublisher } from '@gap/messaging';
import { DEFAULT_POLICY } from '@gap/tiering/domain';
import { TierOverrideRepository } from '@gap/tiering/app/overrides/tier-override.repository.js';
import { ApplyTieringRunService } from '@gap/tiering/app/runs/apply-tiering-run.service.js';
import { StartTieringRunService } from '@gap/tiering/app/runs/start-tiering-run.service.js';
import {
  RUN_SETTINGS,
  TieringRunRepository,
  useRunSettings,
} from '@gap/tiering/app/runs/tiering-run.repository.js';
import { tieringDatabase } from '@gap/tiering/app/database';
import { TieringPolicyRepository } from '@gap/tiering/app/value/tiering-policy.repository.js';
import { ensurePostgres } from '../testing/local-servers.js';

const url =
  process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench_tiering';
const BOOK = Number(process.env['BENCH_ACCOUNTS'] ?? 1_000_000);
const AS_OF = '2026-10';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

const P = DEFAULT_POLICY;
const R = P.retention;
const W = P.scoreWeights;
const AB = Math.round((P.cutoffs.A + P.cutoffs.B) * 1e9) / 1e9;
/**
 * The same Pareto cut as the run's, alone: each account's score (the policy's weights on its
 * trailing margin, its potential — the wallet of its employees or of its latest month's lines,
 * less its revenue — and its lifetime value, with retention from tenure and complaints,
 * discounted over the horizon) and its A/B/C place on the book's value curve. No groups, floors, hysteresis, overrides, segments, results kept or
 * events: what any set-based tiering must at least do. Its counts are the run's own tiers. It
 * sums, dates and places as the run does (whole fen, date_part, a window over the groups of
 * peers above) and runs with the run's settings.
 */
const BARE_PARETO = `
SELECT count(*) FILTER (WHERE tier = 'A') AS a, count(*) FILTER (WHERE tier = 'B') AS b,
       count(*) FILTER (WHERE tier = 'C') AS c
  FROM (
    SELECT CASE WHEN value <= 0 THEN 'C'
                WHEN above / total < ${P.cutoffs.A} THEN 'A' WHEN above / total < ${AB} THEN 'B' ELSE 'C' END AS tier
      FROM (
        SELECT value,
               coalesce(sum(greatest(value, 0)) OVER (
                 ORDER BY value DESC GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS above,
               sum(greatest(value, 0)) OVER () AS total
          FROM (
            SELECT ${W.current}::float8 * k.current
                   + ${W.potential}::float8 * greatest(0, greatest(
                       coalesce(('${JSON.stringify(P.walletPerEmployee)}'::jsonb ->> p.industry_code)::float8,
                                ${P.defaultWalletPerEmployee}::float8) * coalesce(p.employees, 0),
                       ${P.walletPerLine}::float8 * coalesce(m.lines, 0)) - k.revenue)
                   + ${W.lifetime}::float8 * (k.current
                     * CASE WHEN k.q = 1 THEN ${P.horizonYears}
                            ELSE k.q * (1 - power(k.q, ${P.horizonYears})) / (1 - k.q) END) AS value
              FROM tiering.account_profile p
              LEFT JOIN (
                SELECT group_account_id,
                       sum(((revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line
                             + revenue_broadband + revenue_group_short_number + revenue_cloud + revenue_iot
                             + revenue_other) * 100)::bigint)::bigint AS revenue_fen,
                       sum(((revenue_voice + revenue_data + revenue_leased_line + revenue_fixed_line
                             + revenue_broadband + revenue_group_short_number + revenue_cloud + revenue_iot
                             + revenue_other - cost_commission - cost_marketing - cost_operating) * 100)::bigint)::bigint
                         AS margin_fen,
                       sum(complaints) AS complaints,
                       (max(ARRAY[month - date '2000-01-01', lines]))[2] AS lines
                  FROM tiering.value_input
                 WHERE month > date '${AS_OF}-01' - interval '12 months' AND month <= date '${AS_OF}-01'
                 GROUP BY group_account_id) m USING (group_account_id)
              CROSS JOIN LATERAL (
                SELECT coalesce(m.margin_fen, 0)::float8 / 100 AS current,
                       coalesce(m.revenue_fen, 0)::float8 / 100 AS revenue,
                       least(${R.max}::float8, greatest(${R.min}::float8,
                         ${R.base}::float8 + ${R.perTenureYear}::float8 * CASE WHEN p.customer_since IS NULL THEN 0
                           ELSE greatest(0, ((date_part('year', date '${AS_OF}-01') - date_part('year', p.customer_since)) * 12
                                             + date_part('month', date '${AS_OF}-01') - date_part('month', p.customer_since))::int / 12) END
                         - ${R.perComplaint}::float8 * coalesce(m.complaints, 0)))
                       / (1 + ${P.discountRate}::float8) AS q) k) scores) curve) cut`;

/** Puts a kept book back as generated: every account in tier C, no runs, no events. */
async function resetBook(dataSource: DataSource): Promise<void> {
  const partitions = await dataSource.query<{ name: string }[]>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'tiering.tiering_run_result'::regclass`,
  );
  for (const { name } of partitions) await dataSource.query(`DROP TABLE tiering."${name}"`);
  await dataSource.query(
    'TRUNCATE tiering.tiering_run, tiering.tier_history, tiering.outbox, tiering.tier_override',
  );
  await dataSource.query(
    `UPDATE tiering.account_tier SET tier = 'C', computed_tier = NULL, segment = NULL,
            override_id = NULL, run_id = NULL`,
  );
  // As the migration and the generator leave it: every page half full.
  await dataSource.query('VACUUM FULL tiering.account_tier');
  await dataSource.query('ANALYZE tiering.account_tier');
}

async function main(): Promise<void> {
  await ensurePostgres(url);
  const keep = process.env['BENCH_KEEP_BOOK'] === '1';
  const dataSource = createServiceDataSource({ ...tieringDatabase(url), poolSize: 2 });
  if (keep) {
    await dataSource.initialize();
    await resetBook(dataSource);
  } else {
    await recreateDatabase(url);
    await migrateDatabase(tieringDatabase(url));
    await dataSource.initialize();
  }
  try {
    say(`tiering benchmark on ${url}: ${BOOK.toLocaleString('en')} accounts, 12 months each`);
    const [, generated] = await timed(async () => {
      if (keep) return;
      await dataSource.query(
        `INSERT INTO tiering.account_profile
           (group_account_id, account_code, industry_code, region_code, employees, status, parent_id,
            group_head_id, customer_since)
         SELECT md5(g::text)::uuid, 'GA' || lpad(g::text, 8, '0'),
                (ARRAY['C','I','J','G','F','E','S','P','Q','K'])[1 + g % 10], '350102',
                1 + (g::bigint * 7919) % 3000, 'ACTIVE',
                CASE WHEN g % 10 = 0 THEN NULL ELSE md5((g - g % 10)::text)::uuid END,
                md5(CASE WHEN g % 10 = 0 THEN g ELSE g - g % 10 END::text)::uuid,
                date '2008-01-01' + ((g::bigint * 37) % 6000)::int
           FROM generate_series(1, $1) g`,
        [BOOK],
      );
      // Every account got tier C when it was created (AccountCreated), as in the service.
      await dataSource.query(
        `INSERT INTO tiering.account_tier (group_account_id, tier, reason, policy_version, effective_from)
         SELECT group_account_id, 'C', 'NEW_ACCOUNT_WITHOUT_VALUE_HISTORY', $1, now()
           FROM tiering.account_profile`,
        [DEFAULT_POLICY.version],
      );
      await dataSource.query('SELECT setseed(0.42)');
      await dataSource.query(
        `INSERT INTO tiering.value_input
           (group_account_id, month, revenue_voice, revenue_data, revenue_leased_line, revenue_cloud,
            cost_commission, cost_operating, lines, complaints, loaded_by)
         SELECT md5(g::text)::uuid, (date '${AS_OF}-01' - make_interval(months => m))::date,
                round((s * 20000)::numeric, 2), round((s * 50000)::numeric, 2),
                round((s * 80000 * (g % 3))::numeric, 2), round((s * 10000 * (g % 2))::numeric, 2),
                round((s * 8000)::numeric, 2), round((2000 + s * 30000)::numeric, 2),
                1 + (g % 200), (g + m) % 7 / 6, 'bench'
           FROM generate_series(1, $1) g
          CROSS JOIN generate_series(0, 11) m
          CROSS JOIN LATERAL (SELECT power(((g * 2654435761::bigint) % 1000003) / 1000003.0, 4) AS s) k`,
        [BOOK],
      );
      await dataSource.query('ANALYZE tiering.account_profile');
      await dataSource.query('ANALYZE tiering.value_input');
      await dataSource.query('ANALYZE tiering.account_tier');
    });
    say(keep ? 'kept the book of the last run' : `generated the book in ${generated.toFixed(1)} s`);

    // The bare statement gets the settings the run's own transaction sets itself.
    // Twice, and the faster counts: the first may read what the second finds in memory.
    const bareOnce = () =>
      timed(() =>
        dataSource.transaction(async (manager) => {
          await useRunSettings(manager);
          return manager.query<{ a: string; b: string; c: string }[]>(BARE_PARETO);
        }),
      );
    const bareTimes = [await bareOnce(), await bareOnce()];
    const [bare, bareSeconds] = bareTimes[0][1] <= bareTimes[1][1] ? bareTimes[0] : bareTimes[1];
    say(
      `bare Pareto statement (work_mem ${RUN_SETTINGS.work_mem}, JIT ${RUN_SETTINGS.jit}): ${bareSeconds.toFixed(1)} s, the faster of ${bareTimes.map(([, seconds]) => seconds.toFixed(1)).join(' s and ')} s (A ${bare[0]?.a}, B ${bare[0]?.b}, C ${bare[0]?.c})`,
    );

    const store = new TieringRunRepository(dataSource);
    const start = new StartTieringRunService(store, new TieringPolicyRepository(dataSource));
    const applying = new ApplyTieringRunService(
      store,
      new TierOverrideRepository(dataSource),
      new OutboxPublisher(dataSource),
    );
    const runs = { preview: start.preview.bind(start), apply: applying.apply.bind(applying) };
    const admin = { subject: 'bench', roles: ['ADMIN' as const] };
    const runOnce = async (effectiveFrom: string) => {
      const [preview, previewSeconds] = await timed(() =>
        runs.preview(admin, AS_OF, DEFAULT_POLICY.version),
      );
      const [applied, applySeconds] = await timed(() =>
        runs.apply(admin, preview.runId, effectiveFrom),
      );
      return {
        preview,
        applied,
        previewSeconds,
        applySeconds,
        total: previewSeconds + applySeconds,
      };
    };
    const first = await runOnce('2026-11-01');
    const a = first.preview.tiers[0];
    say(
      `first run: preview ${first.previewSeconds.toFixed(1)} s + apply ${first.applySeconds.toFixed(1)} s = ${first.total.toFixed(1)} s, ${first.applied.changed.toLocaleString('en')} TierChanged + ${first.applied.segmentsChanged.toLocaleString('en')} ValueSegmentChanged events (${(first.total / bareSeconds).toFixed(2)}× the bare statement)`,
    );
    const own = await dataSource.query<{ tier: string; n: number }[]>(
      `SELECT own_tier AS tier, count(*)::int AS n FROM tiering.tiering_run_result
        WHERE run_id = $1 GROUP BY own_tier ORDER BY own_tier`,
      [first.preview.resultsOf],
    );
    const ownCounts = Object.fromEntries(own.map((o) => [o.tier, o.n]));
    const same = ['a', 'b', 'c'].every(
      (t) => Number(bare[0]?.[t as 'a' | 'b' | 'c']) === (ownCounts[t.toUpperCase()] ?? 0),
    );
    say(
      `  the run's own tiers before group floors and hysteresis: A ${ownCounts['A']}, B ${ownCounts['B']}, C ${ownCounts['C']} (${same ? 'the same cut as the bare statement' : "NOT the bare statement's cut"})`,
    );
    say(
      `  tier A: ${a?.accounts.toLocaleString('en')} accounts (${(first.preview.accountShareOfA * 100).toFixed(1)} %) holding ${(first.preview.valueShareOfA * 100).toFixed(1)} % of the value`,
    );
    const second = await runOnce('2026-12-01');
    say(
      `re-run, nothing changed: preview ${second.previewSeconds.toFixed(1)} s + apply ${second.applySeconds.toFixed(1)} s = ${second.total.toFixed(1)} s, ${second.applied.changed + second.applied.segmentsChanged} events, results of ${second.preview.resultsOf === first.preview.runId ? 'the first run reused' : 'a new computation'} (${(second.total / first.total).toFixed(2)} of the first run)`,
    );
  } finally {
    await dataSource.destroy();
  }
}

await main();
