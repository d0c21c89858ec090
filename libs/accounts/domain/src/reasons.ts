import { isReasonLongEnough } from '@gap/i18n';
import type { GroupAccountStatus } from './group-account.js';
import { STATUSES_NEEDING_REASON } from './lifecycle.js';

/**
 * The least a free-text reason must say (an override of a credit code, a suspension, a churn),
 * by weight: six Latin letters or two Chinese characters (see `textWeight` in @gap/i18n), so a
 * short Chinese reason such as 战略客户 says enough.
 */
export const REASON_MIN_WEIGHT = 6;

export type ReasonProblem = 'REQUIRED' | 'REASON_TOO_SHORT';

/**
 * What is wrong with the reason given for an override of a credit code (it says what was
 * checked, e.g. 工商登记系统核实，1998年旧代码), or null when it says enough.
 */
export function overrideReasonProblem(reason: string): ReasonProblem | null {
  return isReasonLongEnough(reason, REASON_MIN_WEIGHT) ? null : 'REASON_TOO_SHORT';
}

/**
 * What is wrong with the reason for a status change, or null: moves that stop service or end
 * the relationship must say why, in enough words; the others need no reason.
 */
export function statusReasonProblem(
  to: GroupAccountStatus,
  reason: string | null,
): ReasonProblem | null {
  if (!STATUSES_NEEDING_REASON.includes(to)) return null;
  if (reason === null || reason.trim() === '') return 'REQUIRED';
  return isReasonLongEnough(reason, REASON_MIN_WEIGHT) ? null : 'REASON_TOO_SHORT';
}
