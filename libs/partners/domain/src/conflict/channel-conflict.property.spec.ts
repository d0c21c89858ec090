import fc from 'fast-check';
import { DEFAULT_PARTNERS_POLICY as policy } from '../policy.js';
import { judgeChannelConflict, type ChannelConflictInput } from './channel-conflict.js';
import { dealRegistrationStatus } from './deal-registration.js';

const now = new Date('2026-12-01T08:00:00Z');
const DAY = 86_400_000;
const partner = fc.constantFrom('P1', 'P2', 'P3');
const day = (min: number, max: number) =>
  fc.integer({ min, max }).map((d) => new Date(now.getTime() + d * DAY));

const registration = fc.record({
  id: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
  partnerId: partner,
  accountId: fc.constantFrom('acc-1', 'acc-2'),
  registeredAt: day(-200, 5),
  expiresAt: day(-100, 100),
  withdrawnAt: fc.option(day(-50, 5), { nil: null }),
});
const otherLead = fc.record({
  leadId: fc.constantFrom('L1', 'L2', 'L3', 'L4'),
  partnerId: partner,
  receivedAt: day(-200, 0),
});
const account = fc.option(
  fc.record({
    id: fc.constant('acc-1'),
    primaryManagerId: fc.option(fc.constantFrom('M1', 'M2'), { nil: null }),
    tier: fc.option(fc.constantFrom('A' as const, 'B' as const, 'C' as const), { nil: null }),
    directProtected: fc.boolean(),
  }),
  { nil: null },
);
const conflictInput: fc.Arbitrary<ChannelConflictInput> = fc.record({
  partnerId: partner,
  receivedAt: fc.constant(now),
  account,
  // Registrations and leads carry unique ids, as their tables' keys make them.
  registrations: fc.uniqueArray(registration, { maxLength: 4, selector: (r) => r.id }),
  otherLeads: fc.uniqueArray(otherLead, { maxLength: 4, selector: (l) => l.leadId }),
  now: fc.constant(now),
});

describe('channel conflict, for any account, registrations and leads', () => {
  it('never lets a partner win against itself', () => {
    fc.assert(
      fc.property(conflictInput, (input) => {
        const outcome = judgeChannelConflict(input, policy);
        if (outcome.kind === 'CONFLICT' && outcome.winner.kind === 'PARTNER') {
          expect(outcome.winner.partnerId).not.toBe(input.partnerId);
        }
      }),
    );
  });

  it('finds no conflict when only the partner itself registered or brought the company', () => {
    fc.assert(
      fc.property(conflictInput, (input) => {
        const alone: ChannelConflictInput = {
          ...input,
          account: input.account && {
            ...input.account,
            primaryManagerId: null,
            directProtected: false,
          },
          registrations: input.registrations.map((r) => ({ ...r, partnerId: input.partnerId })),
          otherLeads: input.otherLeads.map((l) => ({ ...l, partnerId: input.partnerId })),
        };
        expect(judgeChannelConflict(alone, policy).kind).toBe('NO_CONFLICT');
      }),
    );
  });

  it('decides the same without expired or withdrawn registrations: they never win', () => {
    fc.assert(
      fc.property(conflictInput, (input) => {
        const live = input.registrations.filter((r) => dealRegistrationStatus(r, now) === 'ACTIVE');
        expect(judgeChannelConflict({ ...input, registrations: live }, policy)).toEqual(
          judgeChannelConflict(input, policy),
        );
      }),
    );
  });

  it('decides the same whatever order the registrations and leads come in', () => {
    fc.assert(
      fc.property(conflictInput, (input) => {
        const reversed = {
          ...input,
          registrations: [...input.registrations].reverse(),
          otherLeads: [...input.otherLeads].reverse(),
        };
        expect(judgeChannelConflict(reversed, policy)).toEqual(judgeChannelConflict(input, policy));
      }),
    );
  });

  it('always leaves an owned account with its manager', () => {
    fc.assert(
      fc.property(conflictInput, fc.constantFrom('M1', 'M2'), (input, managerId) => {
        if (input.account === null) return;
        const owned = { ...input, account: { ...input.account, primaryManagerId: managerId } };
        expect(judgeChannelConflict(owned, policy)).toMatchObject({
          kind: 'CONFLICT',
          winner: { kind: 'MANAGER', managerId },
        });
      }),
    );
  });
});
