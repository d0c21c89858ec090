import { DEFAULT_MANAGER_POLICY } from '../policy.js';
import { leaverFallback, type LeaverAccount } from './leaver-fallback.js';

const supervisor = (capacity: number, load: number) => ({
  id: 'S1',
  status: 'ACTIVE' as const,
  capacity,
  load,
});

describe('the fallback to the supervisor respects the supervisor’s capacity', () => {
  const accounts: LeaverAccount[] = [
    { id: 'c1', tier: 'C', inHandover: false },
    { id: 'b1', tier: 'B', inHandover: false },
    { id: 'a1', tier: 'A', inHandover: true },
    { id: 'c2', tier: 'C', inHandover: true },
  ];

  it('gives the supervisor only what fits under their maximum load', () => {
    // 20 points of capacity, 10 carried: room for the B (4) and a C (1) but not the A (10).
    expect(leaverFallback(accounts, supervisor(20, 10), DEFAULT_MANAGER_POLICY)).toEqual([
      { accountId: 'b1', kind: 'SUPERVISOR', managerId: 'S1' },
      { accountId: 'c1', kind: 'SUPERVISOR', managerId: 'S1' },
      { accountId: 'a1', kind: 'UNASSIGNED', reason: 'NO_CAPACITY' },
      { accountId: 'c2', kind: 'SUPERVISOR', managerId: 'S1' },
    ]);
  });

  it('lets the supervisor carry the policy’s extra points beyond their maximum', () => {
    const policy = {
      ...DEFAULT_MANAGER_POLICY,
      handover: {
        ...DEFAULT_MANAGER_POLICY.handover,
        supervisorFallback: { takesAccounts: true, extraPoints: 10 },
      },
    };
    expect(
      leaverFallback(accounts, supervisor(20, 10), policy).every((o) => o.kind === 'SUPERVISOR'),
    ).toBe(true);
  });

  it('gives a full supervisor nothing', () => {
    expect(
      leaverFallback(accounts, supervisor(10, 10), DEFAULT_MANAGER_POLICY).map((o) =>
        o.kind === 'UNASSIGNED' ? o.reason : o.kind,
      ),
    ).toEqual(['NO_CAPACITY', 'NO_CAPACITY', 'NO_CAPACITY', 'NO_CAPACITY']);
  });
});
