import fc from 'fast-check';
import type { Lead, LeadActor, LeadCommand, LeadState } from './lead-model.js';
import { LOST_REASONS } from './lead-model.js';
import {
  aLead,
  coordinator,
  intake,
  later,
  manager,
  otherManager,
  otherPartner,
  partner,
  supervisor,
} from './lead.fixture.js';
import { transitionLead } from './lead-transition.js';

/** The lifecycle as the issue draws it; any accepted step must be one of these edges. */
const EDGES: Readonly<Record<LeadState, readonly LeadState[]>> = {
  RECEIVED: ['QUALIFIED', 'DUPLICATE', 'IN_CONFLICT', 'LOST'],
  QUALIFIED: ['IN_CONFLICT', 'ASSIGNED', 'LOST'],
  DUPLICATE: ['QUALIFIED'],
  IN_CONFLICT: ['ASSIGNED', 'LOST'],
  ASSIGNED: ['ASSIGNED', 'CONTACTED', 'LOST'],
  CONTACTED: ['CONVERTED', 'LOST'],
  CONVERTED: [],
  LOST: [],
};

const actor = fc.constantFrom<LeadActor>(
  intake,
  coordinator,
  supervisor,
  manager,
  otherManager,
  partner,
  otherPartner,
);
const winner = fc.constantFrom(
  { kind: 'MANAGER' as const, managerId: 'M-1' },
  { kind: 'PARTNER' as const, partnerId: 'P-2' },
);
const command: fc.Arbitrary<LeadCommand> = fc.oneof(
  fc.constant({ kind: 'QUALIFY' as const, accountId: null }),
  fc
    .constantFrom('', 'L-0')
    .map((id) => ({ kind: 'MARK_DUPLICATE' as const, duplicateOf: { kind: 'LEAD' as const, id } })),
  winner.map((w) => ({
    kind: 'RAISE_CONFLICT' as const,
    conflict: { reason: 'ACCOUNT_OWNED_BY_MANAGER' as const, winner: w },
  })),
  fc.constant({ kind: 'OVERRULE_DUPLICATE' as const }),
  fc.record({
    kind: fc.constant('ASSIGN' as const),
    managerId: fc.constantFrom('M-1', 'M-2', ''),
    accountId: fc.constantFrom('acc-1', 'acc-2'),
  }),
  fc.integer({ min: 0, max: 200 }).map((h) => ({ kind: 'RECORD_CONTACT' as const, at: later(h) })),
  fc.constant({ kind: 'CONVERT' as const }),
  fc.constant({ kind: 'WITHDRAW' as const }),
  fc.record({
    kind: fc.constant('LOSE' as const),
    reason: fc.constantFrom(...LOST_REASONS),
    note: fc.constantFrom(null, '', '客户已搬迁至外省'),
  }),
);

function invariants(lead: Lead): void {
  if (['ASSIGNED', 'CONTACTED', 'CONVERTED'].includes(lead.state)) {
    expect(lead.managerId).not.toBeNull();
    expect(lead.accountId).not.toBeNull();
    expect(lead.assignedAt).not.toBeNull();
  }
  if (lead.state === 'CONVERTED' || lead.state === 'CONTACTED') {
    expect(lead.firstContactAt).not.toBeNull();
  }
  if (lead.state === 'LOST') expect(lead.lostReason).not.toBeNull();
  if (lead.lostReason === 'OTHER') expect(lead.lostNote).not.toBeNull();
  if (lead.state === 'DUPLICATE') expect(lead.duplicateOf?.id).toBeTruthy();
}

describe('the lead state machine, over any sequence of commands', () => {
  it('moves only along the lifecycle, keeps its invariants, and never reopens a closed lead', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, actor), { maxLength: 25 }), (steps) => {
        let lead = aLead();
        steps.forEach(([cmd, who], i) => {
          const outcome = transitionLead(lead, cmd, who, later(i * 10));
          if (!outcome.ok) {
            expect(outcome.refusal.figures).toMatchObject({ leadId: lead.id, state: lead.state });
            return;
          }
          expect(EDGES[lead.state]).toContain(outcome.lead.state);
          if (lead.assignedAt !== null) expect(outcome.lead.assignedAt).toEqual(lead.assignedAt);
          invariants(outcome.lead);
          lead = outcome.lead;
        });
      }),
    );
  });

  it('never gives a lead to a manager after another partner won its conflict', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, actor), { maxLength: 25 }), (steps) => {
        let lead = aLead();
        for (const [cmd, who] of steps) {
          const outcome = transitionLead(lead, cmd, who, later(300));
          if (!outcome.ok) continue;
          if (lead.state === 'IN_CONFLICT' && lead.conflict?.winner.kind === 'PARTNER') {
            expect(outcome.lead.state).toBe('LOST');
          }
          lead = outcome.lead;
        }
      }),
    );
  });
});
