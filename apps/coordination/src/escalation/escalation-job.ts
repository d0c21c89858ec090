import { createHash } from 'node:crypto';
import type { ClockKind, SlaClock } from '@gap/coordination/domain';

/** What a job of the escalation queue carries: one step of one clock, as planned. */
export interface EscalationJob {
  readonly requestId: string;
  /** The step's key, e.g. RESOLUTION:DEPARTMENT_HEAD (kind of clock, then level). */
  readonly step: string;
  /** The clock's epoch when the step was planned; see {@link clockEpoch}. */
  readonly epoch: number;
  /** ISO instant the step was planned for. */
  readonly firesAt: string;
}

export function clockKindOf(step: string): ClockKind {
  return step.startsWith('RESPONSE:') ? 'RESPONSE' : 'RESOLUTION';
}

/**
 * A number that changes whenever the clock's timing does (started, paused, resumed,
 * re-targeted, restarted), and only then: a job planned under another epoch is stale and does
 * nothing, the replan that changed the epoch having planned a new one. A 31-bit hash of the
 * clock's timing, so that it fits the `escalation.epoch` integer column; the stop time is left
 * out (a stop removes the steps after it from the ladder, which the worker sees).
 */
export function clockEpoch(clock: SlaClock): number {
  const timing = JSON.stringify([
    clock.startedAt.toISOString(),
    clock.targetMinutes,
    clock.warningShare,
    clock.policyVersion,
    clock.pauses.map((p) => [p.from.toISOString(), p.to?.toISOString() ?? null]),
    clock.retargetedAt?.toISOString() ?? null,
  ]);
  return createHash('sha256').update(timing).digest().readUInt32BE(0) & 0x7fffffff;
}

/**
 * The job's id, the same for the same plan: planning a request again without changing its
 * clocks (every change of the request replans) adds no job, as pg-boss skips an id it has.
 */
export function escalationJobId(job: EscalationJob): string {
  const hex = createHash('sha1')
    .update(`${job.requestId}|${job.step}|${job.epoch}|${job.firesAt}`)
    .digest('hex');
  // Laid out as a UUID (version 5, RFC 4122 variant), the type pg-boss keys jobs by.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
