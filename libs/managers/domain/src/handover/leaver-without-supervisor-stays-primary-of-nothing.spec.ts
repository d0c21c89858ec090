import { DEFAULT_MANAGER_POLICY } from '../policy.js';
import { leaverFallback } from './leaver-fallback.js';

const accounts = [
  { id: 'a1', tier: 'C' as const, inHandover: false },
  { id: 'a2', tier: 'B' as const, inHandover: true },
];

describe('a leaving manager with no supervisor is primary of nothing after their last day', () => {
  it('sends every account to the unassigned queue, coded NO_SUPERVISOR', () => {
    expect(leaverFallback(accounts, null, DEFAULT_MANAGER_POLICY)).toEqual([
      { accountId: 'a1', kind: 'UNASSIGNED', reason: 'NO_SUPERVISOR' },
      { accountId: 'a2', kind: 'UNASSIGNED', reason: 'NO_SUPERVISOR' },
    ]);
  });

  it('treats a supervisor who is not active, or a policy without the fallback, the same way', () => {
    const away = { id: 'S1', status: 'ON_LEAVE' as const, capacity: 100, load: 0 };
    expect(leaverFallback(accounts, away, DEFAULT_MANAGER_POLICY).map((o) => o.kind)).toEqual([
      'UNASSIGNED',
      'UNASSIGNED',
    ]);
    const off = {
      ...DEFAULT_MANAGER_POLICY,
      handover: {
        ...DEFAULT_MANAGER_POLICY.handover,
        supervisorFallback: { takesAccounts: false, extraPoints: 0 },
      },
    };
    const active = { ...away, status: 'ACTIVE' as const };
    expect(leaverFallback(accounts, active, off)).toEqual([
      { accountId: 'a1', kind: 'UNASSIGNED', reason: 'NO_SUPERVISOR' },
      { accountId: 'a2', kind: 'UNASSIGNED', reason: 'NO_SUPERVISOR' },
    ]);
  });
});
