import { authorize, scopeOf, type Role } from '@gap/authz';
import { ASSIGNMENT_OPERATIONS, ASSIGNMENT_PERMISSIONS } from './assignment.permissions.js';

const as = (role: Role) => ({ subject: 'X1', roles: [role] });

describe('who may do what in assignment and rebalance', () => {
  it('declares every operation, and no other', () => {
    expect(Object.keys(ASSIGNMENT_PERMISSIONS).sort()).toEqual([...ASSIGNMENT_OPERATIONS].sort());
  });

  it.each(ASSIGNMENT_OPERATIONS)('%s: refuses partners with a coded FORBIDDEN', (operation) => {
    const refused = (() => {
      try {
        authorize(ASSIGNMENT_PERMISSIONS, operation, as('PARTNER'));
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toMatchObject({ code: 'FORBIDDEN', kind: 'FORBIDDEN' });
  });

  it('lets supervisors decide within their team only, admins everywhere, managers nowhere', () => {
    for (const operation of [
      'assignPrimaryManager',
      'setTeamMember',
      'removeTeamMember',
      'previewRebalance',
      'applyRebalance',
      'rebalance',
    ] as const) {
      expect([operation, scopeOf(ASSIGNMENT_PERMISSIONS, operation, as('SUPERVISOR'))]).toEqual([
        operation,
        'OWN_TEAM',
      ]);
      expect(scopeOf(ASSIGNMENT_PERMISSIONS, operation, as('ADMIN'))).toBe('ALL');
      expect(scopeOf(ASSIGNMENT_PERMISSIONS, operation, as('ACCOUNT_MANAGER'))).toBeNull();
      expect(scopeOf(ASSIGNMENT_PERMISSIONS, operation, as('COORDINATOR'))).toBeNull();
    }
  });

  it('lets a manager read the assignments of their own portfolio', () => {
    expect(
      scopeOf(ASSIGNMENT_PERMISSIONS, 'GroupAccount.primaryAssignment', as('ACCOUNT_MANAGER')),
    ).toBe('OWN_PORTFOLIO');
    expect(scopeOf(ASSIGNMENT_PERMISSIONS, 'assignmentExplanation', as('DEPARTMENT_STAFF'))).toBe(
      'ALL',
    );
  });
});
