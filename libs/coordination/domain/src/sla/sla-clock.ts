import { reason, type Reason } from '@gap/i18n';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { addBusinessMinutes, businessMsBetween } from '../calendar/business-time.js';
import { MINUTE_MS } from '../calendar/china-time.js';
import { slaTarget, type ClockKind, type SlaPolicy, type SlaSubject } from './sla-policy.js';

/** A stretch the clock stood still (waiting for the customer); `to` is null while it lasts. */
export interface SlaPause {
  readonly from: Date;
  readonly to: Date | null;
}

/**
 * An SLA clock counts business minutes from its start, less its pauses, against a target. It
 * keeps the policy version it was started with: a new policy changes only clocks started after
 * it, unless the service re-targets a clock (a tier change, an admin's decision), and then the
 * new target counts from the same start but the clock is never due before the moment it was
 * re-targeted (no breach, no escalation, back-dated).
 */
export interface SlaClock {
  readonly kind: ClockKind;
  readonly startedAt: Date;
  readonly targetMinutes: number;
  readonly policyVersion: string;
  readonly warningShare: number;
  readonly pauses: readonly SlaPause[];
  /** When the target was met (triage, resolution); null while it runs. */
  readonly stoppedAt: Date | null;
  readonly retargetedAt: Date | null;
}

export type ClockRefusalCode =
  | 'CLOCK_ALREADY_PAUSED'
  | 'CLOCK_NOT_PAUSED'
  | 'CLOCK_STOPPED'
  | 'CLOCK_NOT_STOPPED'
  | 'CLOCK_TIME_BEFORE_LAST_EVENT';

export type ClockResult =
  | { readonly ok: true; readonly clock: SlaClock }
  | { readonly ok: false; readonly refusal: Reason<ClockRefusalCode> };

export function startClock(
  kind: ClockKind,
  at: Date,
  policy: SlaPolicy,
  subject: SlaSubject,
): SlaClock {
  return {
    kind,
    startedAt: at,
    targetMinutes: slaTarget(policy, kind, subject),
    policyVersion: policy.version,
    warningShare: policy.warningShare,
    pauses: [],
    stoppedAt: null,
    retargetedAt: null,
  };
}

function openPause(clock: SlaClock): SlaPause | undefined {
  const last = clock.pauses[clock.pauses.length - 1];
  return last && last.to === null ? last : undefined;
}

function lastEvent(clock: SlaClock): number {
  const last = clock.pauses[clock.pauses.length - 1];
  const times = [clock.startedAt, clock.retargetedAt, last?.from, last?.to, clock.stoppedAt];
  return Math.max(...times.map((t) => t?.getTime() ?? -Infinity));
}

function refuse(code: ClockRefusalCode, at?: Date): ClockResult {
  return { ok: false, refusal: reason(code, at ? { at: at.toISOString() } : {}) };
}

function checkTime(clock: SlaClock, at: Date): ClockResult | null {
  return at.getTime() < lastEvent(clock) ? refuse('CLOCK_TIME_BEFORE_LAST_EVENT', at) : null;
}

export function pauseClock(clock: SlaClock, at: Date): ClockResult {
  if (clock.stoppedAt) return refuse('CLOCK_STOPPED');
  if (openPause(clock)) return refuse('CLOCK_ALREADY_PAUSED');
  return (
    checkTime(clock, at) ?? {
      ok: true,
      clock: { ...clock, pauses: [...clock.pauses, { from: at, to: null }] },
    }
  );
}

export function resumeClock(clock: SlaClock, at: Date): ClockResult {
  const open = openPause(clock);
  if (clock.stoppedAt) return refuse('CLOCK_STOPPED');
  if (!open) return refuse('CLOCK_NOT_PAUSED');
  const pauses = [...clock.pauses.slice(0, -1), { from: open.from, to: at }];
  return checkTime(clock, at) ?? { ok: true, clock: { ...clock, pauses } };
}

/** The target is met (or the request ended): the clock stops; a pause in course ends with it. */
export function stopClock(clock: SlaClock, at: Date): ClockResult {
  if (clock.stoppedAt) return refuse('CLOCK_STOPPED');
  const refused = checkTime(clock, at);
  if (refused) return refused;
  const open = openPause(clock);
  const pauses = open ? [...clock.pauses.slice(0, -1), { from: open.from, to: at }] : clock.pauses;
  return { ok: true, clock: { ...clock, pauses, stoppedAt: at } };
}

/** A reopened request runs its stopped clock again; the time it stood stopped counts as paused. */
export function restartClock(clock: SlaClock, at: Date): ClockResult {
  if (!clock.stoppedAt) return refuse('CLOCK_NOT_STOPPED');
  const refused = checkTime(clock, at);
  if (refused) return refused;
  const pauses = [...clock.pauses, { from: clock.stoppedAt, to: at }];
  return { ok: true, clock: { ...clock, pauses, stoppedAt: null } };
}

/** The clock under a new policy (or a new tier) from `at`; see {@link SlaClock} for the rule. */
export function retargetClock(
  clock: SlaClock,
  policy: SlaPolicy,
  subject: SlaSubject,
  at: Date,
): ClockResult {
  if (clock.stoppedAt) return refuse('CLOCK_STOPPED');
  const refused = checkTime(clock, at);
  if (refused) return refused;
  return {
    ok: true,
    clock: {
      ...clock,
      targetMinutes: slaTarget(policy, clock.kind, subject),
      policyVersion: policy.version,
      warningShare: policy.warningShare,
      retargetedAt: at,
    },
  };
}

/**
 * A clock still counting (running or paused) under a new subject (the account's new tier) from
 * `at`, or from the clock's last change when that came later (an event learnt late is applied
 * as of the latest moment that keeps the clock's history in order). A stopped clock met or
 * missed its target under the old subject and keeps it.
 */
export function retargetOpenClock(
  clock: SlaClock,
  policy: SlaPolicy,
  subject: SlaSubject,
  at: Date,
): SlaClock {
  if (clock.stoppedAt) return clock;
  if (clock.targetMinutes === slaTarget(policy, clock.kind, subject)) return clock;
  const from = new Date(Math.max(at.getTime(), lastEvent(clock)));
  const result = retargetClock(clock, policy, subject, from);
  return result.ok ? result.clock : clock;
}

/** Business ms of the clock that have run by `now` (pauses and time after a stop excluded). */
export function activeMs(clock: SlaClock, now: Date, calendar: BusinessCalendar): number {
  const end = new Date(Math.min(now.getTime(), clock.stoppedAt?.getTime() ?? Infinity));
  if (end <= clock.startedAt) return 0;
  return businessMsBetween(clock.startedAt, end, calendar) - pausedMs(clock, end, calendar);
}

/** Business ms the clock has stood paused by `now`. */
export function pausedMs(clock: SlaClock, now: Date, calendar: BusinessCalendar): number {
  let total = 0;
  for (const pause of clock.pauses) {
    const from = Math.max(pause.from.getTime(), clock.startedAt.getTime());
    const to = Math.min(pause.to?.getTime() ?? Infinity, now.getTime());
    if (to > from) total += businessMsBetween(new Date(from), new Date(to), calendar);
  }
  return total;
}

/**
 * The instant the clock will have run `minutes` business minutes, skipping its pauses; null
 * when that falls after a pause still in course (it depends on when the pause ends).
 */
export function instantAfterActiveMinutes(
  clock: SlaClock,
  minutes: number,
  calendar: BusinessCalendar,
): Date | null {
  let remaining = Math.round(minutes * MINUTE_MS);
  let cursor = clock.startedAt;
  const pauses = [...clock.pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
  for (const pause of pauses) {
    const end = pause.to ?? null;
    if (end !== null && end <= cursor) continue;
    if (pause.from > cursor) {
      const budget = businessMsBetween(cursor, pause.from, calendar);
      if (remaining <= budget) break;
      remaining -= budget;
    }
    if (end === null) return null;
    cursor = end;
  }
  const reached = addBusinessMinutes(cursor, remaining / MINUTE_MS, calendar);
  const floor = clock.retargetedAt?.getTime() ?? -Infinity;
  return reached.getTime() < floor ? new Date(floor) : reached;
}

export const BREACH_STATES = ['ON_TRACK', 'WARNING', 'BREACHED'] as const;
export type BreachState = (typeof BREACH_STATES)[number];
export type ClockRunState = 'RUNNING' | 'PAUSED' | 'STOPPED';

export interface ClockStatus {
  readonly run: ClockRunState;
  /** Null while paused: the due time moves with the end of the pause. */
  readonly dueAt: Date | null;
  readonly warningAt: Date | null;
  readonly usedMinutes: number;
  /** Negative once overdue. */
  readonly timeLeftMinutes: number;
  readonly pausedMinutes: number;
  readonly breach: BreachState;
  readonly policyVersion: string;
}

/**
 * What a request shows of its clock at `now`. A running clock is BREACHED once it has used its
 * whole target (at the due instant itself); a stopped one only if it used more (met on time
 * when stopped exactly at the due time).
 */
export function clockStatus(clock: SlaClock, now: Date, calendar: BusinessCalendar): ClockStatus {
  const used = activeMs(clock, now, calendar) / MINUTE_MS;
  const target = clock.targetMinutes;
  const stopped = clock.stoppedAt !== null && clock.stoppedAt <= now;
  const overdue = stopped ? used > target : used >= target;
  const breach: BreachState = overdue
    ? 'BREACHED'
    : used >= clock.warningShare * target
      ? 'WARNING'
      : 'ON_TRACK';
  const paused = openPause(clock) !== undefined && !stopped;
  return {
    run: stopped ? 'STOPPED' : paused ? 'PAUSED' : 'RUNNING',
    dueAt: instantAfterActiveMinutes(clock, target, calendar),
    warningAt: instantAfterActiveMinutes(clock, clock.warningShare * target, calendar),
    usedMinutes: used,
    timeLeftMinutes: target - used,
    pausedMinutes: pausedMs(clock, now, calendar) / MINUTE_MS,
    breach,
    policyVersion: clock.policyVersion,
  };
}
