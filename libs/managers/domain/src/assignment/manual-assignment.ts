import type { ManagerStatus } from '../manager.js';

/** What a supervisor's assignment by hand needs to know about the account. */
export interface AccountOwnership {
  readonly primaryManagerId: string | null;
  /** The primary manager's status (null without one). */
  readonly primaryManagerStatus: ManagerStatus | null;
  readonly openHandoverId: string | null;
}

export type ManualAssignmentRefusal = 'ACCOUNT_IN_HANDOVER' | 'ALREADY_PRIMARY';

/** Why the account cannot be given to `managerId` by hand at all (null: it may). */
export function manualAssignmentRefusal(
  account: AccountOwnership,
  managerId: string,
): ManualAssignmentRefusal | null {
  if (account.openHandoverId) return 'ACCOUNT_IN_HANDOVER';
  if (account.primaryManagerId === managerId) return 'ALREADY_PRIMARY';
  return null;
}

/**
 * Whether a change of manager must go through a handover: an account whose primary manager is
 * still with the company (even on leave or leaving) passes on as a process, so that the
 * customer and open work are handed over; only an account without a primary manager, or whose
 * manager has left, is assigned at once.
 */
export function requiresHandover(account: AccountOwnership): boolean {
  return account.primaryManagerId !== null && account.primaryManagerStatus !== 'LEFT';
}
