import { reason, type Reason } from '@gap/i18n';
import { gradeMayOwn } from '../fit.js';
import type { Grade, ManagerStatus, Tier } from '../manager.js';
import type { ManagerPolicy } from '../policy.js';
import { stateRefusal, type HandoverState, type HandoverStateRefusal } from './handover-state.js';

const DAY_MS = 86_400_000;

/** What completing a handover is decided on, read under the account's lock. */
export interface CompletionFacts {
  readonly state: HandoverState;
  readonly tier: Tier;
  /** When shadowing began; null while planned. */
  readonly startedAt: Date | null;
  /** Keys of checklist items still open. */
  readonly openItems: readonly string[];
  /** The incoming manager as they are now, not as they were when the handover was planned. */
  readonly incoming: { readonly id: string; readonly status: ManagerStatus; readonly grade: Grade };
}

export type CompletionRefusal =
  | HandoverStateRefusal
  | Reason<
      | 'CHECKLIST_INCOMPLETE'
      | 'INCOMING_MANAGER_NOT_ACTIVE'
      | 'INCOMING_GRADE_CANNOT_OWN_TIER'
      | 'SHADOW_PERIOD_NOT_OVER'
    >;

/** Whole days of shadowing from `startedAt` to `now`. */
export function shadowDays(startedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / DAY_MS));
}

/**
 * Whether the switch may happen now: null if so, the first refusal otherwise. The incoming
 * manager is checked again (they may have gone on leave, left or changed grade since the
 * plan, or the tier may have risen), and both managers must have served the account together
 * for the policy's minimum shadow period of its tier.
 */
export function completionRefusal(
  facts: CompletionFacts,
  policy: ManagerPolicy,
  now: Date,
): CompletionRefusal | null {
  const byState = stateRefusal(facts.state, 'COMPLETE');
  if (byState) return byState;
  if (facts.openItems.length > 0) {
    return reason('CHECKLIST_INCOMPLETE', { open: facts.openItems.join(', ') });
  }
  const { incoming, tier } = facts;
  if (incoming.status !== 'ACTIVE') {
    return reason('INCOMING_MANAGER_NOT_ACTIVE', {
      managerId: incoming.id,
      status: incoming.status,
    });
  }
  if (!gradeMayOwn(incoming.grade, tier, policy)) {
    return reason('INCOMING_GRADE_CANNOT_OWN_TIER', {
      managerId: incoming.id,
      grade: incoming.grade,
      tier,
      policyVersion: policy.version,
    });
  }
  const required = policy.handover.minShadowDays[tier];
  const served = facts.startedAt ? shadowDays(facts.startedAt, now) : 0;
  if (served < required) {
    const earliest = new Date((facts.startedAt ?? now).getTime() + required * DAY_MS);
    return reason('SHADOW_PERIOD_NOT_OVER', {
      tier,
      required,
      served,
      earliest: earliest.toISOString(),
      policyVersion: policy.version,
    });
  }
  return null;
}
