import fc from 'fast-check';
import {
  ACCOUNT_STATUSES,
  DEFAULT_POLICY,
  TIERS,
  type AccountStatus,
  type MonthlyInput,
  type Tier,
  type TieringPolicy,
} from '@gap/tiering/domain';

/** The month random books are valued as of; their inputs fall around its trailing year. */
export const RANDOM_BOOK_AS_OF = '2026-10';

/** One account of a random book, named by its place in the book (`a0`, `a1`, …). */
export interface RandomAccount {
  readonly key: string;
  /** The head of its group: itself, or an earlier account that heads its own. */
  readonly headKey: string;
  readonly status: AccountStatus;
  readonly industryCode: string;
  readonly employees: number;
  /** Whole years as a customer as of the book's month (0 for none). */
  readonly tenureYears: number;
  readonly months: readonly MonthlyInput[];
  /** The tier the previous run computed, null for an account never tiered. */
  readonly previousTier: Tier | null;
  /** The leader (an earlier account) of the industry cluster it supplies, if any. */
  readonly supplies: string | null;
}

export interface RandomBook {
  readonly policy: TieringPolicy;
  readonly accounts: readonly RandomAccount[];
}

// Months inside the trailing year of 2026-10, and one just outside it.
const MONTHS = ['2025-10', '2025-11', '2026-03', '2026-09', '2026-10'];
const INDUSTRIES = ['C', 'I', 'J', 'Z'];

/** Whole yuan, often from a few round amounts so that books have ties and exact boundaries. */
const amount = (max: number) =>
  fc.oneof(fc.constantFrom(0, 1_000, 10_000, 50_000, 100_000), fc.integer({ min: 0, max }));

const month: fc.Arbitrary<MonthlyInput> = fc.record({
  month: fc.constantFrom(...MONTHS),
  revenue: fc.record({ DATA: amount(400_000), VOICE: amount(50_000) }),
  cost: fc.record({ OPERATING: amount(150_000), COMMISSION: amount(20_000) }),
  lines: fc.integer({ min: 0, max: 400 }),
  complaints: fc.integer({ min: 0, max: 4 }),
});

const weight = fc.constantFrom(0, 0.25, 0.5, 1);

/** A valid policy around the default: other cut-offs, margins, floors, weights and wallets. */
export const randomPolicy: fc.Arbitrary<TieringPolicy> = fc
  .record({
    horizonYears: fc.integer({ min: 1, max: 6 }),
    discountRate: fc.constantFrom(0, 0.08, 0.25),
    a: fc.constantFrom(0.5, 0.6, 0.7, 0.8),
    b: fc.constantFrom(0.1, 0.15, 0.2),
    hysteresisMargin: fc.constantFrom(0, 0.02, 0.05, 0.1),
    floorA: fc.constantFrom<'B' | 'C' | null>('B', 'C', null),
    floorB: fc.constantFrom<'C' | null>('C', null),
    weights: fc.record({ current: weight, potential: weight, lifetime: weight }),
    walletPerLine: fc.constantFrom(0, 600, 1_200),
  })
  .filter((p) => p.weights.current + p.weights.potential + p.weights.lifetime > 0)
  .map((p): TieringPolicy => ({
    ...DEFAULT_POLICY,
    version: 'random',
    horizonYears: p.horizonYears,
    discountRate: p.discountRate,
    walletPerLine: p.walletPerLine,
    scoreWeights: p.weights,
    cutoffs: {
      A: p.a,
      B: p.b,
      C: Math.round((1 - p.a - p.b) * 1e9) / 1e9,
    },
    hysteresisMargin: p.hysteresisMargin,
    groupFloor: { A: p.floorA, B: p.floorB },
  }));

const account = fc.record({
  // Mostly customers; some prospects and churned accounts, which the cut leaves out.
  status: fc.oneof(
    { weight: 6, arbitrary: fc.constant<AccountStatus>('ACTIVE') },
    { weight: 3, arbitrary: fc.constantFrom<AccountStatus>(...ACCOUNT_STATUSES) },
  ),
  industryCode: fc.constantFrom(...INDUSTRIES),
  employees: fc.integer({ min: 0, max: 600 }),
  tenureYears: fc.integer({ min: 0, max: 8 }),
  months: fc.uniqueArray(month, { maxLength: 3, selector: (m) => m.month }),
  previousTier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
  // Which earlier account heads this one's group, if any (taken modulo the heads so far).
  joins: fc.option(fc.nat(), { nil: null, freq: 3 }),
  // Which earlier account leads the cluster this one supplies, if any.
  supplies: fc.option(fc.nat(), { nil: null, freq: 4 }),
});

/** A random book of `min` to `max` accounts under a random policy, with groups. */
export function randomBook(min = 5, max = 60): fc.Arbitrary<RandomBook> {
  return fc
    .record({ policy: randomPolicy, rows: fc.array(account, { minLength: min, maxLength: max }) })
    .map(({ policy, rows }) => {
      const heads: string[] = [];
      const accounts = rows.map(({ joins, supplies, ...row }, i): RandomAccount => {
        const key = `a${i}`;
        const headKey = joins === null || heads.length === 0 ? key : heads[joins % heads.length];
        if (headKey === key) heads.push(key);
        const leader = supplies === null || i === 0 ? null : `a${supplies % i}`;
        return { ...row, key, headKey, supplies: leader };
      });
      return { policy, accounts };
    });
}
