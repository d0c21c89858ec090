import { isCalendarDate, type CalendarDate } from '@gap/calendar';
import type { FieldViolation } from '@gap/errors';
import { isReasonLongEnough } from '@gap/i18n';
import {
  gradeMayOwn,
  maxLoad,
  type ManagerCandidate,
  type ManagerPolicy,
  type Tier,
} from '@gap/managers/domain';
import { HandoverErrors, TakeErrors } from './handover.errors.js';

/** A handover planned without a due day should be complete within two weeks. */
export const DEFAULT_HANDOVER_DAYS = 14;

/**
 * A reason that says too little, named (`zh` and `en` say what is asked for). Measured by
 * what the characters say (@gap/i18n), so 战略客户 passes.
 */
export function reasonViolation(
  reason: string | null | undefined,
  field: string,
  what: string,
  zh = '原因',
): FieldViolation[] {
  return isReasonLongEnough(reason) ? [] : [HandoverErrors.reasonTooShort(field, zh, what)];
}

export function dueViolations(dueOn: string, today: CalendarDate, field: string): FieldViolation[] {
  if (!isCalendarDate(dueOn)) return [HandoverErrors.dateInvalid(field, dueOn)];
  if (dueOn < today) return [HandoverErrors.dateInPast(field, dueOn, today)];
  return [];
}

/** Refuses a manager who may not take an account of `tier` now, naming `field`. */
export function assertMayTake(
  target: ManagerCandidate,
  tier: Tier,
  policy: ManagerPolicy,
  field: string,
): void {
  if (!gradeMayOwn(target.grade, tier, policy)) {
    throw TakeErrors.gradeCannotOwn(target.grade, tier, policy.version, field);
  }
  if (target.status !== 'ACTIVE') throw TakeErrors.notActive(target.id, target.status, field);
  const most = maxLoad(target, policy);
  if (target.load + policy.points[tier] > most) {
    throw TakeErrors.capacityExceeded(
      target.id,
      target.load,
      most,
      tier,
      policy.points[tier],
      field,
    );
  }
}

export function assertNoOpenHandover(
  account: { readonly id: string; readonly openHandoverId: string | null },
  field = 'input.groupAccountId',
): void {
  if (account.openHandoverId) {
    throw HandoverErrors.accountInHandover(account.id, account.openHandoverId, field);
  }
}
