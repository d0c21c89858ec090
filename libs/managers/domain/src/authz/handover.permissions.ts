import type { Permissions, Role, Scope } from '@gap/authz';

/** Everyone who works with accounts reads the manager directory and policies; partners do not. */
const STAFF_READ: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'ALL',
  SUPERVISOR: 'ALL',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};

/** Handovers are read within the portfolio (managers), the team (supervisors) or all. */
const HANDOVER_READ: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};

/** Deciding who owns what: a supervisor within their team (transitively), an admin anywhere. */
const DECIDE: Readonly<Partial<Record<Role, Scope>>> = { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' };

/** Working a handover: its two managers, their supervisors, admins. */
const WORK: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  ADMIN: 'ALL',
};

const ADMIN_ONLY: Readonly<Partial<Record<Role, Scope>>> = { ADMIN: 'ALL' };

export const HANDOVER_OPERATIONS = [
  'planHandover',
  'startHandover',
  'resolveChecklistItem',
  'completeHandover',
  'cancelHandover',
  'offboardAccountManager',
  'handover',
  'handovers',
  'GroupAccount.handovers',
  'registerAccountManager',
  'updateAccountManager',
  'accountManager',
  'accountManagers',
  'myTeam',
  'me',
  '_entities.AccountManager',
  'managerPolicies',
  'createManagerPolicy',
] as const;
export type HandoverOperation = (typeof HANDOVER_OPERATIONS)[number];

/**
 * Who may run the managers service's handover, manager-directory and policy operations, and
 * how far (role × operation × scope, ADR 9). OWN_TEAM is everyone the caller supervises,
 * directly or through the supervisors under them; a supervisor acting outside it is refused
 * with FORBIDDEN by the use case.
 */
export const HANDOVER_PERMISSIONS: Permissions<HandoverOperation> = {
  planHandover: DECIDE,
  startHandover: WORK,
  resolveChecklistItem: WORK,
  completeHandover: WORK,
  cancelHandover: DECIDE,
  offboardAccountManager: DECIDE,
  handover: HANDOVER_READ,
  handovers: HANDOVER_READ,
  'GroupAccount.handovers': HANDOVER_READ,
  registerAccountManager: ADMIN_ONLY,
  updateAccountManager: ADMIN_ONLY,
  accountManager: STAFF_READ,
  accountManagers: STAFF_READ,
  myTeam: STAFF_READ,
  me: STAFF_READ,
  '_entities.AccountManager': STAFF_READ,
  managerPolicies: STAFF_READ,
  createManagerPolicy: ADMIN_ONLY,
};
