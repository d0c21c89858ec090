import { reason, type Reason } from '@gap/i18n';
import { DEFAULT_TRIAL_POLICY, type Tier, type TrialPolicy } from './policy.js';

/** A trial: ACTIVE until it converts to a subscription or its end passes (EXPIRED). */
export const TRIAL_STATES = ['ACTIVE', 'CONVERTED', 'EXPIRED'] as const;
export type TrialState = (typeof TRIAL_STATES)[number];

export interface TrialFacts {
  readonly state: TrialState;
  readonly productCode: string;
  readonly tier: Tier;
  readonly startedAt: Date;
  readonly endsAt: Date;
}

export const TRIAL_REFUSAL_CODES = ['TRIAL_NOT_ACTIVE', 'TRIAL_ENDED', 'TRIAL_NOT_ENDED'] as const;
export type TrialRefusalCode = (typeof TRIAL_REFUSAL_CODES)[number];
export type TrialRefusal = Reason<TrialRefusalCode>;

const DAY_MS = 86_400_000;

/** A new trial of a product for an account of `tier`, its length set by policy per tier. */
export function startTrial(
  productCode: string,
  tier: Tier,
  startedAt: Date,
  policy: TrialPolicy = DEFAULT_TRIAL_POLICY,
): TrialFacts {
  const endsAt = new Date(startedAt.getTime() + policy.lengthDays[tier] * DAY_MS);
  return { state: 'ACTIVE', productCode, tier, startedAt, endsAt };
}

/** The moments reminders go out: the policy's days before the end, latest first, after start. */
export function reminderDates(
  trial: TrialFacts,
  policy: TrialPolicy = DEFAULT_TRIAL_POLICY,
): Date[] {
  return [...new Set(policy.reminderDaysBefore)]
    .sort((a, b) => b - a)
    .map((days) => new Date(trial.endsAt.getTime() - days * DAY_MS))
    .filter((at) => at.getTime() > trial.startedAt.getTime());
}

/** The reminders due at `now` that have not gone out yet (`sent` counts those that have). */
export function dueReminders(
  trial: TrialFacts,
  now: Date,
  sent: number,
  policy: TrialPolicy = DEFAULT_TRIAL_POLICY,
): Date[] {
  if (trial.state !== 'ACTIVE') return [];
  return reminderDates(trial, policy)
    .filter((at) => at.getTime() <= now.getTime())
    .slice(sent);
}

export type TrialOutcome =
  | { readonly ok: true; readonly trial: TrialFacts }
  | { readonly ok: false; readonly refusal: TrialRefusal };

/** The trial after converting or expiring at `now`, or why it cannot. */
export function trialTransition(
  trial: TrialFacts,
  action: 'CONVERT' | 'EXPIRE',
  now: Date,
): TrialOutcome {
  if (trial.state !== 'ACTIVE') {
    return { ok: false, refusal: reason('TRIAL_NOT_ACTIVE', { state: trial.state }) };
  }
  const ended = now.getTime() >= trial.endsAt.getTime();
  const endsAt = trial.endsAt.toISOString();
  if (action === 'CONVERT') {
    return ended
      ? { ok: false, refusal: reason('TRIAL_ENDED', { endsAt }) }
      : { ok: true, trial: { ...trial, state: 'CONVERTED' } };
  }
  return ended
    ? { ok: true, trial: { ...trial, state: 'EXPIRED' } }
    : { ok: false, refusal: reason('TRIAL_NOT_ENDED', { endsAt }) };
}

export interface ConversionRate {
  readonly productCode: string;
  readonly tier: Tier;
  readonly converted: number;
  readonly expired: number;
  readonly active: number;
  /** converted ÷ (converted + expired) in basis points, rounded down; null with none closed. */
  readonly rateBp: number | null;
}

/** Conversion of closed trials by product and tier, sorted by product then tier. */
export function conversionRates(trials: readonly TrialFacts[]): ConversionRate[] {
  const groups = new Map<
    string,
    { productCode: string; tier: Tier; counts: Record<TrialState, number> }
  >();
  for (const trial of trials) {
    const key = `${trial.productCode}\u0000${trial.tier}`;
    const group = groups.get(key) ?? {
      productCode: trial.productCode,
      tier: trial.tier,
      counts: { ACTIVE: 0, CONVERTED: 0, EXPIRED: 0 },
    };
    group.counts[trial.state] += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.productCode.localeCompare(b.productCode) || a.tier.localeCompare(b.tier))
    .map(({ productCode, tier, counts }) => {
      const closed = counts.CONVERTED + counts.EXPIRED;
      return {
        productCode,
        tier,
        converted: counts.CONVERTED,
        expired: counts.EXPIRED,
        active: counts.ACTIVE,
        rateBp: closed === 0 ? null : Math.floor((counts.CONVERTED * 10_000) / closed),
      };
    });
}
