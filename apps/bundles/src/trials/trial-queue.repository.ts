import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { trialJobId, type TrialJob } from './trial-job.js';

export const TRIAL_QUEUE = 'bundles-trials';
export const TRIAL_JOBS_SCHEMA = 'bundles_jobs';

export interface TrialQueueOptions {
  /** The service's DATABASE_URL; the data source's URL when left out. */
  readonly connectionString?: string;
  /** How often an idle worker looks for due jobs: a reminder goes out at most this late. */
  readonly pollingIntervalSeconds?: number;
}
export const TRIAL_QUEUE_OPTIONS = Symbol('TRIAL_QUEUE_OPTIONS');

const BATCH_SIZE = 50;

/**
 * Trial reminders and expiries as durable jobs in PostgreSQL (pg-boss, schema bundles_jobs),
 * one per step, each due at its instant, enqueued in the transaction that started the trial
 * (pg-boss's `db` option over the caller's EntityManager), so a trial and its jobs commit
 * together; a job survives a crash and runs on whichever instance polls next.
 */
@Injectable()
export class TrialQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TrialQueue.name);
  private readonly boss: PgBoss;
  private readonly pollingIntervalSeconds: number;
  private started?: Promise<void>;

  constructor(
    dataSource: DataSource,
    @Optional() @Inject(TRIAL_QUEUE_OPTIONS) options: TrialQueueOptions = {},
  ) {
    const connectionString =
      options.connectionString ?? (dataSource.options as { url?: string }).url;
    if (!connectionString) throw new Error('The trial queue needs the DATABASE_URL.');
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 5;
    this.boss = new PgBoss({
      connectionString,
      schema: TRIAL_JOBS_SCHEMA,
      application_name: 'bundles:trials',
      max: 4,
      maintenanceIntervalSeconds: 30,
    });
    this.boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  /** Starts pg-boss (installing its schema the first time) and the queue; once. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      if (!(await this.boss.getQueue(TRIAL_QUEUE))) {
        await this.boss.createQueue(TRIAL_QUEUE, {
          name: TRIAL_QUEUE,
          // A failed attempt (the database away) is tried again, a little later each time.
          retryLimit: 20,
          retryDelay: 5,
          retryBackoff: true,
          // A worker killed while it ran a job leaves it active: tried again after this.
          expireInSeconds: 60,
        });
      }
    })();
    return this.started;
  }

  /**
   * Enqueues a step for its instant (at once when that is past), inside `manager`'s transaction
   * when given; the same step of the same trial again adds nothing (same job id).
   */
  async enqueue(job: TrialJob, manager?: EntityManager, id = trialJobId(job)): Promise<void> {
    await this.start();
    await this.boss.send(
      TRIAL_QUEUE,
      { ...job },
      {
        id,
        startAfter: new Date(job.firesAt),
        ...(manager ? { db: { executeSql: (text, values) => sqlOn(manager, text, values) } } : {}),
      },
    );
  }

  /** Runs `handler` on due jobs, polled every few seconds; a handler that throws is retried. */
  async work(handler: (job: TrialJob) => Promise<unknown>): Promise<void> {
    await this.start();
    const options = { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: BATCH_SIZE };
    await this.boss.work<TrialJob>(TRIAL_QUEUE, options, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops polling and closes pg-boss's pool. */
  async stop(graceful = true): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful, wait: true, timeout: 5_000, close: true });
    this.started = undefined;
  }
}

async function sqlOn(manager: EntityManager, text: string, values: unknown[]) {
  const rows = await manager.query<unknown[]>(text, values);
  return { rows };
}
