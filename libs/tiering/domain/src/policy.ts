import { violation, type FieldViolation } from '@gap/errors';

/** Revenue lines of a group account's bill, as the bundles service will report them. */
export const SERVICE_LINES = [
  'VOICE',
  'DATA',
  'LEASED_LINE',
  'FIXED_LINE',
  'BROADBAND',
  'GROUP_SHORT_NUMBER',
  'CLOUD',
  'IOT',
  'OTHER',
] as const;
export type ServiceLine = (typeof SERVICE_LINES)[number];

/** The costs of serving an account: agent commission, marketing, operating cost. */
export const COST_KINDS = ['COMMISSION', 'MARKETING', 'OPERATING'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const VALUE_SEGMENTS = ['VALUE', 'SECONDARY_VALUE', 'POTENTIAL_VALUE', 'LOW_VALUE'] as const;
export type ValueSegment = (typeof VALUE_SEGMENTS)[number];

export interface ScoreWeights {
  readonly current: number;
  readonly potential: number;
  readonly lifetime: number;
}

/**
 * Every parameter of the value model and the A/B/C cut, versioned: a run names the version it
 * used, so a tier can always be explained with the numbers that made it. Money is in yuan.
 */
export interface TieringPolicy {
  readonly version: string;
  /** Lifetime value: years of future margin counted, and the yearly discount rate. */
  readonly horizonYears: number;
  readonly discountRate: number;
  /** Yearly retention: a base, up per year of tenure, down per complaint in the last 12 months. */
  readonly retention: {
    readonly base: number;
    readonly perTenureYear: number;
    readonly perComplaint: number;
    readonly min: number;
    readonly max: number;
  };
  /** Yearly telecom spend an organisation of the industry makes per employee (the wallet). */
  readonly walletPerEmployee: Readonly<Record<string, number>>;
  readonly defaultWalletPerEmployee: number;
  /**
   * Yearly spend one line (or member) could make: an account's wallet is the larger of its
   * employees' and its lines' (the brief sizes the wallet by employees and lines/members).
   */
  readonly walletPerLine: number;
  /** Share of its cluster's supporters' value a cluster leader's potential counts. */
  readonly clusterLeaderShare: number;
  /**
   * How the score the A/B/C cut ranks weighs each face of value: current (trailing margin),
   * potential (wallet not yet won, cluster influence) and lifetime (discounted future margin).
   */
  readonly scoreWeights: ScoreWeights;
  /** Current and potential value at or above these are "high" (yuan per year). */
  readonly segmentThresholds: { readonly current: number; readonly potential: number };
  /** Shares of cumulative lifetime value: A the top, then B, C the rest. They add up to 1. */
  readonly cutoffs: { readonly A: number; readonly B: number; readonly C: number };
  /**
   * An account whose cumulative share lies within `margin` of a boundary keeps its tier, so it
   * does not flip from one run to the next on small changes.
   */
  readonly hysteresisMargin: number;
  /** Members of a group are at least this tier when their group is tiered A (or B). */
  readonly groupFloor: { readonly A: 'B' | 'C' | null; readonly B: 'C' | null };
}

/**
 * The defaults (policy v2): the score weighs what the account brings now and what it could
 * bring, and a little of its discounted future, as the brief's value management asks (not
 * this month's margin alone); a line is worth 1,200 yuan a year of wallet (100 a month).
 */
export const DEFAULT_POLICY: TieringPolicy = {
  version: 'v2',
  horizonYears: 5,
  discountRate: 0.08,
  retention: { base: 0.85, perTenureYear: 0.01, perComplaint: 0.02, min: 0.5, max: 0.97 },
  walletPerEmployee: { C: 1200, I: 2400, J: 3000, G: 1000, S: 1500, P: 800, Q: 1100 },
  defaultWalletPerEmployee: 900,
  walletPerLine: 1_200,
  clusterLeaderShare: 0.2,
  // Lifetime value leads, as the brief asks (judging by this month alone is unfair); current
  // and potential value move the score without flattening the 20/80 curve: potential is spread
  // evenly across a book, so at 0.3 it put half the accounts in A, at 0.05 about a quarter.
  scoreWeights: { current: 0.15, potential: 0.05, lifetime: 0.8 },
  segmentThresholds: { current: 200_000, potential: 300_000 },
  cutoffs: { A: 0.8, B: 0.15, C: 0.05 },
  hysteresisMargin: 0.02,
  groupFloor: { A: 'B', B: null },
};

/**
 * What a version stored before a field existed meant by leaving it out: versions before v2
 * ranked lifetime value alone and sized the wallet by employees alone. Reading them with these
 * keeps every past run explainable with the numbers that made it.
 */
export const LEGACY_POLICY_FIELDS = {
  walletPerLine: 0,
  scoreWeights: { current: 0, potential: 0, lifetime: 1 },
} as const satisfies Pick<TieringPolicy, 'walletPerLine' | 'scoreWeights'>;

/** A stored policy document, completed with what older versions meant by a missing field. */
export function withLegacyDefaults(
  stored: Omit<TieringPolicy, 'walletPerLine' | 'scoreWeights'> &
    Partial<Pick<TieringPolicy, 'walletPerLine' | 'scoreWeights'>>,
): TieringPolicy {
  return {
    ...stored,
    walletPerLine: stored.walletPerLine ?? LEGACY_POLICY_FIELDS.walletPerLine,
    scoreWeights: stored.scoreWeights ?? LEGACY_POLICY_FIELDS.scoreWeights,
  };
}

/** Every rule on a policy, each broken one named; `prefix` is where it sits in the request. */
export function checkPolicy(policy: TieringPolicy, prefix = 'input'): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, zh: string, en: string) =>
    violations.push(violation(`${prefix}.${field}`, reason, { 'zh-CN': zh, en }));
  const between = (field: string, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) {
      fail(
        field,
        'OUT_OF_RANGE',
        `${field} 应在 ${min} 与 ${max} 之间，现为 ${value}。`,
        `${field} must lie between ${min} and ${max}; it is ${value}.`,
      );
    }
  };
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(policy.version)) {
    fail(
      'version',
      'VERSION_INVALID',
      '版本号为 1 至 40 个字母、数字、点、连字符或下划线。',
      'A version is 1 to 40 letters, digits, dots, dashes or underscores.',
    );
  }
  if (!Number.isInteger(policy.horizonYears)) {
    fail(
      'horizonYears',
      'NOT_AN_INTEGER',
      'horizonYears 应为整数年。',
      'horizonYears is a whole number of years.',
    );
  } else between('horizonYears', policy.horizonYears, 1, 30);
  between('discountRate', policy.discountRate, 0, 0.5);
  const r = policy.retention;
  between('retention.base', r.base, 0, 1);
  between('retention.perTenureYear', r.perTenureYear, 0, 0.2);
  between('retention.perComplaint', r.perComplaint, 0, 0.5);
  between('retention.min', r.min, 0, 1);
  between('retention.max', r.max, 0, 1);
  if (r.min > r.max) {
    fail(
      'retention.min',
      'MIN_ABOVE_MAX',
      'retention.min 不能大于 retention.max。',
      'retention.min cannot exceed retention.max.',
    );
  }
  for (const [industry, wallet] of Object.entries(policy.walletPerEmployee)) {
    between(`walletPerEmployee.${industry}`, wallet, 0, 1_000_000);
  }
  between('defaultWalletPerEmployee', policy.defaultWalletPerEmployee, 0, 1_000_000);
  between('walletPerLine', policy.walletPerLine, 0, 1_000_000);
  between('clusterLeaderShare', policy.clusterLeaderShare, 0, 1);
  const w = policy.scoreWeights;
  between('scoreWeights.current', w.current, 0, 1);
  between('scoreWeights.potential', w.potential, 0, 1);
  between('scoreWeights.lifetime', w.lifetime, 0, 1);
  if (w.current + w.potential + w.lifetime <= 0) {
    fail(
      'scoreWeights',
      'NO_WEIGHT',
      '综合得分至少要计入一项价值（当前、潜在或生命周期）。',
      'At least one face of value must weigh in the score.',
    );
  }
  between('segmentThresholds.current', policy.segmentThresholds.current, 0, 1e12);
  between('segmentThresholds.potential', policy.segmentThresholds.potential, 0, 1e12);
  const { A, B, C } = policy.cutoffs;
  for (const [tier, share] of Object.entries(policy.cutoffs)) {
    if (!Number.isFinite(share) || share <= 0 || share >= 1) {
      fail(
        `cutoffs.${tier}`,
        'OUT_OF_RANGE',
        `${tier} 类的价值占比应大于 0 且小于 1。`,
        `The share of tier ${tier} lies strictly between 0 and 1.`,
      );
    }
  }
  if (Math.abs(A + B + C - 1) > 1e-9) {
    fail(
      'cutoffs',
      'CUTOFFS_DO_NOT_ADD_UP',
      `A、B、C 三类的占比之和为 ${A + B + C}，应为 1。`,
      `The shares of A, B and C add up to ${A + B + C}, not 1.`,
    );
  }
  between('hysteresisMargin', policy.hysteresisMargin, 0, 0.2);
  return violations;
}
