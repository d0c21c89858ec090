import { DEFAULT_PARTNERS_POLICY as policy } from '../policy.js';
import {
  dealRegistrationExpiry,
  dealRegistrationStatus,
  isDealRegistrationActive,
  registrationsToExpire,
  type DealRegistration,
} from './deal-registration.js';

const registeredAt = new Date('2026-09-01T00:00:00Z');
const expiresAt = dealRegistrationExpiry(registeredAt, policy);
const reg: DealRegistration = {
  id: 'r1',
  partnerId: 'P1',
  accountId: 'a1',
  registeredAt,
  expiresAt,
};

describe('deal registrations', () => {
  it('expire after the policy’s days', () => {
    expect(expiresAt.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const short = { ...policy, dealRegistrationDays: 30 };
    expect(dealRegistrationExpiry(registeredAt, short).toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
  });

  it('hold up to, but not at, their expiry', () => {
    expect(dealRegistrationStatus(reg, new Date(expiresAt.getTime() - 1))).toBe('ACTIVE');
    expect(dealRegistrationStatus(reg, expiresAt)).toBe('EXPIRED');
    expect(isDealRegistrationActive(reg, expiresAt)).toBe(false);
  });

  it('hold nothing before they are made', () => {
    expect(isDealRegistrationActive(reg, new Date(registeredAt.getTime() - 1))).toBe(false);
    expect(isDealRegistrationActive(reg, registeredAt)).toBe(true);
  });

  it('stop holding once withdrawn', () => {
    const withdrawn = { ...reg, withdrawnAt: new Date('2026-10-01T00:00:00Z') };
    expect(dealRegistrationStatus(withdrawn, new Date('2026-09-30T00:00:00Z'))).toBe('ACTIVE');
    expect(dealRegistrationStatus(withdrawn, new Date('2026-10-01T00:00:00Z'))).toBe('WITHDRAWN');
  });

  it('are announced as expired once each', () => {
    const later = { ...reg, id: 'r2', expiresAt: new Date('2027-01-01T00:00:00Z') };
    const withdrawn = { ...reg, id: 'r3', withdrawnAt: registeredAt };
    const at = new Date('2026-12-15T00:00:00Z');
    expect(registrationsToExpire([reg, later, withdrawn], new Set(), at).map((r) => r.id)).toEqual([
      'r1',
    ]);
    expect(registrationsToExpire([reg, later], new Set(['r1']), at)).toEqual([]);
  });
});
