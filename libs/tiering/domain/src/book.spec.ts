import { tierBook, type BookAccount } from './book.js';
import { DEFAULT_POLICY } from './policy.js';

const policy = { ...DEFAULT_POLICY, hysteresisMargin: 0.02 };
const account = (id: string, score: number, overrides: Partial<BookAccount> = {}): BookAccount => ({
  id,
  head: id,
  status: 'ACTIVE',
  score,
  previousTier: null,
  ...overrides,
});

describe('the tier rule over a book', () => {
  it('leaves churned and prospect accounts out of the Pareto cut, in tier C', () => {
    // Failed before: a churned account worth 900 took A and pushed the customer worth 100 to C.
    const book = [
      account('customer', 100),
      account('churned', 900, { status: 'CHURNED' }),
      account('prospect', 500, { status: 'PROSPECT' }),
    ];
    const places = tierBook(policy, book);
    expect(places.get('customer')).toMatchObject({ tier: 'A', rank: 1, shareAbove: 0 });
    expect(places.get('churned')).toMatchObject({ tier: 'C', ranked: false, rank: null });
    expect(places.get('prospect')).toMatchObject({ tier: 'C', ranked: false, rank: null });
  });

  it('leaves a churned member out of its group’s value and floor', () => {
    const book = [
      account('head', 800),
      account('member', 0, { head: 'head' }),
      account('gone', 5_000, { head: 'head', status: 'CHURNED' }),
      account('other', 200),
    ];
    const places = tierBook(policy, book);
    expect(places.get('head')).toMatchObject({ groupScore: 800, groupSize: 2, tier: 'A' });
    expect(places.get('member')).toMatchObject({ tier: 'B', floored: true });
    expect(places.get('gone')).toMatchObject({ tier: 'C', floored: false });
  });

  it('never lets hysteresis hold a member below its group’s floor', () => {
    // Failed before (the run's SQL): the member was C and is now B by its own score, 0.945 of
    // the value above it, within 0.02 of the B/C boundary; hysteresis kept C although its
    // group (100 in all) is A, whose members are at least B.
    const book = [
      account('head', 94.5),
      account('member', 5.5, { head: 'head', previousTier: 'C' }),
    ];
    const places = tierBook(policy, book);
    const member = places.get('member');
    expect(member?.groupTier).toBe('A');
    expect(member?.ownTier).toBe('B');
    expect(member?.tier).toBe('B');
    expect(member).toMatchObject({ held: false });
  });

  it('holds a tier that a move crosses by a hair, and only within the margin', () => {
    // b: 80.5 of 100 above it, 0.805 — B by the cut, within 0.02 of 0.8: keeps A.
    const near = tierBook(policy, [account('a', 80.5), account('b', 19.5, { previousTier: 'A' })]);
    expect(near.get('b')).toMatchObject({ ownTier: 'B', tier: 'A', held: true });
    const far = tierBook(policy, [account('a', 85), account('b', 15, { previousTier: 'A' })]);
    expect(far.get('b')).toMatchObject({ ownTier: 'B', tier: 'B', held: false });
  });

  it('gives tied scores the same place, so a tie never straddles a boundary', () => {
    const places = tierBook(policy, [account('a', 50), account('b', 50), account('c', 1)]);
    expect(places.get('a')?.tier).toBe(places.get('b')?.tier);
    expect(places.get('a')?.rank).toBe(1);
    expect(places.get('b')?.rank).toBe(1);
    expect(places.get('c')?.rank).toBe(3);
  });
});
