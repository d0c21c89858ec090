import type { Permissions } from '@gap/authz';

/** The operations of assignment and rebalance, named as in the graph. */
export const ASSIGNMENT_OPERATIONS = [
  '_entities.GroupAccount',
  'GroupAccount.primaryManager',
  'GroupAccount.primaryAssignment',
  'GroupAccount.team',
  'GroupAccount.assignmentExplanation',
  'assignmentExplanation',
  'unassignableAccounts',
  'assignPrimaryManager',
  'setTeamMember',
  'removeTeamMember',
  'previewRebalance',
  'applyRebalance',
  'rebalance',
] as const;
export type AssignmentOperation = (typeof ASSIGNMENT_OPERATIONS)[number];

/** Who reads an account's assignment: its managers, their supervisors, and the back office. */
const READ = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
} as const;

/** Who decides who owns what: a supervisor within their team (transitively), admins anywhere. */
const DECIDE = { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' } as const;

/**
 * Role × operation × scope for assignment and rebalance. A reference to a group account
 * carries nothing but its id, so every role that reads accounts may resolve one; partners see
 * none of it.
 */
export const ASSIGNMENT_PERMISSIONS: Permissions<AssignmentOperation> = {
  '_entities.GroupAccount': READ,
  'GroupAccount.primaryManager': READ,
  'GroupAccount.primaryAssignment': READ,
  'GroupAccount.team': READ,
  'GroupAccount.assignmentExplanation': READ,
  assignmentExplanation: READ,
  unassignableAccounts: READ,
  assignPrimaryManager: DECIDE,
  setTeamMember: DECIDE,
  removeTeamMember: DECIDE,
  previewRebalance: DECIDE,
  applyRebalance: DECIDE,
  rebalance: DECIDE,
};
