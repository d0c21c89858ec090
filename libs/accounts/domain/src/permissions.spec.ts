import { scopeOf, type Role } from '@gap/authz';
import { ACCOUNTS_OPERATIONS, ACCOUNTS_PERMISSIONS } from './permissions.js';

const as = (role: Role) => ({ subject: 'X', roles: [role] });

describe('accounts permissions', () => {
  it('lets managers read their portfolio and supervisors their team’s, and everyone else who reads see every account', () => {
    expect(scopeOf(ACCOUNTS_PERMISSIONS, 'groupAccounts', as('ACCOUNT_MANAGER'))).toBe(
      'OWN_PORTFOLIO',
    );
    expect(scopeOf(ACCOUNTS_PERMISSIONS, 'groupAccounts', as('SUPERVISOR'))).toBe('OWN_TEAM');
    for (const role of ['COORDINATOR', 'DEPARTMENT_STAFF', 'ADMIN'] as const) {
      expect(scopeOf(ACCOUNTS_PERMISSIONS, 'groupAccounts', as(role))).toBe('ALL');
    }
  });

  it('lets department staff read accounts but change none of them', () => {
    const changes = ACCOUNTS_OPERATIONS.filter(
      (op) => scopeOf(ACCOUNTS_PERMISSIONS, op, as('DEPARTMENT_STAFF')) === null,
    );
    expect(changes).toEqual(
      expect.arrayContaining(['createGroupAccount', 'eraseContact', 'importGroupAccounts']),
    );
    expect(scopeOf(ACCOUNTS_PERMISSIONS, 'contact', as('DEPARTMENT_STAFF'))).toBe('ALL');
  });

  it('gives partners nothing but the industry code list', () => {
    const open = ACCOUNTS_OPERATIONS.filter(
      (op) => scopeOf(ACCOUNTS_PERMISSIONS, op, as('PARTNER')) !== null,
    );
    expect(open).toEqual(['industries']);
  });

  it('keeps everyone’s own portfolio under myPortfolio, whatever else their role may see', () => {
    for (const role of ['ACCOUNT_MANAGER', 'COORDINATOR', 'DEPARTMENT_STAFF', 'ADMIN'] as const) {
      expect(scopeOf(ACCOUNTS_PERMISSIONS, 'myPortfolio', as(role))).toBe('OWN_PORTFOLIO');
    }
  });
});
