import { DEFAULT_PARTNERS_POLICY as policy } from '../policy.js';
import { hoursToFirstContact } from './first-contact.js';
import type { Lead, LeadActor, LeadCommand } from './lead-model.js';
import {
  aLead,
  coordinator,
  intake,
  later,
  manager,
  partner,
  supervisor,
  t0,
} from './lead.fixture.js';
import { transitionLead } from './lead-transition.js';

function run(
  lead: Lead,
  steps: readonly [LeadCommand, LeadActor, Date][],
): { lead: Lead; events: string[] } {
  const events: string[] = [];
  let current = lead;
  for (const [command, actor, at] of steps) {
    const outcome = transitionLead(current, command, actor, at);
    if (!outcome.ok) throw new Error(`${command.kind} refused: ${outcome.refusal.code}`);
    current = outcome.lead;
    events.push(outcome.event);
  }
  return { lead: current, events };
}

describe('a partner’s lead from receipt to outcome', () => {
  it('is qualified, assigned, contacted and converted, announcing each step', () => {
    const { lead, events } = run(aLead(), [
      [{ kind: 'QUALIFY', accountId: null }, intake, later(0)],
      [{ kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-9' }, intake, later(1)],
      [{ kind: 'RECORD_CONTACT', at: later(3) }, manager, later(3.5)],
      [{ kind: 'CONVERT' }, manager, later(48)],
    ]);
    expect(events).toEqual(['LeadQualified', 'LeadAssigned', 'LeadContacted', 'LeadConverted']);
    expect(lead).toMatchObject({
      state: 'CONVERTED',
      accountId: 'acc-9',
      managerId: 'M-1',
      assignedAt: later(1),
      firstContactAt: later(3),
      closedAt: later(48),
    });
    expect(hoursToFirstContact(lead)).toBe(3);
  });

  it('is lost with a reason the partner is told', () => {
    const { lead, events } = run(aLead({ state: 'CONTACTED' }), [
      [{ kind: 'LOSE', reason: 'CHOSE_COMPETITOR', note: '  ' }, manager, later(10)],
    ]);
    expect(events).toEqual(['LeadLost']);
    expect(lead).toMatchObject({ state: 'LOST', lostReason: 'CHOSE_COMPETITOR', lostNote: null });
  });

  it.each(['RECEIVED', 'QUALIFIED', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED'] as const)(
    'is withdrawn by its partner while %s, lost as withdrawn',
    (state) => {
      const { lead, events } = run(aLead({ state }), [[{ kind: 'WITHDRAW' }, partner, later(6)]]);
      expect(events).toEqual(['LeadLost']);
      expect(lead).toMatchObject({
        state: 'LOST',
        lostReason: 'WITHDRAWN_BY_PARTNER',
        closedAt: later(6),
      });
    },
  );

  it('is lost for another reason only with a note that says what it is', () => {
    const { lead } = run(aLead({ state: 'ASSIGNED' }), [
      [{ kind: 'LOSE', reason: 'OTHER', note: ' 客户已搬迁至外省 ' }, manager, later(5)],
    ]);
    expect(lead).toMatchObject({ lostReason: 'OTHER', lostNote: '客户已搬迁至外省' });
  });

  it('is set aside as a duplicate, and brought back by a coordinator who finds it is not one', () => {
    const { lead, events } = run(aLead(), [
      [{ kind: 'MARK_DUPLICATE', duplicateOf: { kind: 'LEAD', id: 'L-0' } }, intake, t0],
      [{ kind: 'OVERRULE_DUPLICATE' }, coordinator, later(20)],
      [{ kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-2' }, coordinator, later(21)],
    ]);
    expect(events).toEqual(['LeadDuplicate', 'LeadQualified', 'LeadAssigned']);
    expect(lead).toMatchObject({ state: 'ASSIGNED', duplicateOf: null });
  });

  it('goes to the manager who won its conflict', () => {
    const conflict = {
      reason: 'ACCOUNT_OWNED_BY_MANAGER' as const,
      winner: { kind: 'MANAGER' as const, managerId: 'M-1' },
    };
    const { lead, events } = run(aLead({ state: 'QUALIFIED' }), [
      [{ kind: 'RAISE_CONFLICT', conflict }, intake, t0],
      [{ kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-1' }, intake, later(1)],
    ]);
    expect(events).toEqual(['LeadInConflict', 'LeadAssigned']);
    expect(lead).toMatchObject({ state: 'ASSIGNED', conflict });
  });

  it('is lost to the partner who won its conflict', () => {
    const conflict = {
      reason: 'REGISTERED_BY_OTHER_PARTNER' as const,
      winner: { kind: 'PARTNER' as const, partnerId: 'P-2' },
    };
    const { lead } = run(aLead(), [
      [{ kind: 'RAISE_CONFLICT', conflict }, intake, t0],
      [{ kind: 'LOSE', reason: 'CHANNEL_CONFLICT', note: null }, coordinator, later(1)],
    ]);
    expect(lead).toMatchObject({ state: 'LOST', lostReason: 'CHANNEL_CONFLICT' });
  });

  it('may be handed to another manager without restarting the first-contact clock', () => {
    const { lead } = run(aLead({ state: 'ASSIGNED' }), [
      [{ kind: 'ASSIGN', managerId: 'M-2', accountId: 'acc-1' }, supervisor, later(30)],
    ]);
    expect(lead).toMatchObject({ managerId: 'M-2', assignedAt: later(1) });
    expect(policy.firstContactHours.P2).toBe(24);
  });
});
