import { execFile } from 'node:child_process';
import type { DataSource } from 'typeorm';
import {
  createTransport,
  EventConsumer,
  migrateEventLog,
  type EventConsumerOptions,
  type EventTransport,
  type MessagingService,
} from '@gap/messaging';
import { eventually, openOwnTestDatabase, testDatabaseUrl } from '@gap/testing';
import { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { ACCOUNTS_MIGRATIONS, ACCOUNTS_SCHEMA } from '../migrations/index.js';
import { EventLogPositionsRepository } from './event-log-positions.repository.js';
import { PortfolioEntriesRepository } from './portfolio-entries.repository.js';
import { PortfolioFactsRepository } from './portfolio-facts.repository.js';
import { PortfolioFoldService } from './portfolio-fold.service.js';
import { createPortfolioRebuild } from './portfolio-rebuild.services.js';
import { portfolioHistory } from './portfolio-rebuild.fixture.js';
import {
  PORTFOLIO_TOPICS,
  type PortfolioRebuild,
  type RebuildProgress,
  type RebuildReport,
} from './portfolio-rebuild.service.js';
import { ACCOUNTS_CONSUMER_GROUP, PortfolioProjection } from './portfolio.projection.js';

const SUFFIX = 'portfolio_rebuild';
const ownUrl = () => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_${SUFFIX}`;
  return url.toString();
};

/** `npm run portfolio:rebuild` as an operator runs it, in English. */
function rebuildCli(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'apps/accounts/src/cli/rebuild-portfolio.ts',
        ...args,
      ],
      {
        env: {
          ...process.env,
          LANG: 'en_US.UTF-8',
          DATABASE_URL: ownUrl(),
          EVENT_TRANSPORT: 'postgres',
          LOG_LEVEL: 'warn',
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe('rebuilding the portfolio from the PostgreSQL event log', () => {
  let dataSource: DataSource;
  let transport: EventTransport;
  let live: EventConsumer;
  let rebuild: PortfolioRebuild;
  let log: EventLogPositionsRepository;
  let history: ReturnType<typeof portfolioHistory>;

  beforeAll(async () => {
    // A database of its own: the rebuild replays the whole log, which must hold only this history.
    dataSource = await openOwnTestDatabase(SUFFIX, {
      schema: ACCOUNTS_SCHEMA,
      entities: [GroupAccountEntity],
      migrations: ACCOUNTS_MIGRATIONS,
    });
    await migrateEventLog(ownUrl());
    transport = createTransport({ kind: 'postgres', url: ownUrl(), pollIntervalMs: 50 });
    await transport.ensureTopics(PORTFOLIO_TOPICS);
    // The live projection itself, its consumer started as MessagingService would start it.
    const messaging = {
      consume: (options: EventConsumerOptions) =>
        (live = new EventConsumer(dataSource, transport, options)),
    } as unknown as MessagingService;
    new PortfolioProjection(
      messaging,
      new PortfolioFoldService(
        new PortfolioFactsRepository(dataSource),
        new PortfolioEntriesRepository(),
      ),
    ).onModuleInit();
    await live.start();
    log = new EventLogPositionsRepository(dataSource);
    rebuild = createPortfolioRebuild(dataSource, transport);

    history = portfolioHistory(50);
    for (const { topic, record } of history.events) await transport.publish(topic, [record]);
    const snapshot = await log.snapshot(PORTFOLIO_TOPICS);
    await eventually(
      async () => {
        const committed = await log.committed(ACCOUNTS_CONSUMER_GROUP);
        return snapshot.spans.every((s) => (committed.get(s.topic) ?? -1n) >= BigInt(s.last));
      },
      30_000,
      'the live projection to apply the history',
    );
  }, 120_000);

  afterAll(async () => {
    await live.stop();
    await transport.close();
    await dataSource.destroy();
  });

  async function rebuilt(): Promise<{ report: RebuildReport; progress: RebuildProgress[] }> {
    const progress: RebuildProgress[] = [];
    const report = await rebuild.run({ onProgress: (p) => progress.push(p) });
    return { report, progress };
  }

  it('rebuilds the same rows as the live projection, the early manager and tier changes included', async () => {
    const { report, progress } = await rebuilt();
    expect(report).toMatchObject({ events: history.events.length, skipped: 0, accounts: 50 });
    expect(await rebuild.compare()).toEqual({
      accountRowsOnlyRebuilt: 0,
      accountRowsOnlyLive: 0,
      entryRowsOnlyRebuilt: 0,
      entryRowsOnlyLive: 0,
      accounts: 0,
      sample: [],
    });
    const first = history.ids[0] ?? '';
    const [row] = await dataSource.query<
      { primary: string; tier: string; handover: string; team: string[] }[]
    >(
      `SELECT primary_manager_id AS primary, tier, handover_state AS handover, team
         FROM portfolio_rebuild.portfolio_account WHERE group_account_id = $1`,
      [first],
    );
    // Handed over to E1999, then nobody could take it: no primary manager left.
    expect(row).toEqual({ primary: null, tier: 'A', handover: 'NONE', team: ['E2000'] });
    const last = progress.at(-1);
    expect(last?.total).toBeGreaterThanOrEqual(history.events.length);
    expect(last?.done).toBe(last?.total);
    expect(progress.every((p) => p.total !== null && p.done <= p.total)).toBe(true);
    const groups = await dataSource.query<unknown[]>(
      `SELECT 1 FROM event_log.consumer_offsets WHERE group_id LIKE 'accounts-portfolio-rebuild-%'`,
    );
    expect(groups).toHaveLength(0);
  });

  it('finds exactly the corrupted live row, and --apply repairs it but leaves a row written after the cut-off', async () => {
    const [corrupt, recent] = [history.ids[5] ?? '', history.ids[6] ?? ''];
    await dataSource.query(
      `UPDATE accounts.portfolio_account SET current_value = current_value + 1 WHERE group_account_id = $1`,
      [corrupt],
    );
    const { report } = await rebuilt();
    const differences = await rebuild.compare();
    expect(differences).toMatchObject({
      accountRowsOnlyRebuilt: 1,
      accountRowsOnlyLive: 1,
      accounts: 1,
      sample: [corrupt],
    });

    await dataSource.query(
      `UPDATE accounts.portfolio_account SET potential_value = potential_value + 7, applied_at = clock_timestamp()
        WHERE group_account_id = $1`,
      [recent],
    );
    expect(await rebuild.apply(report.cutoff)).toEqual({ replaced: 1, leftAlone: 1 });
    expect((await rebuild.compare()).sample).toEqual([recent]);
    const [repaired] = await dataSource.query<{ same: boolean }[]>(
      `SELECT l.current_value = r.current_value AS same
         FROM accounts.portfolio_account l JOIN portfolio_rebuild.portfolio_account r USING (group_account_id)
        WHERE group_account_id = $1`,
      [corrupt],
    );
    expect(repaired?.same).toBe(true);
    await dataSource.query(
      `UPDATE accounts.portfolio_account SET potential_value = potential_value - 7 WHERE group_account_id = $1`,
      [recent],
    );
  });

  it('fails the command line while differences remain, and repairs them with --apply', async () => {
    const victim = history.ids[7] ?? '';
    await dataSource.query(`DELETE FROM accounts.portfolio_entry WHERE group_account_id = $1`, [
      victim,
    ]);
    const check = await rebuildCli([]);
    expect(check.code).toBe(2);
    expect(check.stdout).toMatch(/events replayed/);
    expect(check.stdout).toContain(victim);
    expect(check.stderr).toMatch(/100% /);
    expect(check.stderr).not.toMatch(/\b(1[0-9][1-9]|[2-9]\d\d)% /);
    const repaired = await rebuildCli(['--apply']);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/matches the live one/);
    expect((await rebuild.compare()).accounts).toBe(0);
  }, 120_000);
});
