import { authorize, permittedRoles, scopeOf, type Caller, type Role } from '@gap/authz';
import {
  PARTNERS_OPERATIONS,
  PARTNERS_PERMISSIONS,
  type PartnersOperation,
} from './permissions.js';

const as = (...roles: Role[]): Caller => ({ subject: 'E-1', roles });

describe('who may run the partners operations', () => {
  it('lets only admins manage partner organisations and their credentials', () => {
    const managing: PartnersOperation[] = [
      'registerPartner',
      'updatePartner',
      'changePartnerStatus',
      'issuePartnerClient',
      'rotatePartnerClientSecret',
      'revokePartnerClient',
    ];
    for (const op of managing) expect(permittedRoles(PARTNERS_PERMISSIONS, op)).toEqual(['ADMIN']);
    let refusal: unknown = null;
    try {
      authorize(PARTNERS_PERMISSIONS, 'registerPartner', as('COORDINATOR'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', kind: 'FORBIDDEN' });
  });

  it('lets the coordination team review duplicates and conflicts', () => {
    for (const op of ['reviewDuplicate', 'leadsReviewQueue', 'decideConflict'] as const) {
      expect(scopeOf(PARTNERS_PERMISSIONS, op, as('COORDINATOR'))).toBe('ALL');
      expect(scopeOf(PARTNERS_PERMISSIONS, op, as('ACCOUNT_MANAGER', 'SUPERVISOR'))).toBeNull();
    }
  });

  it('shows a manager only the leads assigned to them, and lets them work those', () => {
    for (const op of [
      'leads',
      'lead',
      'GroupAccount.leads',
      'recordLeadContact',
      'convertLead',
      'loseLead',
    ] as const) {
      expect(scopeOf(PARTNERS_PERMISSIONS, op, as('ACCOUNT_MANAGER'))).toBe('OWN_PORTFOLIO');
    }
    expect(scopeOf(PARTNERS_PERMISSIONS, 'assignLead', as('ACCOUNT_MANAGER'))).toBeNull();
    expect(scopeOf(PARTNERS_PERMISSIONS, 'partners', as('ACCOUNT_MANAGER'))).toBeNull();
  });

  it('lets a supervisor route within their team, and the widest role decide', () => {
    expect(scopeOf(PARTNERS_PERMISSIONS, 'assignLead', as('SUPERVISOR'))).toBe('OWN_TEAM');
    expect(scopeOf(PARTNERS_PERMISSIONS, 'assignLead', as('SUPERVISOR', 'COORDINATOR'))).toBe(
      'ALL',
    );
  });

  it('gives partners the integration API only and the operator the rest, every operation to someone', () => {
    for (const op of PARTNERS_OPERATIONS) {
      const integration = op.startsWith('rest.');
      expect(scopeOf(PARTNERS_PERMISSIONS, op, as('PARTNER'))).toBe(
        integration ? 'OWN_PORTFOLIO' : null,
      );
      expect(permittedRoles(PARTNERS_PERMISSIONS, op)).toEqual(
        integration ? ['PARTNER'] : expect.not.arrayContaining(['PARTNER']),
      );
      expect(scopeOf(PARTNERS_PERMISSIONS, op, as('DEPARTMENT_STAFF'))).toBeNull();
      expect(permittedRoles(PARTNERS_PERMISSIONS, op).length).toBeGreaterThan(0);
    }
  });
});
