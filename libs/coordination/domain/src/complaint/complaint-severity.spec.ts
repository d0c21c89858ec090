import { classifyComplaint, type ComplaintFacts } from './complaint.js';

const facts = (overrides: Partial<ComplaintFacts> = {}): ComplaintFacts => ({
  category: 'BILLING',
  tier: 'B',
  serviceDown: false,
  affectedLines: 1,
  recentComplaints: 0,
  escalatedExternally: false,
  ...overrides,
});

describe('complaint severity', () => {
  it('makes a complaint taken to the regulator critical whatever it is about', () => {
    expect(classifyComplaint(facts({ tier: 'C', escalatedExternally: true }))).toEqual({
      severity: 'CRITICAL',
      priority: 'P1',
    });
  });

  it('makes an outage critical for a tier A account or for many lines, major otherwise', () => {
    const outage = { category: 'NETWORK_QUALITY', serviceDown: true } as const;
    expect(classifyComplaint(facts({ ...outage, tier: 'A' })).severity).toBe('CRITICAL');
    expect(classifyComplaint(facts({ ...outage, affectedLines: 50 })).severity).toBe('CRITICAL');
    expect(classifyComplaint(facts({ ...outage, affectedLines: 49 })).severity).toBe('MAJOR');
  });

  it('makes a repeated complaint or a tier A one major, and the rest minor', () => {
    expect(classifyComplaint(facts({ recentComplaints: 2 })).priority).toBe('P2');
    expect(classifyComplaint(facts({ tier: 'A', category: 'SERVICE_ATTITUDE' })).severity).toBe(
      'MAJOR',
    );
    expect(
      classifyComplaint(facts({ category: 'INSTALLATION_DELAY', recentComplaints: 1 })),
    ).toEqual({
      severity: 'MINOR',
      priority: 'P3',
    });
  });
});
