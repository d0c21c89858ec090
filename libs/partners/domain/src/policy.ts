import { reason, type Reason } from '@gap/i18n';

/** How urgent a lead is, as the partner or the qualification step sets it. */
export const LEAD_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type LeadPriority = (typeof LEAD_PRIORITIES)[number];

/** The account tiers the tiering service assigns (A the most valuable). */
export const ACCOUNT_TIERS = ['A', 'B', 'C'] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

/** Where de-duplication draws its lines, on a score from 0 to 1. */
export interface DuplicatePolicy {
  /** At or above: the lead is the candidate (routed to its manager, or a duplicate lead). */
  readonly matchAt: number;
  /** At or above (and below `matchAt`): a coordinator decides in the review queue. */
  readonly possibleAt: number;
  /**
   * The score of two names that sound alike (same toneless pinyin) but are written with other
   * characters, e.g. 宏达 and 弘达: a typing slip as often as another company, so by default
   * it lands in the review queue, not in a match.
   */
  readonly pinyinEqualScore: number;
}

/** The partners service's business choices, versioned like the other services' policies. */
export interface PartnersPolicy {
  readonly version: string;
  readonly duplicates: DuplicatePolicy;
  /** Days an earlier lead of another partner for the same company keeps it theirs. */
  readonly protectionWindowDays: number;
  /** Days a deal registration holds before it expires. */
  readonly dealRegistrationDays: number;
  /** Tiers whose directly served accounts no partner may take. */
  readonly directProtectedTiers: readonly AccountTier[];
  /** Hours from assignment within which the manager first contacts the lead, per priority. */
  readonly firstContactHours: Readonly<Record<LeadPriority, number>>;
}

export const DEFAULT_PARTNERS_POLICY: PartnersPolicy = {
  version: 'p1',
  duplicates: { matchAt: 0.9, possibleAt: 0.6, pinyinEqualScore: 0.8 },
  protectionWindowDays: 90,
  dealRegistrationDays: 90,
  directProtectedTiers: ['A'],
  firstContactHours: { P1: 4, P2: 24, P3: 72 },
};

export type PartnersPolicyProblemCode =
  | 'POLICY_THRESHOLD_RANGE'
  | 'POLICY_THRESHOLD_ORDER'
  | 'POLICY_DAYS_RANGE'
  | 'POLICY_HOURS_RANGE'
  | 'POLICY_HOURS_ORDER';

export type PartnersPolicyProblem = Reason<PartnersPolicyProblemCode>;

const inUnit = (x: number) => Number.isFinite(x) && x > 0 && x <= 1;
const wholeDays = (x: number) => Number.isInteger(x) && x >= 1 && x <= 3_650;
const hours = (x: number) => Number.isFinite(x) && x > 0 && x <= 24 * 30;

/** What is wrong with a policy before it may be saved; empty when nothing is. */
export function partnersPolicyProblems(policy: PartnersPolicy): PartnersPolicyProblem[] {
  const problems: PartnersPolicyProblem[] = [];
  const { matchAt, possibleAt, pinyinEqualScore } = policy.duplicates;
  const thresholds = { matchAt, possibleAt, pinyinEqualScore };
  for (const [field, value] of Object.entries(thresholds)) {
    if (!inUnit(value)) problems.push(reason('POLICY_THRESHOLD_RANGE', { field, value }));
  }
  if (!(possibleAt < matchAt)) {
    problems.push(reason('POLICY_THRESHOLD_ORDER', { field: 'possibleAt', possibleAt, matchAt }));
  }
  const days = {
    protectionWindowDays: policy.protectionWindowDays,
    dealRegistrationDays: policy.dealRegistrationDays,
  };
  for (const [field, value] of Object.entries(days)) {
    if (!wholeDays(value)) problems.push(reason('POLICY_DAYS_RANGE', { field, value }));
  }
  for (const priority of LEAD_PRIORITIES) {
    const value = policy.firstContactHours[priority];
    if (!hours(value)) {
      problems.push(
        reason('POLICY_HOURS_RANGE', { field: `firstContactHours.${priority}`, value }),
      );
    }
  }
  const [p1, p2, p3] = LEAD_PRIORITIES.map((p) => policy.firstContactHours[p]);
  if (p1 !== undefined && p2 !== undefined && p3 !== undefined && !(p1 <= p2 && p2 <= p3)) {
    // A more urgent lead never gets longer than a less urgent one.
    problems.push(reason('POLICY_HOURS_ORDER', { field: 'firstContactHours', p1, p2, p3 }));
  }
  return problems;
}
