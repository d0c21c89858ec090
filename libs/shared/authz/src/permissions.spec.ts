import { DomainError } from '@gap/errors';
import { authorize, scopeOf, type Permissions } from './index.js';

type Operation = 'groupAccount' | 'offboardManager';

const PERMISSIONS: Permissions<Operation> = {
  groupAccount: { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' },
  offboardManager: { SUPERVISOR: 'OWN_TEAM', ADMIN: 'ALL' },
};

describe('authorize', () => {
  it('gives a caller with several roles the widest scope among them', () => {
    const caller = { subject: 'E1', roles: ['ACCOUNT_MANAGER', 'SUPERVISOR'] as const };
    expect(scopeOf(PERMISSIONS, 'groupAccount', caller)).toBe('OWN_TEAM');
    expect(authorize(PERMISSIONS, 'groupAccount', { subject: 'A', roles: ['ADMIN'] })).toBe('ALL');
  });

  it('refuses a role the operation does not list with a coded FORBIDDEN naming it', () => {
    const refused = (() => {
      try {
        return authorize(PERMISSIONS, 'offboardManager', {
          subject: 'E1',
          roles: ['ACCOUNT_MANAGER'],
        });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', kind: 'FORBIDDEN' });
    expect((refused as DomainError).messageIn('zh-CN')).toContain('offboardManager');
    expect((refused as DomainError).messageIn('en')).toContain('SUPERVISOR, ADMIN');
  });

  it('refuses a partner everything the matrix does not give partners', () => {
    expect(scopeOf(PERMISSIONS, 'groupAccount', { subject: 'P1', roles: ['PARTNER'] })).toBeNull();
  });
});
