import {
  clockStatus,
  pauseClock,
  restartClock,
  resumeClock,
  runningClock,
  startClock,
  stopClock,
  type BusinessCalendar,
  type ClockResult,
  type CoordinationRequest,
  type RequestEffect,
  type SlaPolicy,
  type SlaSubject,
} from '@gap/coordination/domain';
import { clockKey, type RequestClocks } from './request.body.js';
import { RequestErrors } from './request.errors.js';

/** The clocks after a transition's effects, each through the domain's clock functions. */
export function applyClockEffects(
  clocks: RequestClocks,
  effects: readonly RequestEffect[],
  now: Date,
  policy: SlaPolicy,
  subject: SlaSubject,
): RequestClocks {
  let next = clocks;
  for (const effect of effects) {
    if (effect.kind === 'CREATE_TASK' || effect.kind === 'READY_TO_RESOLVE') continue;
    const key = clockKey(effect.clock);
    const current = next[key];
    if (effect.kind === 'START_CLOCK') {
      next = { ...next, [key]: startClock(effect.clock, now, policy, subject) };
      continue;
    }
    if (!current) throw RequestErrors.clockMissing(effect.clock);
    const result: ClockResult =
      effect.kind === 'STOP_CLOCK'
        ? stopClock(current, now)
        : effect.kind === 'PAUSE_CLOCK'
          ? pauseClock(current, now)
          : effect.kind === 'RESUME_CLOCK'
            ? resumeClock(current, now)
            : restartClock(current, now);
    if (!result.ok) throw RequestErrors.refused(result.refusal);
    next = { ...next, [key]: result.clock };
  }
  return next;
}

/**
 * Where the clock of the request's state stands, for the indexed columns: when it falls due
 * while running (`dueAt`, null when paused or none runs), and when it reaches its warning share
 * and its target (`warningAt`, `breachAt`), also while paused once they are reached (null while
 * a pause in course decides them).
 */
export interface SlaMarks {
  readonly dueAt: Date | null;
  readonly warningAt: Date | null;
  readonly breachAt: Date | null;
}

export function slaMarks(
  request: CoordinationRequest,
  clocks: RequestClocks,
  calendar: BusinessCalendar,
  now: Date,
): SlaMarks {
  const kind = runningClock(request.state);
  const clock = kind ? clocks[clockKey(kind)] : null;
  if (!clock || clock.stoppedAt) return { dueAt: null, warningAt: null, breachAt: null };
  const status = clockStatus(clock, now, calendar);
  return {
    dueAt: status.run === 'RUNNING' ? status.dueAt : null,
    warningAt: status.warningAt,
    breachAt: status.dueAt,
  };
}

/** When the clock running in the request's state falls due (null: none runs, or it is paused). */
export function runningDueAt(
  request: CoordinationRequest,
  clocks: RequestClocks,
  calendar: BusinessCalendar,
  now: Date,
): Date | null {
  return slaMarks(request, clocks, calendar, now).dueAt;
}
