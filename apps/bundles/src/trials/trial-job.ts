import { createHash } from 'node:crypto';

/** A job of the trial queue: one reminder (1, 2, … in the policy's order) or the expiry. */
export interface TrialJob {
  readonly trialId: string;
  readonly kind: 'REMINDER' | 'EXPIRY';
  /** The reminder's number; 0 for the expiry. */
  readonly reminder: number;
  /** ISO instant it is planned for. */
  readonly firesAt: string;
}

/**
 * The job's id, the same for the same trial and step: planning a trial again (the start-up
 * sweep) adds nothing, as pg-boss skips an id it has. Laid out as a UUID (version 5, RFC 4122
 * variant), the type pg-boss keys jobs by.
 */
export function trialJobId(job: TrialJob): string {
  const hex = createHash('sha1')
    .update(`trial|${job.trialId}|${job.kind}|${job.reminder}`)
    .digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
