import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { escalationJobId, type EscalationJob } from './escalation-job.js';

export const ESCALATION_QUEUE = 'coordination-escalation';
export const ESCALATION_JOBS_SCHEMA = 'coordination_jobs';

export interface EscalationQueueOptions {
  /** The service's DATABASE_URL; the data source's URL when left out. */
  readonly connectionString?: string;
  /** How often an idle worker looks for due jobs: a step fires at most this late (plus work). */
  readonly pollingIntervalSeconds?: number;
}
export const ESCALATION_QUEUE_OPTIONS = Symbol('ESCALATION_QUEUE_OPTIONS');

type Handler = (job: EscalationJob) => Promise<unknown>;

/** Workers polling the queue, and the due jobs each takes per poll (worked one by one). */
const WORKERS = 4;
const BATCH_SIZE = 100;

/**
 * The escalation steps as durable jobs in PostgreSQL (pg-boss, schema coordination_jobs), one
 * per step planned, each due at its step's instant. A job is enqueued inside the transaction of
 * the change that planned it (pg-boss's `db` option over the caller's EntityManager), so a plan
 * and its jobs commit together; a job survives a crash of the process and runs on whichever
 * instance polls next. pg-boss stops before the data source closes, so shutdown stays clean.
 */
@Injectable()
export class EscalationQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(EscalationQueue.name);
  private readonly boss: PgBoss;
  private readonly pollingIntervalSeconds: number;
  private started?: Promise<void>;

  constructor(
    dataSource: DataSource,
    @Optional() @Inject(ESCALATION_QUEUE_OPTIONS) options: EscalationQueueOptions = {},
  ) {
    const connectionString =
      options.connectionString ?? (dataSource.options as { url?: string }).url;
    if (!connectionString) throw new Error('The escalation queue needs the DATABASE_URL.');
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.boss = new PgBoss({
      connectionString,
      schema: ESCALATION_JOBS_SCHEMA,
      application_name: 'coordination:escalation',
      max: 4 + WORKERS,
      // A job in hand when its process dies stays active until pg-boss's maintenance expires it:
      // every 10 s rather than its default two minutes, so that it still fires within a minute.
      maintenanceIntervalSeconds: 10,
    });
    this.boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  /** Starts pg-boss (installing its schema the first time) and the queue; once. */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      if (!(await this.boss.getQueue(ESCALATION_QUEUE))) {
        await this.boss.createQueue(ESCALATION_QUEUE, {
          name: ESCALATION_QUEUE,
          // A failed attempt (the database away) is tried again, a little later each time.
          retryLimit: 20,
          retryDelay: 5,
          retryBackoff: true,
          // A worker killed while it ran a job leaves it active: it expires and is tried again
          // after this, so a step still fires well within a minute of its time.
          expireInSeconds: 30,
        });
      }
    })();
    return this.started;
  }

  /**
   * Enqueues a step for its instant (at once when that is past), inside `manager`'s transaction
   * when given; planning the same step of the same plan again adds nothing (same job id).
   */
  async enqueue(job: EscalationJob, manager?: EntityManager, id = escalationJobId(job)) {
    await this.enqueueAll([{ job, id }], manager);
  }

  /** Enqueues the steps of a plan in one statement, each as {@link enqueue} does. */
  async enqueueAll(
    jobs: readonly { job: EscalationJob; id?: string }[],
    manager?: EntityManager,
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.start();
    await this.boss.insert(
      jobs.map(({ job, id }) => ({
        id: id ?? escalationJobId(job),
        name: ESCALATION_QUEUE,
        data: { ...job },
        startAfter: new Date(job.firesAt).toISOString(),
      })),
      manager ? { db: { executeSql: (text, values) => sqlOn(manager, text, values) } } : {},
    );
  }

  /**
   * Runs `handler` on due jobs, polled every few seconds; a handler that throws is retried.
   * Several workers, each taking a batch per poll: ten thousand steps falling due in one minute
   * fire within it (one job per poll would fire one step every two seconds).
   */
  async work(handler: Handler): Promise<void> {
    await this.start();
    const options = { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: BATCH_SIZE };
    for (let i = 0; i < WORKERS; i += 1) {
      await this.boss.work<EscalationJob>(ESCALATION_QUEUE, options, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops polling and closes pg-boss's pool; `graceful: false` drops jobs in hand (a crash). */
  async stop(graceful = true): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful, wait: true, timeout: 5_000, close: true });
    this.started = undefined;
  }
}

async function sqlOn(manager: EntityManager, text: string, values: unknown[]) {
  // TypeORM gives the rows of a SELECT or INSERT … RETURNING as they are.
  const rows = await manager.query<unknown[]>(text, values);
  return { rows };
}
