import { reason, type Reason } from '@gap/i18n';
import {
  ACCOUNT_TIERS,
  PRIORITIES,
  REQUEST_TYPES,
  type AccountTier,
  type Priority,
  type RequestType,
} from '../model/coordination-terms.js';

export const ESCALATION_LEVELS = [
  'DEPARTMENT_HEAD',
  'COORDINATION_LEAD',
  'SENIOR_MANAGEMENT',
] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * The SLA policy, versioned: every clock records the version it was started (or re-targeted)
 * with. All durations are **business minutes** on the business calendar (a business day is
 * 540 minutes at 09:00–18:00), so a target never runs down over a night, a weekend or a
 * holiday, nor while the clock is paused.
 */
export interface SlaPolicy {
  readonly version: string;
  /** Response = submitted to triaged: by tier × priority (the coordination team's work). */
  readonly responseMinutes: Readonly<Record<AccountTier, Readonly<Record<Priority, number>>>>;
  /** Resolution = triaged to resolved, for a tier B account: by type × priority. */
  readonly resolutionMinutes: Readonly<Record<RequestType, Readonly<Record<Priority, number>>>>;
  /** Resolution targets of tier A and C are tier B's times this factor (rounded up). */
  readonly resolutionTierFactor: Readonly<Record<AccountTier, number>>;
  /** The owner is warned when this share of the target is used (0 < share < 1). */
  readonly warningShare: number;
  /**
   * The ladder after a breach: each level fires `afterBreachMinutes` business minutes after the
   * due time (the department head at the breach itself).
   */
  readonly escalation: readonly {
    readonly level: EscalationLevel;
    readonly afterBreachMinutes: number;
  }[];
  /** How long after resolution (or closure, if later) a request may be reopened: calendar days. */
  readonly reopenWindowDays: number;
}

const DAY = 540;

/**
 * Defaults: tier A gets half tier B's response time and C double; P1 resolutions are hours,
 * leased-line builds weeks (a build needs survey, works and a test). A breach goes to the
 * department head at once, to the coordination lead half a business day later and to senior
 * management two business days after the breach.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  version: 'default-2026.1',
  responseMinutes: {
    A: { P1: 30, P2: 60, P3: 120, P4: 240 },
    B: { P1: 60, P2: 120, P3: 240, P4: 480 },
    C: { P1: 120, P2: 240, P3: 480, P4: 960 },
  },
  resolutionMinutes: {
    LEASED_LINE_BUILD: { P1: 5 * DAY, P2: 10 * DAY, P3: 15 * DAY, P4: 20 * DAY },
    SPECIAL_PRICING: { P1: DAY, P2: 2 * DAY, P3: 3 * DAY, P4: 5 * DAY },
    BID_SUPPORT: { P1: 240, P2: DAY, P3: 2 * DAY, P4: 3 * DAY },
    COMPLAINT: { P1: 240, P2: DAY, P3: 2 * DAY, P4: 3 * DAY },
    OTHER: { P1: DAY, P2: 2 * DAY, P3: 5 * DAY, P4: 10 * DAY },
  },
  resolutionTierFactor: { A: 0.75, B: 1, C: 1.5 },
  warningShare: 0.75,
  escalation: [
    { level: 'DEPARTMENT_HEAD', afterBreachMinutes: 0 },
    { level: 'COORDINATION_LEAD', afterBreachMinutes: 270 },
    { level: 'SENIOR_MANAGEMENT', afterBreachMinutes: 2 * DAY },
  ],
  reopenWindowDays: 30,
};

export type ClockKind = 'RESPONSE' | 'RESOLUTION';

export interface SlaSubject {
  readonly tier: AccountTier;
  readonly priority: Priority;
  readonly type: RequestType;
}

/** The target of a clock, in business minutes, under a policy. */
export function slaTarget(policy: SlaPolicy, kind: ClockKind, subject: SlaSubject): number {
  if (kind === 'RESPONSE') return policy.responseMinutes[subject.tier][subject.priority];
  const base = policy.resolutionMinutes[subject.type][subject.priority];
  return Math.ceil(base * policy.resolutionTierFactor[subject.tier]);
}

export type SlaPolicyProblemCode =
  | 'POLICY_VERSION_MISSING'
  | 'POLICY_TARGET_NOT_POSITIVE'
  | 'POLICY_FACTOR_NOT_POSITIVE'
  | 'POLICY_WARNING_SHARE_OUT_OF_RANGE'
  | 'POLICY_ESCALATION_NOT_ASCENDING'
  | 'POLICY_REOPEN_WINDOW_NEGATIVE';

/** What is wrong with a policy, each naming the field; empty when it may be saved. */
export function slaPolicyProblems(policy: SlaPolicy): Reason<SlaPolicyProblemCode>[] {
  const problems: Reason<SlaPolicyProblemCode>[] = [];
  const positive = (value: number) => Number.isFinite(value) && value > 0;
  if (policy.version.trim() === '')
    problems.push(reason('POLICY_VERSION_MISSING', { field: 'version' }));
  for (const tier of ACCOUNT_TIERS) {
    for (const priority of PRIORITIES) {
      const value = policy.responseMinutes[tier][priority];
      if (!positive(value)) {
        const field = `responseMinutes.${tier}.${priority}`;
        problems.push(reason('POLICY_TARGET_NOT_POSITIVE', { field, value }));
      }
    }
    const factor = policy.resolutionTierFactor[tier];
    if (!positive(factor)) {
      const field = `resolutionTierFactor.${tier}`;
      problems.push(reason('POLICY_FACTOR_NOT_POSITIVE', { field, value: factor }));
    }
  }
  for (const type of REQUEST_TYPES) {
    for (const priority of PRIORITIES) {
      const value = policy.resolutionMinutes[type][priority];
      if (!positive(value)) {
        const field = `resolutionMinutes.${type}.${priority}`;
        problems.push(reason('POLICY_TARGET_NOT_POSITIVE', { field, value }));
      }
    }
  }
  if (!(policy.warningShare > 0 && policy.warningShare < 1)) {
    const value = policy.warningShare;
    problems.push(reason('POLICY_WARNING_SHARE_OUT_OF_RANGE', { field: 'warningShare', value }));
  }
  policy.escalation.forEach((step, index) => {
    const previous = index === 0 ? 0 : (policy.escalation[index - 1]?.afterBreachMinutes ?? 0);
    const value = step.afterBreachMinutes;
    if (!Number.isFinite(value) || value < previous) {
      const field = `escalation.${index}.afterBreachMinutes`;
      problems.push(reason('POLICY_ESCALATION_NOT_ASCENDING', { field, value }));
    }
  });
  if (!(policy.reopenWindowDays >= 0)) {
    const value = policy.reopenWindowDays;
    problems.push(reason('POLICY_REOPEN_WINDOW_NEGATIVE', { field: 'reopenWindowDays', value }));
  }
  return problems;
}
