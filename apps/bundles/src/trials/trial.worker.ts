import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { reminderDates, trialTransition } from '@gap/bundles/domain';
import type { TrialJob } from './trial-job.js';
import { TrialQueue } from './trial-queue.repository.js';
import { TrialAnnouncer } from './trial.announcer.js';
import { TrialRepository } from './trial.repository.js';
import { trialFacts, trialPolicyOf } from './trial.scheduler.js';

export type TrialFireOutcome =
  | { readonly kind: 'FIRED' | 'ALREADY_FIRED' | 'CLOSED' | 'NOT_SCHEDULED' | 'GONE' }
  | { readonly kind: 'NOT_DUE'; readonly firesAt: Date };

/** A job that starts this little before its instant (clocks disagree) waits instead. */
const WAIT_AT_MOST_MS = 10_000;

/**
 * Runs the trial jobs against the trial as it stands, under its row lock: a closed trial sends
 * nothing; a step not due yet never fires early; a due step fires once, whatever runs its job
 * twice (a retry after a crash, two instances): the guard in the UPDATE (the state, and the
 * count of reminders sent) lets one transaction through, and the event goes out in it.
 */
@Injectable()
export class TrialWorker implements OnApplicationBootstrap {
  constructor(
    private readonly trials: TrialRepository,
    private readonly queue: TrialQueue,
    private readonly announcer: TrialAnnouncer,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.queue.work((job) => this.run(job));
  }

  async run(job: TrialJob): Promise<TrialFireOutcome> {
    let outcome = await this.fire(job);
    if (outcome.kind !== 'NOT_DUE') return outcome;
    const wait = outcome.firesAt.getTime() - Date.now();
    if (wait <= WAIT_AT_MOST_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0) + 5));
      outcome = await this.fire(job);
      if (outcome.kind !== 'NOT_DUE') return outcome;
    }
    // Not due yet (another instance's clock ran ahead): planned again for its instant.
    await this.queue.enqueue(
      { ...job, firesAt: outcome.firesAt.toISOString() },
      undefined,
      randomUUID(),
    );
    return outcome;
  }

  /** One attempt at the step, as of `now`. */
  fire(job: TrialJob, now: Date = new Date()): Promise<TrialFireOutcome> {
    return this.trials.transaction(async (tx): Promise<TrialFireOutcome> => {
      const trial = await this.trials.lock(tx, job.trialId);
      if (!trial) return { kind: 'GONE' };
      if (trial.state !== 'ACTIVE') return { kind: 'CLOSED' };
      if (job.kind === 'REMINDER') {
        const due = reminderDates(trialFacts(trial), trialPolicyOf(trial))[job.reminder - 1];
        if (!due) return { kind: 'NOT_SCHEDULED' };
        if (due > now) return { kind: 'NOT_DUE', firesAt: due };
        if (!(await this.trials.markReminded(tx, trial.id, job.reminder))) {
          return { kind: 'ALREADY_FIRED' };
        }
        await this.announcer.ending(tx, trial, job.reminder, due);
        return { kind: 'FIRED' };
      }
      const outcome = trialTransition(trialFacts(trial), 'EXPIRE', now);
      if (!outcome.ok) return { kind: 'NOT_DUE', firesAt: new Date(trial.endsAt) };
      if (!(await this.trials.close(tx, trial.id, 'EXPIRED', null, now))) {
        return { kind: 'ALREADY_FIRED' };
      }
      await this.announcer.expired(tx, trial, null);
      return { kind: 'FIRED' };
    });
  }
}
