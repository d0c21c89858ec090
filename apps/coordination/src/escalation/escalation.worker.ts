import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  escalationSchedule,
  instantAfterActiveMinutes,
  slaStepEvent,
} from '@gap/coordination/domain';
import { OutboxPublisher } from '@gap/messaging';
import { SlaCalendarSource } from '../sla/sla-calendar.source.js';
import { clockEpoch, clockKindOf, type EscalationJob } from './escalation-job.js';
import { EscalationQueue } from './escalation-queue.repository.js';
import { EscalationRepository } from './escalation.repository.js';

export type FireOutcome =
  | { readonly kind: 'FIRED'; readonly notified: string | null }
  | { readonly kind: 'ALREADY_FIRED' | 'STALE' | 'NOT_SCHEDULED' }
  | { readonly kind: 'NOT_DUE'; readonly firesAt: Date };

/** A job that starts this little before its instant (clocks disagree) waits instead. */
const WAIT_AT_MOST_MS = 10_000;

/**
 * Runs the escalation jobs. Each looks at the request as it stands now, under its row lock:
 * a job of another epoch is stale (its clock was paused, resumed or re-targeted, and that
 * change planned a newer job); a step no longer on the ladder (the clock stopped first) or
 * paused in course does nothing; a step not due yet never fires early. A due step is recorded
 * once, whatever runs it twice (a retry after a crash, two instances): the row lock, the check
 * under any epoch and the escalation table's primary key together let one transaction through,
 * and the event goes out in that same transaction.
 */
@Injectable()
export class EscalationWorker implements OnApplicationBootstrap {
  constructor(
    private readonly requests: EscalationRepository,
    private readonly source: SlaCalendarSource,
    private readonly queue: EscalationQueue,
    private readonly outbox: OutboxPublisher,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.queue.work((job) => this.run(job));
  }

  async run(job: EscalationJob): Promise<FireOutcome> {
    let outcome = await this.fire(job);
    if (outcome.kind !== 'NOT_DUE') return outcome;
    const wait = outcome.firesAt.getTime() - Date.now();
    if (wait <= WAIT_AT_MOST_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0) + 5));
      outcome = await this.fire(job);
      if (outcome.kind !== 'NOT_DUE') return outcome;
    }
    // Same clock, later instant: the calendar changed (an admin's holiday). Planned anew.
    const firesAt = outcome.firesAt.toISOString();
    const moved = { ...job, firesAt };
    await this.queue.enqueue(moved, undefined, firesAt === job.firesAt ? randomUUID() : undefined);
    return outcome;
  }

  /** One attempt at the step, as of `now`. */
  fire(job: EscalationJob, now: Date = new Date()): Promise<FireOutcome> {
    return this.requests.transaction(async (manager): Promise<FireOutcome> => {
      const request = await this.requests.request(manager, job.requestId, true);
      const kind = clockKindOf(job.step);
      const clock = kind === 'RESPONSE' ? request?.clocks.response : request?.clocks.resolution;
      if (!request || !clock || clockEpoch(clock) !== job.epoch) return { kind: 'STALE' };
      const policy = await this.source.policy(clock.policyVersion, manager);
      const calendar = await this.source.calendar(manager);
      const step = escalationSchedule(clock, policy, calendar).find((s) => s.key === job.step);
      if (!step?.firesAt) return { kind: 'NOT_SCHEDULED' };
      if (step.firesAt > now) return { kind: 'NOT_DUE', firesAt: step.firesAt };
      if ((await this.requests.firedSteps(manager, request.id)).has(step.key)) {
        return { kind: 'ALREADY_FIRED' };
      }
      const notified = await this.requests.whomToNotify(manager, step.kind, request);
      const row = { requestId: request.id, step: step.key, epoch: job.epoch, notified };
      if (!(await this.requests.record(manager, { ...row, dueAt: step.firesAt }))) {
        return { kind: 'ALREADY_FIRED' };
      }
      const announcement = {
        requestId: request.id,
        groupAccountId: request.accountId,
        clock: kind,
        step: step.key,
        notify: notified,
        dueAt: step.firesAt.toISOString(),
      };
      const announced = slaStepEvent(step.kind);
      const aggregateId = request.accountId;
      if (announced.type === 'SlaWarning') {
        await this.outbox.record(manager, {
          type: 'SlaWarning',
          aggregateId,
          payload: announcement,
        });
      } else {
        const breachedAt = instantAfterActiveMinutes(clock, clock.targetMinutes, calendar);
        await this.outbox.record(manager, {
          type: announced.type,
          aggregateId,
          payload: {
            ...announcement,
            level: announced.level,
            breachedAt: (breachedAt ?? step.firesAt).toISOString(),
          },
        });
      }
      return { kind: 'FIRED', notified };
    });
  }
}
