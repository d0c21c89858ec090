import { SeededRandom } from '@gap/random';
import { GRADES, TIERS, type ManagerCandidate } from '../manager.js';
import { matchManager } from '../matching.js';
import { DEFAULT_MANAGER_POLICY as POLICY } from '../policy.js';
import { ManagerBook } from './manager-book.js';
import { placeAccounts } from './place-accounts.js';

const PROVINCES = ['35', '44', '32'];

function randomBook(random: SeededRandom, size: number): ManagerCandidate[] {
  return Array.from({ length: size }, (_, i) => {
    const province = random.pick(PROVINCES);
    const capacity = random.int(0, 60);
    return {
      id: `E${String(1000 + ((i * 7919) % 9000))}-${i}`,
      grade: random.pick(GRADES),
      status: random.chance(0.9) ? 'ACTIVE' : random.pick(['ON_LEAVE', 'LEAVING'] as const),
      regions: random.chance(0.3)
        ? [`${province}0000`]
        : [
            `${province}0${random.int(1, 3)}00`,
            `${random.pick(PROVINCES)}0${random.int(1, 3)}0${random.int(1, 4)}`,
          ],
      industries: random.chance(0.3) ? [] : [random.pick(['C', 'F', 'I', 'K'])],
      capacity,
      load: random.int(0, capacity + 5),
    };
  });
}

function randomAccount(random: SeededRandom, id: string) {
  return {
    id,
    tier: random.pick(TIERS),
    regionCode: `${random.pick([...PROVINCES, '11'])}0${random.int(1, 3)}0${random.int(1, 4)}`,
    industryCode: random.pick(['C', 'F', 'I', 'K', 'Q']),
  };
}

describe('the manager book', () => {
  it('chooses exactly the manager the matching function chooses over every manager', () => {
    const random = new SeededRandom(15);
    for (let round = 0; round < 300; round++) {
      const managers = randomBook(random, random.int(1, 40));
      const book = new ManagerBook(managers, POLICY);
      const account = randomAccount(random, `a${round}`);
      const excluded = new Set(random.chance(0.3) && managers[0] ? [managers[0].id] : []);
      const expected = matchManager(account, managers, POLICY, excluded);
      const chosen = book.match(account, excluded);
      expect({ round, managerId: chosen.managerId, why: chosen.unassignableReason }).toEqual({
        round,
        managerId: expected.managerId,
        why: expected.unassignableReason,
      });
    }
  });

  it('weighs only the managers of the account’s province when one of them fits well', () => {
    const inside = {
      id: 'E1',
      grade: 'STANDARD',
      status: 'ACTIVE',
      regions: ['350100'],
      industries: ['C'],
      capacity: 100,
      load: 0,
    } as const;
    const outside = Array.from({ length: 50 }, (_, i) => ({
      ...inside,
      id: `G${i}`,
      regions: ['440300'],
    }));
    const book = new ManagerBook([inside, ...outside], POLICY);
    const match = book.match({ tier: 'C', regionCode: '350102', industryCode: 'C' });
    expect(match).toMatchObject({ managerId: 'E1', weighed: 1 });
  });

  it('places accounts arriving together heaviest first, each taking the load of those before', () => {
    const managers: ManagerCandidate[] = [
      {
        id: 'K1',
        grade: 'KEY_ACCOUNT',
        status: 'ACTIVE',
        regions: ['350100'],
        industries: ['C'],
        capacity: 12,
        load: 0,
      },
      {
        id: 'S1',
        grade: 'SENIOR',
        status: 'ACTIVE',
        regions: ['350100'],
        industries: ['C'],
        capacity: 12,
        load: 0,
      },
    ];
    const accounts = [
      { id: 'c1', tier: 'C', regionCode: '350102', industryCode: 'C' },
      { id: 'b1', tier: 'B', regionCode: '350102', industryCode: 'C' },
      { id: 'a1', tier: 'A', regionCode: '350102', industryCode: 'C' },
      { id: 'a2', tier: 'A', regionCode: '350102', industryCode: 'C' },
    ] as const;
    const book = new ManagerBook(managers, POLICY);
    const placed = placeAccounts(book, accounts);
    expect(placed.map((p) => [p.accountId, p.managerId ?? p.unassignableReason])).toEqual([
      ['a1', 'K1'],
      ['a2', 'NO_CAPACITY'],
      ['b1', 'S1'],
      ['c1', 'S1'],
    ]);
    expect(book.loadOf('K1')).toBe(10);
    expect(book.loadOf('S1')).toBe(5);
    const again = placeAccounts(
      new ManagerBook([...managers].reverse(), POLICY),
      [...accounts].reverse(),
    );
    expect(again).toEqual(placed);
  });

  it('explains each placement with the winner’s costs and load, or why nobody fits', () => {
    const book = new ManagerBook(
      [
        {
          id: 'E1',
          grade: 'STANDARD',
          status: 'ACTIVE',
          regions: ['350200'],
          industries: [],
          capacity: 10,
          load: 4,
        },
      ],
      POLICY,
    );
    const [placed, refused] = placeAccounts(book, [
      { id: 'c1', tier: 'C', regionCode: '350102', industryCode: 'C' },
      { id: 'c2', tier: 'A', regionCode: '350102', industryCode: 'C' },
    ]).sort((x, y) => (x.accountId < y.accountId ? -1 : 1));
    expect(placed?.reason).toEqual({
      code: 'PLACED_BEST_FIT',
      figures: {
        managerId: 'E1',
        mismatch: 25,
        region: 20,
        industry: 5,
        grade: 0,
        loadPercent: 50,
        policy: POLICY.version,
      },
    });
    expect(refused?.reason).toEqual({
      code: 'UNASSIGNABLE_NO_FITTING_GRADE',
      figures: { policy: POLICY.version },
    });
  });
});
