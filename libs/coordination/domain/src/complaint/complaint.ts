import { reason, type Reason } from '@gap/i18n';
import type { AccountTier, Callback, Priority } from '../model/coordination-terms.js';

export const COMPLAINT_CATEGORIES = [
  'NETWORK_QUALITY', // 网络质量
  'BILLING', // 计费
  'SERVICE_ATTITUDE', // 服务态度
  'INSTALLATION_DELAY', // 装机延误
  'OTHER',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export interface ComplaintFacts {
  readonly category: ComplaintCategory;
  readonly tier: AccountTier;
  /** The customer's service is down or unusable now (not only degraded or mis-billed). */
  readonly serviceDown: boolean;
  /** Lines (专线, numbers) the complaint concerns. */
  readonly affectedLines: number;
  /** The customer's earlier complaints in the last 90 days. */
  readonly recentComplaints: number;
  /** The customer has gone, or threatens to go, to the regulator (工信部申诉) or the press. */
  readonly escalatedExternally: boolean;
}

export interface ComplaintClassification {
  readonly severity: ComplaintSeverity;
  readonly priority: Priority;
}

/** Lines at or above which an outage is critical whatever the tier. */
export const CRITICAL_AFFECTED_LINES = 50;

/**
 * Severity: CRITICAL when the customer went to the regulator or the press, or service is down
 * for a tier A account or for many lines; MAJOR when service is down, the customer complains
 * again (two or more in 90 days) or the account is tier A; MINOR otherwise. Priority follows
 * severity (P1, P2, P3); a coordinator may still raise it at triage.
 */
export function classifyComplaint(facts: ComplaintFacts): ComplaintClassification {
  const widespread = facts.serviceDown && facts.affectedLines >= CRITICAL_AFFECTED_LINES;
  if (facts.escalatedExternally || widespread || (facts.serviceDown && facts.tier === 'A')) {
    return { severity: 'CRITICAL', priority: 'P1' };
  }
  if (facts.serviceDown || facts.recentComplaints >= 2 || facts.tier === 'A') {
    return { severity: 'MAJOR', priority: 'P2' };
  }
  return { severity: 'MINOR', priority: 'P3' };
}

export type CallbackProblemCode =
  | 'CALLBACK_CALLER_REQUIRED'
  | 'CALLBACK_BEFORE_RESOLUTION'
  | 'CALLBACK_IN_FUTURE'
  | 'CALLBACK_SATISFACTION_OUT_OF_RANGE';

/**
 * What is wrong with a callback record, each naming the field: somebody called, after the
 * complaint was resolved and not in the future, and the customer's satisfaction is a whole
 * number from 1 to 5.
 */
export function callbackProblems(
  callback: Callback,
  context: { readonly resolvedAt: Date | null; readonly now: Date },
): Reason<CallbackProblemCode>[] {
  const problems: Reason<CallbackProblemCode>[] = [];
  if (callback.callerId.trim() === '') {
    problems.push(reason('CALLBACK_CALLER_REQUIRED', { field: 'callerId' }));
  }
  const calledAt = callback.calledAt.toISOString();
  if (context.resolvedAt && callback.calledAt < context.resolvedAt) {
    const resolvedAt = context.resolvedAt.toISOString();
    problems.push(
      reason('CALLBACK_BEFORE_RESOLUTION', { field: 'calledAt', calledAt, resolvedAt }),
    );
  }
  if (callback.calledAt > context.now) {
    problems.push(reason('CALLBACK_IN_FUTURE', { field: 'calledAt', calledAt }));
  }
  const s = callback.satisfaction;
  if (!Number.isInteger(s) || s < 1 || s > 5) {
    problems.push(
      reason('CALLBACK_SATISFACTION_OUT_OF_RANGE', { field: 'satisfaction', value: s }),
    );
  }
  return problems;
}

/** Satisfaction at or below which a callback counts as dissatisfied. */
export const DISSATISFIED_AT_OR_BELOW = 2;

/** The customer is satisfied: 3 or more out of 5, and confirms the problem is solved. */
export function isSatisfiedCallback(callback: Callback): boolean {
  return callback.satisfaction > DISSATISFIED_AT_OR_BELOW && callback.confirmsResolution;
}

export type CallbackDecision = 'MAY_CLOSE' | 'REOPEN';

export function callbackDecision(callback: Callback): CallbackDecision {
  return isSatisfiedCallback(callback) ? 'MAY_CLOSE' : 'REOPEN';
}

/** A complaint may close only on a satisfied callback made after its latest resolution. */
export function hasClosingCallback(
  callbacks: readonly Callback[],
  resolvedAt: Date | null,
): boolean {
  const latest = callbacks
    .filter((c) => resolvedAt === null || c.calledAt >= resolvedAt)
    .sort((a, b) => b.calledAt.getTime() - a.calledAt.getTime())[0];
  return latest !== undefined && isSatisfiedCallback(latest);
}
