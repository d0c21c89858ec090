/** Account manager grades, from the most senior (分层分级管理). */
export const GRADES = ['KEY_ACCOUNT', 'SENIOR', 'STANDARD', 'CHANNEL'] as const;
export type Grade = (typeof GRADES)[number];

/** How many steps `grade` sits above `other` (negative when below). */
export function gradeSteps(grade: Grade, other: Grade): number {
  return GRADES.indexOf(other) - GRADES.indexOf(grade);
}

/**
 * A manager's status. Only ACTIVE managers take new accounts; a LEAVING manager keeps their
 * accounts until each handover completes or their last day passes; a LEFT manager owns none.
 */
export const MANAGER_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEAVING', 'LEFT'] as const;
export type ManagerStatus = (typeof MANAGER_STATUSES)[number];

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

/** Team roles beside the primary manager. */
export const TEAM_ROLES = ['BACKUP', 'SOLUTION_ARCHITECT', 'TECHNICAL_SUPPORT'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** What the matching function and the optimiser need to know about an account. */
export interface AccountToPlace {
  readonly id: string;
  readonly tier: Tier;
  /** Six-digit administrative division code (GB/T 2260) of the account's district. */
  readonly regionCode: string;
  /** GB/T 4754 industry section, e.g. `C` (manufacturing). */
  readonly industryCode: string;
  /** The primary manager it has now, if any. */
  readonly currentManagerId: string | null;
}

/** What the matching function and the optimiser need to know about a manager. */
export interface ManagerCandidate {
  /** Employee number. */
  readonly id: string;
  readonly grade: Grade;
  readonly status: ManagerStatus;
  /**
   * Division codes the manager covers: a province (`350000`), a city (`350100`) or a
   * district (`350102`).
   */
  readonly regions: readonly string[];
  /** Industry sections the manager knows; none means a generalist. */
  readonly industries: readonly string[];
  /** Capacity in points (see the policy's points per tier). */
  readonly capacity: number;
  /** Points the manager carries now: primary accounts and incoming handovers. */
  readonly load: number;
}
