import { DEFAULT_PARTNERS_POLICY as policy } from '../policy.js';
import { judgeChannelConflict, type ChannelConflictInput } from './channel-conflict.js';
import type { DealRegistration } from './deal-registration.js';

const now = new Date('2026-12-01T08:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const daysAhead = (d: number) => new Date(now.getTime() + d * 86_400_000);

const account = { id: 'acc-1', primaryManagerId: null, tier: 'B', directProtected: false } as const;

function registration(
  partnerId: string,
  overrides: Partial<DealRegistration> = {},
): DealRegistration {
  return {
    id: `reg-${partnerId}`,
    partnerId,
    accountId: 'acc-1',
    registeredAt: daysAgo(10),
    expiresAt: daysAhead(80),
    ...overrides,
  };
}

function input(overrides: Partial<ChannelConflictInput> = {}): ChannelConflictInput {
  return {
    partnerId: 'P1',
    receivedAt: now,
    account,
    registrations: [],
    otherLeads: [],
    now,
    ...overrides,
  };
}

describe('channel conflict', () => {
  it('lets a partner take a new company nobody else has brought', () => {
    expect(judgeChannelConflict(input({ account: null }), policy)).toEqual({
      kind: 'NO_CONFLICT',
      heldBy: null,
    });
  });

  it('leaves an account a manager already owns with that manager', () => {
    const outcome = judgeChannelConflict(
      input({ account: { ...account, primaryManagerId: 'M-7' } }),
      policy,
    );
    expect(outcome).toEqual({
      kind: 'CONFLICT',
      winner: { kind: 'MANAGER', managerId: 'M-7' },
      reason: 'ACCOUNT_OWNED_BY_MANAGER',
      reasons: [
        { code: 'ACCOUNT_OWNED_BY_MANAGER', figures: { accountId: 'acc-1', managerId: 'M-7' } },
      ],
    });
  });

  it('keeps a directly served tier-A account away from every partner, even one that registered it', () => {
    const outcome = judgeChannelConflict(
      input({
        account: { ...account, tier: 'A', directProtected: true, primaryManagerId: 'M-1' },
        registrations: [registration('P1')],
      }),
      policy,
    );
    expect(outcome.kind === 'CONFLICT' && outcome.reasons.map((r) => r.code)).toEqual([
      'TIER_A_DIRECT_PROTECTED',
      'ACCOUNT_OWNED_BY_MANAGER',
    ]);
    expect(outcome.kind === 'CONFLICT' && outcome.winner).toEqual({
      kind: 'MANAGER',
      managerId: 'M-1',
    });
  });

  it('does not protect a tier-A account the operator does not serve directly', () => {
    const outcome = judgeChannelConflict(input({ account: { ...account, tier: 'A' } }), policy);
    expect(outcome.kind).toBe('NO_CONFLICT');
  });

  it('gives the account to the partner whose deal registration holds it', () => {
    const outcome = judgeChannelConflict(input({ registrations: [registration('P2')] }), policy);
    expect(outcome).toMatchObject({
      kind: 'CONFLICT',
      winner: { kind: 'PARTNER', partnerId: 'P2' },
      reason: 'REGISTERED_BY_OTHER_PARTNER',
    });
    expect(outcome.kind === 'CONFLICT' && outcome.reasons[0]?.figures).toEqual({
      partnerId: 'P2',
      registrationId: 'reg-P2',
      expiresAt: daysAhead(80).toISOString(),
    });
  });

  it('lets an expired or withdrawn registration hold nothing', () => {
    const expired = registration('P2', { expiresAt: now });
    const withdrawn = registration('P3', { withdrawnAt: daysAgo(1) });
    const outcome = judgeChannelConflict(input({ registrations: [expired, withdrawn] }), policy);
    expect(outcome.kind).toBe('NO_CONFLICT');
  });

  it('gives the company to the partner that brought it first within the protection window', () => {
    const outcome = judgeChannelConflict(
      input({
        account: null,
        otherLeads: [
          { leadId: 'L-3', partnerId: 'P3', receivedAt: daysAgo(5) },
          { leadId: 'L-2', partnerId: 'P2', receivedAt: daysAgo(30) },
          { leadId: 'L-1', partnerId: 'P1', receivedAt: daysAgo(60) },
        ],
      }),
      policy,
    );
    expect(outcome).toMatchObject({
      kind: 'CONFLICT',
      winner: { kind: 'PARTNER', partnerId: 'P2' },
      reason: 'EARLIER_LEAD_OF_OTHER_PARTNER',
      reasons: [{ figures: { leadId: 'L-2', windowDays: 90 } }],
    });
  });

  it('forgets another partner’s lead once the protection window has passed', () => {
    const old = { leadId: 'L-2', partnerId: 'P2', receivedAt: daysAgo(91) };
    expect(judgeChannelConflict(input({ otherLeads: [old] }), policy).kind).toBe('NO_CONFLICT');
    const longer = { ...policy, protectionWindowDays: 120 };
    expect(judgeChannelConflict(input({ otherLeads: [old] }), longer).kind).toBe('CONFLICT');
  });

  it('lets a partner’s own registration keep other partners’ earlier leads off', () => {
    const outcome = judgeChannelConflict(
      input({
        registrations: [registration('P1')],
        otherLeads: [{ leadId: 'L-2', partnerId: 'P2', receivedAt: daysAgo(20) }],
      }),
      policy,
    );
    expect(outcome).toEqual({ kind: 'NO_CONFLICT', heldBy: registration('P1') });
  });

  it('holds the account for the earliest of two active registrations', () => {
    const outcome = judgeChannelConflict(
      input({
        registrations: [
          registration('P1', { registeredAt: daysAgo(3) }),
          registration('P2', { registeredAt: daysAgo(4) }),
        ],
      }),
      policy,
    );
    expect(outcome).toMatchObject({
      kind: 'CONFLICT',
      winner: { kind: 'PARTNER', partnerId: 'P2' },
    });
  });

  it('ignores registrations on other accounts', () => {
    const elsewhere = registration('P2', { accountId: 'acc-2' });
    expect(judgeChannelConflict(input({ registrations: [elsewhere] }), policy).kind).toBe(
      'NO_CONFLICT',
    );
  });
});
