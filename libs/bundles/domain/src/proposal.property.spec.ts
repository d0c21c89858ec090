import fc from 'fast-check';
import { APPROVER_LEVELS, type ApproverLevel } from './policy.js';
import {
  draftProposal,
  PROPOSAL_REFUSAL_CODES,
  PROPOSAL_STATES,
  proposalTransition,
  type ProposalCommand,
} from './proposal.js';
import { PROPOSAL_REASONS } from './proposal.reasons.js';
import { renderReason } from '@gap/i18n';

const actor = fc.record({
  id: fc.constantFrom('M-1', 'S-1', 'D-1', 'H-1'),
  levels: fc.subarray([...APPROVER_LEVELS]),
  inScope: fc.boolean(),
});
const chain = fc.constantFrom<ApproverLevel[]>(
  [],
  ['SUPERVISOR'],
  ['SUPERVISOR', 'REGIONAL_DIRECTOR'],
  [...APPROVER_LEVELS],
);
const command: fc.Arbitrary<ProposalCommand> = fc.oneof(
  fc.record({
    action: fc.constant('SUBMIT' as const),
    actor,
    chain,
    violations: fc.constantFrom(0, 0, 1),
  }),
  fc.record({ action: fc.constant('APPROVE' as const), actor }),
  fc.record({
    action: fc.constant('REJECT' as const),
    actor,
    comment: fc.constantFrom('', 'too deep'),
  }),
  fc.record({ action: fc.constant('SEND' as const), actor }),
  fc.record({ action: fc.constant('ACCEPT' as const), actor }),
  fc.record({ action: fc.constant('DECLINE' as const), actor }),
  fc.record({ action: fc.constant('REVISE' as const), actor }),
  fc.constant({ action: 'EXPIRE' as const }),
);
const step = fc.record({ command, days: fc.constantFrom(0, 0, 0, 1, 7, 31) });

describe('any sequence of commands on a proposal', () => {
  it('stays in a defined state, never self-approves, and approves in chain order', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
        let proposal = draftProposal('M-1');
        let now = new Date('2026-12-02T08:00:00Z').getTime();
        for (const { command, days } of steps) {
          now += days * 86_400_000;
          const outcome = proposalTransition(proposal, command, new Date(now));
          if (!outcome.ok) {
            expect(PROPOSAL_REFUSAL_CODES).toContain(outcome.refusal.code);
            expect(renderReason(PROPOSAL_REASONS, outcome.refusal, 'en')).not.toMatch(/undefined/);
            continue;
          }
          const next = outcome.proposal;
          expect(PROPOSAL_STATES).toContain(next.state);
          expect(next.revision).toBeGreaterThanOrEqual(proposal.revision);
          expect(next.approvals.length).toBeLessThanOrEqual(next.chain.length);
          next.approvals.forEach((approval, i) => {
            expect(approval.approverId).not.toBe(next.authorId);
            expect(approval.level).toBe(next.chain[i]);
          });
          if (next.state === 'APPROVED') expect(next.approvals.length).toBe(next.chain.length);
          reached.add(next.state);
          proposal = next;
        }
      }),
      { numRuns: 500 },
    );
    // The generator walks every state, so the checks above ran on each of them.
    expect([...reached].sort()).toEqual([...PROPOSAL_STATES].sort());
  });
});
