import type { Permissions, Role, Scope } from '@gap/authz';

/**
 * Every operation of the tiering subgraph, named as the graph names it: root fields, the
 * fields it adds to the accounts service's GroupAccount, and the entity it resolves.
 */
export const TIERING_OPERATIONS = [
  'tieringPolicies',
  'createTieringPolicy',
  'importValueInputs',
  'previewTieringRun',
  'applyTieringRun',
  'tieringRuns',
  'tieringRun',
  'tierDistributionOverTime',
  'tierOverrides',
  'setTierOverride',
  'revokeTierOverride',
  'tierExplanation',
  'GroupAccount.tier',
  'GroupAccount.valueSegment',
  'GroupAccount.value',
  'GroupAccount.tierHistory',
  'GroupAccount.tierOverride',
  'GroupAccount.tierExplanation',
  '_entities.GroupAccount',
] as const;
export type TieringOperation = (typeof TIERING_OPERATIONS)[number];

type Grant = Readonly<Partial<Record<Role, Scope>>>;

/** An account's tier, value and why: managers their portfolio, supervisors their team's. */
const ACCOUNT_READ: Grant = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};
/** Book-wide figures (runs, distributions, policies): everyone inside the operator. */
const BOOK_READ: Grant = {
  ACCOUNT_MANAGER: 'ALL',
  SUPERVISOR: 'ALL',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};
const ADMIN_ONLY: Grant = { ADMIN: 'ALL' };
/** Overrides: a supervisor for the accounts of their team, admins for any. */
const OVERRIDE: Grant = { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' };

/**
 * Who may run which tiering operation, and how far (role × operation × scope), as data.
 * Partners see nothing of tiering. Each use case calls `authorize` with it first.
 */
export const TIERING_PERMISSIONS: Permissions<TieringOperation> = {
  tieringPolicies: BOOK_READ,
  createTieringPolicy: ADMIN_ONLY,
  importValueInputs: ADMIN_ONLY,
  previewTieringRun: ADMIN_ONLY,
  applyTieringRun: ADMIN_ONLY,
  tieringRuns: BOOK_READ,
  tieringRun: BOOK_READ,
  tierDistributionOverTime: BOOK_READ,
  tierOverrides: ACCOUNT_READ,
  setTierOverride: OVERRIDE,
  revokeTierOverride: OVERRIDE,
  tierExplanation: ACCOUNT_READ,
  'GroupAccount.tier': ACCOUNT_READ,
  'GroupAccount.valueSegment': ACCOUNT_READ,
  'GroupAccount.value': ACCOUNT_READ,
  'GroupAccount.tierHistory': ACCOUNT_READ,
  'GroupAccount.tierOverride': ACCOUNT_READ,
  'GroupAccount.tierExplanation': ACCOUNT_READ,
  '_entities.GroupAccount': ACCOUNT_READ,
};
