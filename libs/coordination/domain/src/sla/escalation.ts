import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { instantAfterActiveMinutes, type SlaClock } from './sla-clock.js';
import type { EscalationLevel, SlaPolicy } from './sla-policy.js';

export type EscalationStepKind = 'WARNING' | EscalationLevel;

export interface EscalationStep {
  /** Stable per clock: a durable scheduler keys its job on (clock id, key) to fire it once. */
  readonly key: string;
  readonly kind: EscalationStepKind;
  /** Business minutes of the clock's running time at which the step fires. */
  readonly atActiveMinutes: number;
  /** The exact instant; null while a pause in course decides it (reschedule on resume). */
  readonly firesAt: Date | null;
}

/**
 * The ladder of a clock: the owner's warning at the clock's warning share of the target, the
 * department head at the breach, then each later level a policy delay after it. The delays are
 * business minutes on the clock's own running time, like the target: nobody is escalated to
 * senior management over a night, a holiday or while the request waits for the customer, and a
 * pause moves every step still to come. Steps that would fall after the clock stopped are not
 * in the list (the target was met, or the request ended); steps already past are, so the
 * scheduler can tell which ones it owes. Pass the ladder of the clock's own policy version.
 */
export function escalationSchedule(
  clock: SlaClock,
  policy: Pick<SlaPolicy, 'escalation'>,
  calendar: BusinessCalendar,
): EscalationStep[] {
  const target = clock.targetMinutes;
  const plan: { kind: EscalationStepKind; at: number }[] = [
    { kind: 'WARNING', at: clock.warningShare * target },
    ...policy.escalation.map((step) => ({
      kind: step.level,
      at: target + step.afterBreachMinutes,
    })),
  ];
  const steps: EscalationStep[] = [];
  for (const { kind, at } of plan) {
    const firesAt = instantAfterActiveMinutes(clock, at, calendar);
    if (clock.stoppedAt && (firesAt === null || firesAt >= clock.stoppedAt)) continue;
    steps.push({ key: `${clock.kind}:${kind}`, kind, atActiveMinutes: at, firesAt });
  }
  return steps;
}

/** The steps due at `now` that have not fired yet, in ladder order. */
export function dueEscalations(
  schedule: readonly EscalationStep[],
  now: Date,
  fired: ReadonlySet<string>,
): EscalationStep[] {
  return schedule.filter(
    (step) => step.firesAt !== null && step.firesAt <= now && !fired.has(step.key),
  );
}
