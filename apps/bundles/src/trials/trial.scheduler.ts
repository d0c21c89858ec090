import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { reminderDates, type TrialFacts, type TrialPolicy } from '@gap/bundles/domain';
import type { TrialJob } from './trial-job.js';
import { TrialQueue } from './trial-queue.repository.js';
import { TrialRepository, type StoredTrial, type Tx } from './trial.repository.js';

/** The trial as the domain's rules take it, its subject code standing for the product. */
export function trialFacts(trial: StoredTrial): TrialFacts {
  return {
    state: trial.state,
    productCode: trial.subjectCode,
    tier: trial.tier,
    startedAt: new Date(trial.startedAt),
    endsAt: new Date(trial.endsAt),
  };
}

/** The reminder days the trial was started with, as the domain's policy shape. */
export function trialPolicyOf(trial: StoredTrial): TrialPolicy {
  const days = trial.endsAt.getTime() - trial.startedAt.getTime();
  const length = Math.round(days / 86_400_000);
  return {
    lengthDays: { A: length, B: length, C: length },
    reminderDaysBefore: trial.reminderDays,
  };
}

/** Every job of an open trial: its reminders in order (1, 2, …), then its expiry. */
export function trialJobs(trial: StoredTrial): TrialJob[] {
  const reminders = reminderDates(trialFacts(trial), trialPolicyOf(trial));
  return [
    ...reminders.map((at, i) => ({
      trialId: trial.id,
      kind: 'REMINDER' as const,
      reminder: i + 1,
      firesAt: at.toISOString(),
    })),
    {
      trialId: trial.id,
      kind: 'EXPIRY' as const,
      reminder: 0,
      firesAt: new Date(trial.endsAt).toISOString(),
    },
  ];
}

/**
 * Plans a trial's reminders and expiry as durable jobs in the transaction that starts it, and
 * plans every open trial again at start-up (a job lost to a broken install is made up; one
 * planned already is not added twice: jobs are keyed by trial and step).
 */
@Injectable()
export class TrialScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(TrialScheduler.name);

  constructor(
    private readonly trials: TrialRepository,
    private readonly queue: TrialQueue,
  ) {}

  async plan(trial: StoredTrial, tx?: Tx): Promise<void> {
    for (const job of trialJobs(trial)) await this.queue.enqueue(job, tx);
  }

  onApplicationBootstrap(): void {
    void this.replanOpen().catch((error: unknown) =>
      this.logger.error(`the start-up sweep of trials failed: ${String(error)}`),
    );
  }

  async replanOpen(): Promise<number> {
    const open = await this.trials.open();
    for (const trial of open) await this.plan(trial);
    return open.length;
  }
}
