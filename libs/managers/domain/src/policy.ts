import type { FieldViolation } from '@gap/errors';
import { GRADES, TIERS, type Grade, type Tier } from './manager.js';

/**
 * Who may own what, and what a poor fit costs: versioned, edited by admins, named by every
 * assignment and rebalance that used it. Costs are whole numbers so that plans add up exactly.
 */
export interface ManagerPolicy {
  readonly version: string;
  /** Grades that may own an account of each tier. */
  readonly eligibleGrades: Readonly<Record<Tier, readonly Grade[]>>;
  /** The grade that fits a tier best; each grade step away from it costs `costs.gradeStep`. */
  readonly fittingGrade: Readonly<Record<Tier, Grade>>;
  /** Points an account of each tier weighs in a manager's load. */
  readonly points: Readonly<Record<Tier, number>>;
  /** The most a manager carries, as a share of their capacity (1 = their capacity). */
  readonly maxLoadRatio: number;
  readonly costs: {
    /** The account's district is outside the manager's regions but in one of their provinces. */
    readonly regionSameProvince: number;
    /** The account lies in a province the manager does not cover at all. */
    readonly regionOutside: number;
    /** The manager lists industries and the account's is not among them. */
    readonly industryOutside: number;
    /** The manager lists no industries (a generalist). */
    readonly industryGeneralist: number;
    /** Per grade step between the manager's grade and the tier's fitting grade. */
    readonly gradeStep: number;
    /** Moving an account away from its current manager (a handover is work for everyone). */
    readonly move: number;
    /** Automatic assignment only: weight of the manager's load share after taking the account. */
    readonly load: number;
  };
}

export const DEFAULT_MANAGER_POLICY: ManagerPolicy = {
  version: 'm1',
  eligibleGrades: {
    A: ['KEY_ACCOUNT'],
    B: ['KEY_ACCOUNT', 'SENIOR'],
    C: ['KEY_ACCOUNT', 'SENIOR', 'STANDARD', 'CHANNEL'],
  },
  fittingGrade: { A: 'KEY_ACCOUNT', B: 'SENIOR', C: 'STANDARD' },
  points: { A: 10, B: 4, C: 1 },
  maxLoadRatio: 1,
  costs: {
    regionSameProvince: 20,
    regionOutside: 60,
    industryOutside: 10,
    industryGeneralist: 5,
    gradeStep: 4,
    move: 15,
    load: 20,
  },
};

const VERSION = /^[A-Za-z0-9._-]{1,40}$/;

/** Every rule on a policy, each broken one named; `prefix` is where it sits in the request. */
export function checkManagerPolicy(policy: ManagerPolicy, prefix = 'input'): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, message: string) =>
    violations.push({ field: `${prefix}.${field}`, reason, message });
  const wholeNumber = (field: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      fail(
        field,
        'OUT_OF_RANGE',
        `${field} is a whole number from ${min} to ${max}; it is ${value}.`,
      );
    }
  };
  if (!VERSION.test(policy.version)) {
    fail(
      'version',
      'VERSION_INVALID',
      'A version is 1 to 40 letters, digits, dots, dashes or underscores.',
    );
  }
  for (const tier of TIERS) {
    const grades = policy.eligibleGrades[tier] ?? [];
    if (grades.length === 0) {
      fail(
        `eligibleGrades.${tier}`,
        'NO_GRADE',
        `At least one grade must be able to own tier ${tier}.`,
      );
    }
    for (const grade of grades) {
      if (!GRADES.includes(grade)) {
        fail(`eligibleGrades.${tier}`, 'GRADE_UNKNOWN', `${String(grade)} is not a grade.`);
      }
    }
    if (!grades.includes(policy.fittingGrade[tier])) {
      fail(
        `fittingGrade.${tier}`,
        'NOT_ELIGIBLE',
        `The fitting grade of tier ${tier} must be one of the grades that may own it.`,
      );
    }
    wholeNumber(`points.${tier}`, policy.points[tier], 1, 1000);
  }
  if (!(policy.points.A >= policy.points.B && policy.points.B >= policy.points.C)) {
    fail('points', 'NOT_DESCENDING', 'An A account weighs at least a B, and a B at least a C.');
  }
  if (
    !Number.isFinite(policy.maxLoadRatio) ||
    policy.maxLoadRatio < 0.5 ||
    policy.maxLoadRatio > 2
  ) {
    fail('maxLoadRatio', 'OUT_OF_RANGE', 'maxLoadRatio lies between 0.5 and 2.');
  }
  for (const [name, value] of Object.entries(policy.costs)) {
    wholeNumber(`costs.${name}`, value, 0, 10_000);
  }
  if (policy.costs.regionSameProvince > policy.costs.regionOutside) {
    fail(
      'costs.regionSameProvince',
      'ABOVE_OUTSIDE',
      'A district in one of the manager’s provinces cannot cost more than one outside them.',
    );
  }
  return violations;
}
