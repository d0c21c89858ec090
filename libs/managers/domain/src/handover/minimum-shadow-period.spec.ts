import { DEFAULT_MANAGER_POLICY, type ManagerPolicy } from '../policy.js';
import { completionRefusal, type CompletionFacts } from './handover-completion.js';

const DAY = 86_400_000;
const now = new Date('2026-12-02T08:00:00Z');
const startedDaysAgo = (days: number, tier: CompletionFacts['tier']): CompletionFacts => ({
  state: 'SHADOWING',
  tier,
  startedAt: new Date(now.getTime() - days * DAY),
  openItems: [],
  incoming: { id: 'K1', status: 'ACTIVE', grade: 'KEY_ACCOUNT' },
});

describe('a handover shadows for the policy’s minimum period of its tier before completing', () => {
  it.each([
    ['A', 14],
    ['B', 7],
    ['C', 3],
  ] as const)('a tier %s account shadows at least %i days by default', (tier, days) => {
    const early = completionRefusal(startedDaysAgo(days - 1, tier), DEFAULT_MANAGER_POLICY, now);
    expect(early?.code).toBe('SHADOW_PERIOD_NOT_OVER');
    expect(early?.figures).toMatchObject({ tier, required: days, served: days - 1 });
    expect(completionRefusal(startedDaysAgo(days, tier), DEFAULT_MANAGER_POLICY, now)).toBeNull();
  });

  it('follows the policy when admins change the period', () => {
    const policy: ManagerPolicy = {
      ...DEFAULT_MANAGER_POLICY,
      handover: { ...DEFAULT_MANAGER_POLICY.handover, minShadowDays: { A: 30, B: 0, C: 0 } },
    };
    expect(completionRefusal(startedDaysAgo(0, 'C'), policy, now)).toBeNull();
    expect(completionRefusal(startedDaysAgo(29, 'A'), policy, now)?.code).toBe(
      'SHADOW_PERIOD_NOT_OVER',
    );
  });
});
