import { matchManager } from '../matching.js';
import { DEFAULT_MANAGER_POLICY as POLICY } from '../policy.js';
import { explainAssignment } from './explanation.js';

const ACCOUNT = { tier: 'C', regionCode: '350102', industryCode: 'C' } as const;
const E1 = {
  id: 'E1',
  grade: 'STANDARD',
  status: 'ACTIVE',
  regions: ['350100'],
  industries: ['C'],
  capacity: 10,
  load: 4,
} as const;

describe('the assignment explanation', () => {
  it('gives its reasons as codes and figures, for the edge to word in the caller’s language', () => {
    const reasons = explainAssignment(ACCOUNT, matchManager(ACCOUNT, [E1], POLICY), 'E9');
    expect(reasons).toEqual([
      { code: 'ACCOUNT_FACTS', figures: { tier: 'C', region: '350102', industry: 'C' } },
      {
        code: 'BEST_FIT_NOW',
        figures: {
          managerId: 'E1',
          mismatch: 0,
          region: 0,
          industry: 0,
          grade: 0,
          loadPercent: 50,
        },
      },
      { code: 'OWNED_BY', figures: { managerId: 'E9' } },
    ]);
  });

  it('says the owner is still the best fit, or why nobody fits and who stays accountable', () => {
    expect(explainAssignment(ACCOUNT, matchManager(ACCOUNT, [E1], POLICY), 'E1')[1]?.code).toBe(
      'OWNER_IS_BEST_FIT',
    );
    const full = matchManager(ACCOUNT, [{ ...E1, load: 10 }], POLICY);
    expect(explainAssignment(ACCOUNT, full, 'E1').slice(1)).toEqual([
      { code: 'NO_MANAGER_FITS', figures: { why: 'NO_CAPACITY' } },
      { code: 'CURRENT_STAYS_ACCOUNTABLE', figures: { managerId: 'E1' } },
    ]);
    expect(explainAssignment(ACCOUNT, full, null)[2]?.code).toBe('LISTED_UNASSIGNABLE');
  });
});
