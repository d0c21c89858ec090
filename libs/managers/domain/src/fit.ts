import { gradeSteps, type AccountToPlace, type ManagerCandidate, type Tier } from './manager.js';
import type { ManagerPolicy } from './policy.js';

/** Why a manager may not take an account. */
export type Refusal = 'GRADE_CANNOT_OWN_TIER' | 'NOT_ACTIVE' | 'CAPACITY_EXCEEDED';

/** The parts of a poor fit between an account and a manager, in policy cost units. */
export interface FitCost {
  readonly region: number;
  readonly industry: number;
  readonly grade: number;
  /** Whole-number mismatch: region + industry + grade. */
  readonly mismatch: number;
}

/** A division code without its trailing zero pairs: `350000` → `35`, `350100` → `3501`. */
export function regionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

function regionCost(regionCode: string, regions: readonly string[], policy: ManagerPolicy): number {
  if (regions.some((region) => regionCode.startsWith(regionPrefix(region)))) return 0;
  const province = regionCode.slice(0, 2);
  if (regions.some((region) => region.startsWith(province))) return policy.costs.regionSameProvince;
  return policy.costs.regionOutside;
}

/** How poorly `manager` fits `account` (region, industry, grade), whatever their load. */
export function fitCost(
  account: Pick<AccountToPlace, 'tier' | 'regionCode' | 'industryCode'>,
  manager: Pick<ManagerCandidate, 'grade' | 'regions' | 'industries'>,
  policy: ManagerPolicy,
): FitCost {
  const region = regionCost(account.regionCode, manager.regions, policy);
  const industry =
    manager.industries.length === 0
      ? policy.costs.industryGeneralist
      : manager.industries.includes(account.industryCode)
        ? 0
        : policy.costs.industryOutside;
  const grade =
    Math.abs(gradeSteps(manager.grade, policy.fittingGrade[account.tier])) * policy.costs.gradeStep;
  return { region, industry, grade, mismatch: region + industry + grade };
}

/** The most points `manager` may carry under the policy. */
export function maxLoad(
  manager: Pick<ManagerCandidate, 'capacity'>,
  policy: ManagerPolicy,
): number {
  return Math.floor(manager.capacity * policy.maxLoadRatio);
}

/** Whether a manager of this grade may own an account of this tier. */
export function gradeMayOwn(
  grade: ManagerCandidate['grade'],
  tier: Tier,
  policy: ManagerPolicy,
): boolean {
  return policy.eligibleGrades[tier].includes(grade);
}

/**
 * Why `manager` may not take `account` now (none: they may). `load` is what the manager
 * carries without this account.
 */
export function refusalsFor(
  account: Pick<AccountToPlace, 'tier'>,
  manager: ManagerCandidate,
  policy: ManagerPolicy,
): Refusal[] {
  const refusals: Refusal[] = [];
  if (!gradeMayOwn(manager.grade, account.tier, policy)) refusals.push('GRADE_CANNOT_OWN_TIER');
  if (manager.status !== 'ACTIVE') refusals.push('NOT_ACTIVE');
  if (manager.load + policy.points[account.tier] > maxLoad(manager, policy)) {
    refusals.push('CAPACITY_EXCEEDED');
  }
  return refusals;
}
