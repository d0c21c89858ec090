import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';

export const WEBHOOK_QUEUE = 'partners-webhooks';
export const WEBHOOK_JOBS_SCHEMA = 'partners_jobs';

/** Workers polling the queue, and the attempts each makes side by side per poll. */
const WORKERS = 4;
const BATCH_SIZE = 100;

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
  pollingIntervalSeconds = 0.5;

  constructor(dataSource: DataSource) {
    const connectionString = (dataSource.options as { url?: string }).url;
    if (!connectionString) throw new Error('The webhook queue needs the DATABASE_URL.');
    this.boss = new PgBoss({
      connectionString,
      schema: WEBHOOK_JOBS_SCHEMA,
      application_name: 'partners:webhooks',
      max: 2 + WORKERS,
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

  /** Queues attempts inside `tx`'s transaction, each not before its `at`, in one statement. */
  async enqueue(
    tx: EntityManager,
    attempts: readonly { readonly messageId: string; readonly at?: Date }[],
  ): Promise<void> {
    if (attempts.length === 0) return;
    await this.start();
    await this.boss.insert(
      attempts.map(({ messageId, at }) => ({
        name: WEBHOOK_QUEUE,
        data: { messageId },
        ...(at ? { startAfter: at } : {}),
      })),
      {
        db: {
          executeSql: async (text, values) => ({ rows: await tx.query<unknown[]>(text, values) }),
        },
      },
    );
  }

  /**
   * Works the queue: several workers, each taking a batch of due attempts per poll and making
   * them together (see `WebhookDispatchService.attemptAll`), so that ten thousand
   * notifications go out within seconds, not minutes (one worker of ten a poll sends ten a
   * second).
   */
  async work(attempt: (messageIds: string[]) => Promise<void>): Promise<void> {
    await this.start();
    const options = { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: BATCH_SIZE };
    for (let i = 0; i < WORKERS; i += 1) {
      await this.boss.work<WebhookJob>(WEBHOOK_QUEUE, options, async (jobs) => {
        await attempt(jobs.map((job) => job.data.messageId));
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true });
    this.started = undefined;
  }
}
