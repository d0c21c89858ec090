/**
 * The reference book: 21 accounts, computed by hand, that the value model and the A/B/C cut
 * must reproduce. The policy is chosen so that a reader can check every line with a pencil:
 *
 *   horizon 1 year, discount 25 %  →  lifetime = current × retention / 1.25
 *   retention = 0.8 + 0.05 × tenure years − 0.1 × complaints, kept within [0.5, 0.9]
 *     retention 0.8 → lifetime = 0.64 × current;   retention 0.5 → lifetime = 0.40 × current
 *   wallet = 1,000 yuan per employee (2,000 in industry I); cluster leaders add 10 % of their
 *   supporters' value to their potential
 *   high current ≥ 100,000; high potential ≥ 200,000
 *   A = top 80 % of cumulative lifetime value, B = next 15 %, C = the rest (the score is the
 *   lifetime value alone; the wallet counts employees, not lines)
 *
 * The positive lifetime values add up to exactly 1,000,000, so each account's "share above"
 * is the sum of the values above it divided by 1,000,000.
 */
import { DEFAULT_POLICY, type MonthlyInput, type TieringPolicy } from '@gap/tiering/domain';

export const REFERENCE_POLICY: TieringPolicy = {
  ...DEFAULT_POLICY,
  version: 'reference',
  horizonYears: 1,
  discountRate: 0.25,
  retention: { base: 0.8, perTenureYear: 0.05, perComplaint: 0.1, min: 0.5, max: 0.9 },
  walletPerEmployee: { I: 2000 },
  defaultWalletPerEmployee: 1000,
  walletPerLine: 0,
  clusterLeaderShare: 0.1,
  // The book ranks lifetime value alone, as policy v1 did: its shares are computed by hand.
  scoreWeights: { current: 0, potential: 0, lifetime: 1 },
  segmentThresholds: { current: 100_000, potential: 200_000 },
  cutoffs: { A: 0.8, B: 0.15, C: 0.05 },
  groupFloor: { A: 'B', B: null },
};

export const REFERENCE_AS_OF = '2026-10';

/** One month of revenue (as DATA) and cost (as OPERATING) inside the trailing year. */
function month(revenue: number, cost: number, complaints = 0, when = '2026-06'): MonthlyInput {
  return {
    month: when,
    revenue: { DATA: revenue },
    cost: { OPERATING: cost },
    lines: 10,
    complaints,
  };
}

export interface ReferenceRow {
  readonly id: string;
  readonly inputs: MonthlyInput[];
  employees: number;
  tenure: number;
  industry?: string;
  clusterSupportersValue?: number;
  // expected, by hand:
  current: number;
  retention: number;
  lifetime: number;
  potential: number;
  segment: string;
  shareAbove: number;
  tier: 'A' | 'B' | 'C';
}

// prettier-ignore
export const REFERENCE_BOOK: ReferenceRow[] = [
  //  id     inputs                          emp   ten  current   ret   lifetime  potential  segment            share  tier
  { id: 'a01', inputs: [month(700_000, 75_000)],  employees: 500,  tenure: 0, current: 625_000, retention: 0.8, lifetime: 400_000, potential: 0,         segment: 'SECONDARY_VALUE', shareAbove: 0,      tier: 'A' },
  // wallet 1,000 × 2,000 (industry I) − 312,500 of revenue
  { id: 'a02', inputs: [month(312_500, 0)],       employees: 1000, tenure: 0, industry: 'I', current: 312_500, retention: 0.8, lifetime: 200_000, potential: 1_687_500, segment: 'VALUE', shareAbove: 0.4, tier: 'A' },
  // a03 and a04 tie at 100,000: they share their place, 600,000 above them
  { id: 'a03', inputs: [month(200_000, 43_750)],  employees: 100,  tenure: 0, current: 156_250, retention: 0.8, lifetime: 100_000, potential: 0,         segment: 'SECONDARY_VALUE', shareAbove: 0.6,    tier: 'A' },
  // three complaints: retention 0.8 − 0.3 = 0.5
  { id: 'a04', inputs: [month(250_000, 0, 3)],    employees: 200,  tenure: 0, current: 250_000, retention: 0.5, lifetime: 100_000, potential: 0,         segment: 'SECONDARY_VALUE', shareAbove: 0.6,    tier: 'A' },
  // a05 and a06 tie exactly on the A/B boundary (800,000 above = 0.8): not under 0.8, so B
  { id: 'a05', inputs: [month(78_125, 0)],        employees: 400,  tenure: 0, current: 78_125,  retention: 0.8, lifetime: 50_000,  potential: 321_875,   segment: 'POTENTIAL_VALUE', shareAbove: 0.8,    tier: 'B' },
  // five complaints: 0.8 − 0.5 = 0.3, kept at the minimum 0.5
  { id: 'a06', inputs: [month(125_000, 0, 5)],    employees: 50,   tenure: 0, current: 125_000, retention: 0.5, lifetime: 50_000,  potential: 0,         segment: 'SECONDARY_VALUE', shareAbove: 0.8,    tier: 'B' },
  { id: 'a07', inputs: [month(50_000, 3_125)],    employees: 10,   tenure: 0, current: 46_875,  retention: 0.8, lifetime: 30_000,  potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.9,    tier: 'B' },
  { id: 'a08', inputs: [month(50_000, 0, 3)],     employees: 10,   tenure: 0, current: 50_000,  retention: 0.5, lifetime: 20_000,  potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.93,   tier: 'B' },
  // two years of tenure: 0.8 + 0.1 = 0.9; lifetime 20,000 × 0.9 / 1.25; exactly on B/C (0.95): C
  { id: 'a09', inputs: [month(20_000, 0)],        employees: 10,   tenure: 2, current: 20_000,  retention: 0.9, lifetime: 14_400,  potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.95,   tier: 'C' },
  { id: 'a10', inputs: [month(15_625, 0)],        employees: 10,   tenure: 0, current: 15_625,  retention: 0.8, lifetime: 10_000,  potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.9644, tier: 'C' },
  // a cluster leader: potential = (20,000 − 15,625) + 10 % of 3,000,000
  { id: 'a11', inputs: [month(15_625, 0)],        employees: 20,   tenure: 0, clusterSupportersValue: 3_000_000, current: 15_625, retention: 0.8, lifetime: 10_000, potential: 304_375, segment: 'POTENTIAL_VALUE', shareAbove: 0.9644, tier: 'C' },
  { id: 'a12', inputs: [month(12_500, 0, 3)],     employees: 5,    tenure: 0, current: 12_500,  retention: 0.5, lifetime: 5_000,   potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.9844, tier: 'C' },
  // four complaints: 0.4, kept at 0.5
  { id: 'a13', inputs: [month(12_500, 0, 4)],     employees: 5,    tenure: 0, current: 12_500,  retention: 0.5, lifetime: 5_000,   potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.9844, tier: 'C' },
  { id: 'a14', inputs: [month(7_500, 0, 3)],      employees: 5,    tenure: 0, current: 7_500,   retention: 0.5, lifetime: 3_000,   potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.9944, tier: 'C' },
  { id: 'a15', inputs: [month(6_500, 0, 3)],      employees: 5,    tenure: 0, current: 6_500,   retention: 0.5, lifetime: 2_600,   potential: 0,         segment: 'LOW_VALUE',       shareAbove: 0.9974, tier: 'C' },
  // zero revenue, 300 employees: nothing now, a wallet of 300,000 to win
  { id: 'a16', inputs: [month(0, 0)],             employees: 300,  tenure: 0, current: 0,       retention: 0.8, lifetime: 0,       potential: 300_000,   segment: 'POTENTIAL_VALUE', shareAbove: 1,      tier: 'C' },
  // negative margin: costs above revenue; lifetime −20,000 × 0.64
  { id: 'a17', inputs: [month(10_000, 30_000)],   employees: 5,    tenure: 0, current: -20_000, retention: 0.8, lifetime: -12_800, potential: 0,         segment: 'LOW_VALUE',       shareAbove: 1,      tier: 'C' },
  // no inputs at all
  { id: 'a18', inputs: [],                        employees: 0,    tenure: 0, current: 0,       retention: 0.8, lifetime: 0,       potential: 0,         segment: 'LOW_VALUE',       shareAbove: 1,      tier: 'C' },
  // revenue only 13 months ago: outside the trailing year
  { id: 'a19', inputs: [month(1_000_000, 0, 0, '2025-09')], employees: 100, tenure: 0, current: 0, retention: 0.8, lifetime: 0,   potential: 100_000,   segment: 'LOW_VALUE',       shareAbove: 1,      tier: 'C' },
  // two months inside the window add up: 6,000 + 6,500 of revenue
  { id: 'a20', inputs: [month(6_000, 0, 0, '2025-11'), month(6_500, 0, 0, '2026-10')], employees: 0, tenure: 0, current: 12_500, retention: 0.8, lifetime: 8_000, potential: 0, segment: 'LOW_VALUE', shareAbove: 1, tier: 'C' },
  // a member of a01's group, with nothing of its own
  { id: 'a21', inputs: [],                        employees: 0,    tenure: 0, current: 0,       retention: 0.8, lifetime: 0,       potential: 0,         segment: 'LOW_VALUE',       shareAbove: 1,      tier: 'C' },
];
