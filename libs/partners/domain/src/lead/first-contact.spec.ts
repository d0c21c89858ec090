import { DEFAULT_PARTNERS_POLICY as policy } from '../policy.js';
import { firstContactDueAt, firstContactStatus, isFirstContactOverdue } from './first-contact.js';
import { aLead, later } from './lead.fixture.js';

describe('first-contact target', () => {
  it.each([
    ['P1', 4],
    ['P2', 24],
    ['P3', 72],
  ] as const)('gives a %s lead %i hours from assignment by default', (priority, hours) => {
    const lead = aLead({ state: 'ASSIGNED', priority });
    expect(firstContactDueAt(lead, policy)).toEqual(later(1 + hours));
    expect(isFirstContactOverdue(lead, policy, later(1 + hours))).toBe(false);
    expect(isFirstContactOverdue(lead, policy, later(1 + hours + 0.01))).toBe(true);
  });

  it('does not start before anyone is assigned', () => {
    const lead = aLead({ state: 'QUALIFIED' });
    expect(firstContactDueAt(lead, policy)).toBeNull();
    expect(firstContactStatus(lead, policy, later(500))).toBe('NONE');
  });

  it('is met or missed once the manager has called', () => {
    const met = aLead({ state: 'CONTACTED', priority: 'P1', firstContactAt: later(5) });
    const missed = aLead({ state: 'CONVERTED', priority: 'P1', firstContactAt: later(5.5) });
    expect(firstContactStatus(met, policy, later(100))).toBe('MET');
    expect(firstContactStatus(missed, policy, later(100))).toBe('MISSED');
    expect(isFirstContactOverdue(missed, policy, later(100))).toBe(false);
  });

  it('follows the policy’s hours', () => {
    const lead = aLead({ state: 'ASSIGNED', priority: 'P1' });
    const urgent = { ...policy, firstContactHours: { ...policy.firstContactHours, P1: 1 } };
    expect(firstContactStatus(lead, urgent, later(2.5))).toBe('OVERDUE');
    expect(firstContactStatus(lead, policy, later(2.5))).toBe('DUE');
  });

  it('no longer runs for a lead lost before contact', () => {
    const lead = aLead({ state: 'LOST', managerId: 'M-1', assignedAt: later(1) });
    expect(firstContactStatus(lead, policy, later(100))).toBe('NONE');
  });
});
