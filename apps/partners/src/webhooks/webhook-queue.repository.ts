import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';

export const WEBHOOK_QUEUE = 'partners-webhooks';
export const WEBHOOK_JOBS_SCHEMA = 'partners_jobs';

interface WebhookJob {
  readonly messageId: string;
}

/**
 * The durable delivery queue (pg-boss on the service's database): a job per attempt, sent in
 * the transaction that wrote the message or logged the attempt before, so none is lost; when
 * to try again is the platform's schedule, not the queue's.
 */
@Injectable()
export class WebhookQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookQueue.name);
  private readonly boss: PgBoss;
  private started?: Promise<void>;
  pollingIntervalSeconds = 1;

  constructor(dataSource: DataSource) {
    const connectionString = (dataSource.options as { url?: string }).url;
    if (!connectionString) throw new Error('The webhook queue needs the DATABASE_URL.');
    this.boss = new PgBoss({
      connectionString,
      schema: WEBHOOK_JOBS_SCHEMA,
      application_name: 'partners:webhooks',
      max: 4,
    });
    this.boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      if (!(await this.boss.getQueue(WEBHOOK_QUEUE))) {
        // The queue's own retries only cover a worker dying mid-attempt.
        await this.boss.createQueue(WEBHOOK_QUEUE, {
          name: WEBHOOK_QUEUE,
          retryLimit: 3,
          retryDelay: 30,
          expireInSeconds: 120,
        });
      }
    })();
    return this.started;
  }

  /** Queues an attempt inside `tx`'s transaction, not before `at`. */
  async enqueue(tx: EntityManager, messageId: string, at?: Date): Promise<void> {
    await this.start();
    await this.boss.send(
      WEBHOOK_QUEUE,
      { messageId },
      {
        ...(at ? { startAfter: at } : {}),
        db: {
          executeSql: async (text, values) => ({ rows: await tx.query<unknown[]>(text, values) }),
        },
      },
    );
  }

  async work(attempt: (messageId: string) => Promise<void>): Promise<void> {
    await this.start();
    await this.boss.work<WebhookJob>(
      WEBHOOK_QUEUE,
      { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: 10 },
      async (jobs) => {
        await Promise.all(jobs.map((job) => attempt(job.data.messageId)));
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true });
    this.started = undefined;
  }
}
