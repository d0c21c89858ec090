import { DomainError } from '@gap/errors';
import { authorize, ROLES, type Role, type Scope } from '@gap/authz';
import { TIERING_OPERATIONS, TIERING_PERMISSIONS, type TieringOperation } from './permissions.js';

const scope = (operation: TieringOperation, role: Role): Scope | 'FORBIDDEN' => {
  try {
    return authorize(TIERING_PERMISSIONS, operation, { subject: 'X1', roles: [role] });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'FORBIDDEN') return 'FORBIDDEN';
    throw error;
  }
};

const F = 'FORBIDDEN' as const;
// prettier-ignore
const EXPECTED: Record<TieringOperation, Record<Role, Scope | typeof F>> = {
  //                              ACCOUNT_MANAGER   SUPERVISOR  COORDINATOR DEPARTMENT_STAFF PARTNER ADMIN
  tieringPolicies:              { ACCOUNT_MANAGER: 'ALL', SUPERVISOR: 'ALL', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  createTieringPolicy:          { ACCOUNT_MANAGER: F, SUPERVISOR: F, COORDINATOR: F, DEPARTMENT_STAFF: F, PARTNER: F, ADMIN: 'ALL' },
  importValueInputs:            { ACCOUNT_MANAGER: F, SUPERVISOR: F, COORDINATOR: F, DEPARTMENT_STAFF: F, PARTNER: F, ADMIN: 'ALL' },
  previewTieringRun:            { ACCOUNT_MANAGER: F, SUPERVISOR: F, COORDINATOR: F, DEPARTMENT_STAFF: F, PARTNER: F, ADMIN: 'ALL' },
  applyTieringRun:              { ACCOUNT_MANAGER: F, SUPERVISOR: F, COORDINATOR: F, DEPARTMENT_STAFF: F, PARTNER: F, ADMIN: 'ALL' },
  tieringRuns:                  { ACCOUNT_MANAGER: 'ALL', SUPERVISOR: 'ALL', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  tieringRun:                   { ACCOUNT_MANAGER: 'ALL', SUPERVISOR: 'ALL', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  tierDistributionOverTime:     { ACCOUNT_MANAGER: 'ALL', SUPERVISOR: 'ALL', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  tierOverrides:                { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  setTierOverride:              { ACCOUNT_MANAGER: F, SUPERVISOR: 'OWN_TEAM', COORDINATOR: F, DEPARTMENT_STAFF: F, PARTNER: F, ADMIN: 'ALL' },
  revokeTierOverride:           { ACCOUNT_MANAGER: F, SUPERVISOR: 'OWN_TEAM', COORDINATOR: F, DEPARTMENT_STAFF: F, PARTNER: F, ADMIN: 'ALL' },
  tierExplanation:              { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  'GroupAccount.tier':          { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  'GroupAccount.valueSegment':  { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  'GroupAccount.value':         { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  'GroupAccount.tierHistory':   { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  'GroupAccount.tierOverride':  { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  'GroupAccount.tierExplanation': { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
  '_entities.GroupAccount':     { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', PARTNER: F, ADMIN: 'ALL' },
};

describe('who may run which tiering operation, and how far', () => {
  it.each(TIERING_OPERATIONS.flatMap((op) => ROLES.map((role) => [op, role] as const)))(
    '%s for %s',
    (operation, role) => {
      expect(scope(operation, role)).toBe(EXPECTED[operation][role]);
    },
  );

  it('refuses partners every tiering operation with a coded FORBIDDEN', () => {
    for (const operation of TIERING_OPERATIONS) expect(scope(operation, 'PARTNER')).toBe(F);
  });
});
