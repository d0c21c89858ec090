import type { GroupAccountStatus } from './group-account.js';

/**
 * The account lifecycle. A prospect becomes a customer (active) or is given up (churned); a
 * customer may be suspended (arrears, dispute) and come back; a churned customer is won back
 * as a prospect, never straight to active, so the win-back is sold again.
 */
export const STATUS_TRANSITIONS: Readonly<
  Record<GroupAccountStatus, readonly GroupAccountStatus[]>
> = {
  PROSPECT: ['ACTIVE', 'CHURNED'],
  ACTIVE: ['SUSPENDED', 'CHURNED'],
  SUSPENDED: ['ACTIVE', 'CHURNED'],
  CHURNED: ['PROSPECT'],
};

/** Moves that must say why: they stop service or end the relationship. */
export const STATUSES_NEEDING_REASON: readonly GroupAccountStatus[] = ['SUSPENDED', 'CHURNED'];

export function canChangeStatus(from: GroupAccountStatus, to: GroupAccountStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}
