import { DEFAULT_MANAGER_POLICY } from '../policy.js';
import { completionRefusal, type CompletionFacts } from './handover-completion.js';

const now = new Date('2026-12-02T08:00:00Z');
const longAgo = new Date('2026-10-01T08:00:00Z');
const facts = (overrides: Partial<CompletionFacts> = {}): CompletionFacts => ({
  state: 'SHADOWING',
  tier: 'A',
  startedAt: longAgo,
  openItems: [],
  incoming: { id: 'K1', status: 'ACTIVE', grade: 'KEY_ACCOUNT' },
  ...overrides,
});

describe('handover completion rechecks the incoming manager', () => {
  it('completes when the incoming manager is still active and their grade fits the tier', () => {
    expect(completionRefusal(facts(), DEFAULT_MANAGER_POLICY, now)).toBeNull();
  });

  it.each(['ON_LEAVE', 'LEAVING', 'LEFT'] as const)(
    'refuses when the incoming manager is no longer active (%s)',
    (status) => {
      const refusal = completionRefusal(
        facts({ incoming: { id: 'K1', status, grade: 'KEY_ACCOUNT' } }),
        DEFAULT_MANAGER_POLICY,
        now,
      );
      expect(refusal).toEqual({
        code: 'INCOMING_MANAGER_NOT_ACTIVE',
        figures: { managerId: 'K1', status },
      });
    },
  );

  it('refuses when the account’s tier rose beyond the incoming manager’s grade', () => {
    const refusal = completionRefusal(
      facts({ tier: 'A', incoming: { id: 'E1', status: 'ACTIVE', grade: 'SENIOR' } }),
      DEFAULT_MANAGER_POLICY,
      now,
    );
    expect(refusal?.code).toBe('INCOMING_GRADE_CANNOT_OWN_TIER');
    expect(refusal?.figures).toMatchObject({ grade: 'SENIOR', tier: 'A' });
  });

  it('refuses while a checklist item is open, before anything else', () => {
    const refusal = completionRefusal(
      facts({
        openItems: ['JOINT_VISIT'],
        incoming: { id: 'K1', status: 'LEFT', grade: 'SENIOR' },
      }),
      DEFAULT_MANAGER_POLICY,
      now,
    );
    expect(refusal).toEqual({ code: 'CHECKLIST_INCOMPLETE', figures: { open: 'JOINT_VISIT' } });
  });
});
