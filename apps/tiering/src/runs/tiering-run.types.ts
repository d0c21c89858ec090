import { TIERS, VALUE_SEGMENTS, type Tier, type ValueSegment } from '@gap/tiering/domain';

export interface TierSummary {
  readonly tier: Tier;
  readonly accounts: number;
  /** Sum of positive lifetime value in the tier, and its share of the book's. */
  readonly value: number;
  readonly valueShare: number;
  readonly revenue: number;
  readonly revenueShare: number;
  /** Accounts that would move into this tier from a lower (up) or higher (down) one. */
  readonly movingUp: number;
  readonly movingDown: number;
}

export interface SegmentSummary {
  readonly segment: ValueSegment;
  readonly accounts: number;
  readonly value: number;
  readonly valueShare: number;
}

export interface RunSummary {
  readonly accounts: number;
  readonly tiers: readonly TierSummary[];
  readonly segments: readonly SegmentSummary[];
  /** The 20/80 check: the share of accounts in A, and the share of value they hold. */
  readonly accountShareOfA: number;
  readonly valueShareOfA: number;
}

export interface RunPreview extends RunSummary {
  readonly runId: string;
  readonly policyVersion: string;
  readonly asOf: string;
  /** The run whose results this one shows: itself, or an earlier run over the same book. */
  readonly resultsOf: string;
  readonly seconds: number;
}

export interface AppliedRun {
  readonly runId: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly effectiveFrom: string;
  readonly accounts: number;
  /** Accounts whose tier in force changed: one TierChanged each. */
  readonly changed: number;
  /** Accounts placed in another value segment: one ValueSegmentChanged each. */
  readonly segmentsChanged: number;
}

export type RunStatus = 'PREVIEWED' | 'APPLIED' | 'DISCARDED';

export interface TieringRunRecord {
  readonly id: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly status: RunStatus;
  readonly resultsOf: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly appliedBy: string | null;
  readonly appliedAt: Date | null;
  readonly effectiveFrom: string | null;
  /** As previewed. */
  readonly summary: RunPreview | null;
  /** The tiers in force and the segments right after it was applied. */
  readonly distribution: RunSummary | null;
}

/** One row of a summary: a tier (with its moves) or a segment, and what it holds. */
export interface SummaryRow {
  readonly tier: Tier | null;
  readonly segment: ValueSegment | null;
  readonly accounts: number;
  readonly value: number | string;
  readonly revenue: number | string;
  readonly up: number;
  readonly down: number;
}

/** Counts, value and revenue per tier and segment, shares of the book, and the 20/80 check. */
export function summaryOf(rows: readonly SummaryRow[]): RunSummary {
  const tierRows = rows.filter((r) => r.tier !== null);
  const segmentRows = rows.filter((r) => r.segment !== null);
  const totalValue = tierRows.reduce((acc, r) => acc + Number(r.value), 0);
  const totalRevenue = tierRows.reduce((acc, r) => acc + Number(r.revenue), 0);
  const accounts = tierRows.reduce((acc, r) => acc + r.accounts, 0);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const tiers = TIERS.map((tier): TierSummary => {
    const row = tierRows.find((r) => r.tier === tier);
    const value = Number(row?.value ?? 0);
    const revenue = Number(row?.revenue ?? 0);
    return {
      tier,
      accounts: row?.accounts ?? 0,
      value,
      valueShare: share(value, totalValue),
      revenue,
      revenueShare: share(revenue, totalRevenue),
      movingUp: row?.up ?? 0,
      movingDown: row?.down ?? 0,
    };
  });
  const segments = VALUE_SEGMENTS.map((segment): SegmentSummary => {
    const row = segmentRows.find((r) => r.segment === segment);
    const value = Number(row?.value ?? 0);
    return { segment, accounts: row?.accounts ?? 0, value, valueShare: share(value, totalValue) };
  });
  const [a] = tiers;
  return {
    accounts,
    tiers,
    segments,
    accountShareOfA: share(a.accounts, accounts),
    valueShareOfA: a.valueShare,
  };
}
