import { authorize, ROLES, scopeOf, type Role } from '@gap/authz';
import { HANDOVER_OPERATIONS, HANDOVER_PERMISSIONS } from './handover.permissions.js';

const as = (role: Role) => ({ subject: 'X1', roles: [role] });
const scopes = (operation: (typeof HANDOVER_OPERATIONS)[number]) =>
  Object.fromEntries(
    ROLES.map((role) => [role, scopeOf(HANDOVER_PERMISSIONS, operation, as(role))]),
  );

describe('who may do what with handovers, managers and their policy', () => {
  it('declares every operation, and no other', () => {
    expect(Object.keys(HANDOVER_PERMISSIONS).sort()).toEqual([...HANDOVER_OPERATIONS].sort());
  });

  it.each(HANDOVER_OPERATIONS)('%s: refuses partners with a coded FORBIDDEN', (operation) => {
    const refusal = (() => {
      try {
        return authorize(HANDOVER_PERMISSIONS, operation, as('PARTNER'));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', kind: 'FORBIDDEN' });
  });

  it.each([
    ['planHandover', { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' }],
    ['cancelHandover', { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' }],
    ['offboardAccountManager', { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' }],
    ['startHandover', { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' }],
    [
      'resolveChecklistItem',
      { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' },
    ],
    [
      'completeHandover',
      { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' },
    ],
    ['registerAccountManager', { ADMIN: 'ALL' }],
    ['updateAccountManager', { ADMIN: 'ALL' }],
    ['createManagerPolicy', { ADMIN: 'ALL' }],
  ] as const)('%s: only %j', (operation, expected) => {
    const granted = Object.fromEntries(
      Object.entries(scopes(operation)).filter(([, scope]) => scope !== null),
    );
    expect(granted).toEqual(expected);
  });

  it('lets managers read handovers of their portfolio, supervisors of their team, the back office all', () => {
    for (const operation of ['handover', 'handovers', 'GroupAccount.handovers'] as const) {
      expect(scopes(operation)).toEqual({
        ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
        SUPERVISOR: 'OWN_TEAM',
        COORDINATOR: 'ALL',
        DEPARTMENT_STAFF: 'ALL',
        PARTNER: null,
        ADMIN: 'ALL',
      });
    }
  });
});
