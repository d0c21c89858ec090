import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { escalationSchedule, type SlaClock } from '@gap/coordination/domain';
import { EscalationPlanner, type SavedClocks } from '../sla/escalation-planner.js';
import { SlaCalendarSource } from '../sla/sla-calendar.source.js';
import { clockEpoch, type EscalationJob } from './escalation-job.js';
import { EscalationQueue } from './escalation-queue.repository.js';
import { EscalationRepository } from './escalation.repository.js';

/**
 * Plans a request's ladder from its clocks as they stand: one job per step still owed, each for
 * its instant, enqueued in the caller's transaction. Nothing is cancelled: a job planned before
 * a pause, a resume or a re-target finds itself stale when it runs (see EscalationWorker), and a
 * step paused in course (no instant yet) is planned by the replan that resumes it.
 */
@Injectable()
export class EscalationScheduler extends EscalationPlanner {
  constructor(
    private readonly requests: EscalationRepository,
    private readonly source: SlaCalendarSource,
    private readonly queue: EscalationQueue,
  ) {
    super();
  }

  async replan(manager: EntityManager, requestId: string, saved?: SavedClocks): Promise<void> {
    const stands = saved ?? (await this.requests.request(manager, requestId))?.clocks;
    if (!stands) return;
    const clocks = [stands.response, stands.resolution].filter(
      (clock): clock is SlaClock => clock !== null && clock.stoppedAt === null,
    );
    if (clocks.length === 0) return;
    const fired = await this.requests.firedSteps(manager, requestId);
    const calendar = await this.source.calendar(manager);
    const jobs: { job: EscalationJob }[] = [];
    for (const clock of clocks) {
      const policy = await this.source.policy(clock.policyVersion, manager);
      const epoch = clockEpoch(clock);
      for (const step of escalationSchedule(clock, policy, calendar)) {
        if (step.firesAt === null || fired.has(step.key)) continue;
        jobs.push({
          job: { requestId, step: step.key, epoch, firesAt: step.firesAt.toISOString() },
        });
      }
    }
    await this.queue.enqueueAll(jobs, manager);
  }
}
