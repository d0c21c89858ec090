import type { Permissions, Role, Scope } from '@gap/authz';

/**
 * Every operation the accounts service serves: the root fields of its subgraph, the lookup of
 * the entity it owns, and its REST operations (named `rest.<operationId>`).
 */
export const ACCOUNTS_OPERATIONS = [
  // Queries
  'groupAccount',
  'groupAccounts',
  'myPortfolio',
  'industries',
  'industryCluster',
  'industryClusters',
  'industryAssociation',
  'industryAssociations',
  'contact',
  // Mutations
  'createGroupAccount',
  'updateGroupAccount',
  'changeGroupAccountStatus',
  'moveGroupAccount',
  'importGroupAccounts',
  'createIndustryCluster',
  'addClusterSupporters',
  'removeClusterSupporters',
  'createIndustryAssociation',
  'addAssociationMembers',
  'removeAssociationMembers',
  'addContact',
  'updateContact',
  'recordContactConsent',
  'eraseContact',
  // Entity lookups
  '_entities.GroupAccount',
  // REST
  'rest.listGroupAccounts',
  'rest.getGroupAccount',
  'rest.exportPortfolio',
] as const;
export type AccountsOperation = (typeof ACCOUNTS_OPERATIONS)[number];

/**
 * Reading accounts: managers their portfolio, supervisors their team's (the portfolio read
 * model lists a supervisor beside the accounts of the managers they supervise), coordinators,
 * department staff and admins every account. Partners see none.
 */
const READ: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};

/** Changing accounts: everyone who reads them but department staff (they work on tasks). */
const WRITE: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  ADMIN: 'ALL',
};

/** One's own portfolio, whatever the role: for a coordinator it holds what they manage. */
const OWN: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'OWN_PORTFOLIO',
  DEPARTMENT_STAFF: 'OWN_PORTFOLIO',
  ADMIN: 'OWN_PORTFOLIO',
};

/** The industry code list is reference data, open to every role (partners included). */
const REFERENCE: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'ALL',
  SUPERVISOR: 'ALL',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  PARTNER: 'ALL',
  ADMIN: 'ALL',
};

/** Who may run what in the accounts service, and how far (ADR 9). */
export const ACCOUNTS_PERMISSIONS: Permissions<AccountsOperation> = {
  groupAccount: READ,
  groupAccounts: READ,
  myPortfolio: OWN,
  industries: REFERENCE,
  industryCluster: READ,
  industryClusters: READ,
  industryAssociation: READ,
  industryAssociations: READ,
  contact: READ,
  createGroupAccount: WRITE,
  updateGroupAccount: WRITE,
  changeGroupAccountStatus: WRITE,
  moveGroupAccount: WRITE,
  importGroupAccounts: WRITE,
  createIndustryCluster: WRITE,
  addClusterSupporters: WRITE,
  removeClusterSupporters: WRITE,
  createIndustryAssociation: WRITE,
  addAssociationMembers: WRITE,
  removeAssociationMembers: WRITE,
  addContact: WRITE,
  updateContact: WRITE,
  recordContactConsent: WRITE,
  eraseContact: WRITE,
  '_entities.GroupAccount': READ,
  'rest.listGroupAccounts': READ,
  'rest.getGroupAccount': READ,
  // The export is the list, every page of it: the same roles, the same reach.
  'rest.exportPortfolio': READ,
};

/**
 * Registering a credit code whose check character does not match (a legacy code) takes a
 * supervisor's or an admin's word, on top of the right to create accounts.
 */
export const CREDIT_CODE_OVERRIDE_ROLES: readonly Role[] = ['SUPERVISOR', 'ADMIN'];
