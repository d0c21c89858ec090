import type { CostKind, ServiceLine, TieringPolicy, ValueSegment } from './policy.js';

/** One account's bill and service for one month ('YYYY-MM'). */
export interface MonthlyInput {
  readonly month: string;
  readonly revenue: Readonly<Partial<Record<ServiceLine, number>>>;
  readonly cost: Readonly<Partial<Record<CostKind, number>>>;
  readonly lines: number;
  readonly complaints: number;
}

/** What the accounts service says about the organisation. */
export interface AccountProfile {
  readonly industryCode: string;
  readonly employees: number;
  /** Whole years as a customer. */
  readonly tenureYears: number;
  /** Trailing lifetime value of the supporters of the clusters it leads (0 if none). */
  readonly clusterSupportersValue: number;
}

/** The value of one account, with every component a manager needs to explain it. */
export interface ValueBreakdown {
  readonly revenue12m: number;
  readonly cost12m: number;
  /** Trailing 12-month margin. */
  readonly current: number;
  /** Lines in service in the latest month of the trailing year (0 without one). */
  readonly lines: number;
  readonly wallet: number;
  readonly clusterBonus: number;
  readonly potential: number;
  readonly retention: number;
  readonly lifetime: number;
  readonly segment: ValueSegment;
}

const sum = (values: Iterable<number | undefined>): number => {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
};

/** The 12 months up to and including `asOf` ('YYYY-MM'). */
export function trailingMonths(asOf: string): string[] {
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export function retentionRate(
  policy: TieringPolicy,
  tenureYears: number,
  complaints12m: number,
): number {
  const { base, perTenureYear, perComplaint, min, max } = policy.retention;
  return Math.min(
    max,
    Math.max(min, base + perTenureYear * tenureYears - perComplaint * complaints12m),
  );
}

/**
 * Discounted future margin: this year's margin, kept with probability retention^t and
 * discounted by (1 + rate)^t, for t = 1 … horizon years. Summed in closed form,
 * current × q (1 − q^n) / (1 − q) with q = retention / (1 + rate), exactly as the run's SQL
 * does, so that both give the same number to the last bit.
 */
export function lifetimeValue(
  policy: Pick<TieringPolicy, 'horizonYears' | 'discountRate'>,
  current: number,
  retention: number,
): number {
  const q = retention / (1 + policy.discountRate);
  const n = policy.horizonYears;
  return current * (q === 1 ? n : (q * (1 - q ** n)) / (1 - q));
}

/**
 * The wallet: what an organisation of its size spends on telecom a year, sized by its
 * employees (at its industry's spend per employee) or by its lines, whichever says more.
 */
export function walletOf(
  policy: Pick<TieringPolicy, 'walletPerEmployee' | 'defaultWalletPerEmployee' | 'walletPerLine'>,
  industryCode: string,
  employees: number,
  lines: number,
): number {
  const perEmployee = policy.walletPerEmployee[industryCode] ?? policy.defaultWalletPerEmployee;
  return Math.max(perEmployee * employees, policy.walletPerLine * lines);
}

export function valueSegment(
  policy: TieringPolicy,
  current: number,
  potential: number,
): ValueSegment {
  const highCurrent = current >= policy.segmentThresholds.current;
  const highPotential = potential >= policy.segmentThresholds.potential;
  if (highCurrent) return highPotential ? 'VALUE' : 'SECONDARY_VALUE';
  return highPotential ? 'POTENTIAL_VALUE' : 'LOW_VALUE';
}

/** The value model for one account as of a month. */
export function accountValue(
  policy: TieringPolicy,
  profile: AccountProfile,
  inputs: readonly MonthlyInput[],
  asOf: string,
): ValueBreakdown {
  const window = new Set(trailingMonths(asOf));
  const months = inputs.filter((input) => window.has(input.month));
  const revenue12m = sum(months.map((m) => sum(Object.values(m.revenue))));
  const cost12m = sum(months.map((m) => sum(Object.values(m.cost))));
  const complaints12m = sum(months.map((m) => m.complaints));
  const current = revenue12m - cost12m;
  const latest = months.reduce<MonthlyInput | null>(
    (last, m) => (last === null || m.month > last.month ? m : last),
    null,
  );
  const lines = latest?.lines ?? 0;
  const wallet = walletOf(policy, profile.industryCode, profile.employees, lines);
  const clusterBonus = policy.clusterLeaderShare * Math.max(0, profile.clusterSupportersValue);
  const potential = Math.max(0, wallet - revenue12m) + clusterBonus;
  const retention = retentionRate(policy, profile.tenureYears, complaints12m);
  const lifetime = lifetimeValue(policy, current, retention);
  return {
    revenue12m,
    cost12m,
    current,
    lines,
    wallet,
    clusterBonus,
    potential,
    retention,
    lifetime,
    segment: valueSegment(policy, current, potential),
  };
}
