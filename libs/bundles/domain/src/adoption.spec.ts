import { adoptionBp, adoptionFunnel, type AdoptionFact } from './adoption.js';

const fact = (overrides: Partial<AdoptionFact>): AdoptionFact => ({
  accountId: 'A1',
  productCode: 'MOBILE_OFFICE',
  family: 'MOBILE_OFFICE',
  tier: 'B',
  aware: true,
  trialled: false,
  subscribed: false,
  usage: 0,
  entitlement: 0,
  ...overrides,
});

describe('adoption', () => {
  it('is usage over entitlement, capped at 100 % and undefined without entitlement', () => {
    expect(adoptionBp(30, 120)).toBe(2_500);
    expect(adoptionBp(200, 100)).toBe(10_000);
    expect(adoptionBp(-5, 100)).toBe(0);
    expect(adoptionBp(10, 0)).toBeNull();
  });

  it('aggregates the awareness → trial → subscription → adoption funnel by family and tier', () => {
    const rows = adoptionFunnel([
      fact({ accountId: 'A1' }),
      fact({ accountId: 'A2' }),
      fact({ accountId: 'A3', trialled: true }),
      fact({ accountId: 'A4', trialled: true, subscribed: true, usage: 80, entitlement: 100 }),
      fact({ accountId: 'A5', subscribed: true, usage: 10, entitlement: 100 }),
      fact({
        accountId: 'A5',
        productCode: 'MOBILE_OFFICE_2',
        subscribed: true,
        usage: 20,
        entitlement: 100,
      }),
      fact({
        accountId: 'A6',
        family: 'CLOUD',
        tier: 'A',
        subscribed: true,
        usage: 0,
        entitlement: 0,
      }),
    ]);
    expect(rows).toEqual([
      {
        family: 'CLOUD',
        tier: 'A',
        aware: 1,
        trialled: 0,
        subscribed: 1,
        adopted: 0,
        meanAdoptionBp: null,
      },
      // A5's two subscriptions of the family count as one account: 30 of 200 = 15 %.
      {
        family: 'MOBILE_OFFICE',
        tier: 'B',
        aware: 5,
        trialled: 2,
        subscribed: 2,
        adopted: 1,
        meanAdoptionBp: 4_750,
      },
    ]);
  });

  it('takes the adoption threshold as policy', () => {
    const facts = [fact({ subscribed: true, usage: 30, entitlement: 100 })];
    expect(adoptionFunnel(facts, 3_000)[0]?.adopted).toBe(1);
    expect(adoptionFunnel(facts, 3_001)[0]?.adopted).toBe(0);
  });
});
