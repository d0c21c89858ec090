import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { ESCALATION_JOBS_SCHEMA } from '../escalation/escalation-queue.repository.js';

export const HUB_QUEUE = 'coordination-tmf621-hub';

export interface HubDeliveryJob {
  readonly hubId: string;
  readonly event: Record<string, unknown>;
}

/**
 * The hub's durable delivery queue (pg-boss, in the service's job schema): a job is enqueued in
 * the transaction of the consumer that read the service's own event, so none is lost or
 * doubled; a job whose delivery throws is tried again, later each time.
 */
@Injectable()
export class TmfHubQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TmfHubQueue.name);
  private readonly boss: PgBoss;
  private started?: Promise<void>;

  constructor(dataSource: DataSource) {
    const connectionString = (dataSource.options as { url?: string }).url;
    if (!connectionString) throw new Error('The TMF621 hub queue needs the DATABASE_URL.');
    this.boss = new PgBoss({
      connectionString,
      schema: ESCALATION_JOBS_SCHEMA,
      application_name: 'coordination:tmf621-hub',
      max: 2,
    });
    this.boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      if (!(await this.boss.getQueue(HUB_QUEUE))) {
        await this.boss.createQueue(HUB_QUEUE, {
          name: HUB_QUEUE,
          retryLimit: 12,
          retryDelay: 5,
          retryBackoff: true,
          expireInSeconds: 60,
        });
      }
    })();
    return this.started;
  }

  /** Queues one event for one listener inside `manager`'s transaction; the same id once. */
  async enqueue(manager: EntityManager, id: string, job: HubDeliveryJob): Promise<void> {
    await this.start();
    await this.boss.send(
      HUB_QUEUE,
      { ...job },
      {
        id,
        db: {
          executeSql: async (text, values) => ({
            rows: await manager.query<unknown[]>(text, values),
          }),
        },
      },
    );
  }

  /** Hands each job to `deliver`; a job whose delivery throws is tried again. */
  async work(deliver: (job: HubDeliveryJob) => Promise<void>): Promise<void> {
    await this.start();
    await this.boss.work<HubDeliveryJob>(HUB_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) await deliver(job.data);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true });
    this.started = undefined;
  }
}
