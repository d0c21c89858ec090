/**
 * The portfolio read model: what the other services say of an account (its tier and value from
 * tiering, its managers and handover from managers), folded from their events into one row per
 * account, so that the account list can filter, sort and count by it. The fold is pure and the
 * same for the live projection and for a rebuild from the events, so both reach the same rows.
 *
 * Each field is owned by one producer, whose events for one account arrive in order (the account
 * is the key); events of different producers may interleave in any order, and the fold does not
 * depend on it. An event for an account the model does not know yet (a manager named before the
 * account's creation arrived) starts its row. Every event, even one that changes no field, moves
 * `changedAt` to the later of the two times, so the row does not depend on arrival order.
 */

export const PORTFOLIO_TIERS = ['A', 'B', 'C'] as const;
export type PortfolioTier = (typeof PORTFOLIO_TIERS)[number];

export const PORTFOLIO_SEGMENTS = [
  'VALUE',
  'SECONDARY_VALUE',
  'POTENTIAL_VALUE',
  'LOW_VALUE',
] as const;
export type PortfolioSegment = (typeof PORTFOLIO_SEGMENTS)[number];

/** How the last applied tiering run moved the account's tier in force. */
export const TIER_CHANGES = ['UP', 'DOWN', 'NONE'] as const;
export type TierChange = (typeof TIER_CHANGES)[number];

/** An open handover's state, or NONE. */
export const PORTFOLIO_HANDOVER_STATES = ['NONE', 'PLANNED', 'SHADOWING', 'OVERDUE'] as const;
export type PortfolioHandoverState = (typeof PORTFOLIO_HANDOVER_STATES)[number];

export interface PortfolioFacts {
  readonly groupAccountId: string;
  readonly tier: PortfolioTier | null;
  readonly tierChange: TierChange;
  readonly segment: PortfolioSegment | null;
  /** Whole fen, as a string of digits: the values of the last applied run (0 before one). */
  readonly currentValue: string;
  readonly potentialValue: string;
  /** The run whose values these are; null until a run has valued the account. */
  readonly valuedRunId: string | null;
  readonly primaryManagerId: string | null;
  readonly supervisorId: string | null;
  /** Employee numbers of the team, sorted, without duplicates. */
  readonly team: readonly string[];
  readonly handoverState: PortfolioHandoverState;
  readonly handoverId: string | null;
  readonly handoverToManagerId: string | null;
  /** Where the account is (GB/T 2260, 6 digits) and its status; null until its creation. */
  readonly regionCode: string | null;
  readonly status: string | null;
  /** When the newest event folded into the row happened (ISO-8601). */
  readonly changedAt: string;
}

interface Envelope<T extends string, P> {
  readonly type: T;
  readonly occurredAt: string;
  readonly payload: P;
}
type Handover = { readonly handoverId: string; readonly groupAccountId: string };

/** The events the portfolio folds; structurally the platform's envelopes of these types. */
export type PortfolioEvent =
  | Envelope<
      'AccountCreated',
      { readonly groupAccountId: string; readonly regionCode: string; readonly status: string }
    >
  | Envelope<'AccountUpdated', { readonly groupAccountId: string; readonly regionCode?: string }>
  | Envelope<'AccountStatusChanged', { readonly groupAccountId: string; readonly to: string }>
  | Envelope<
      'TierAssigned' | 'TierChanged',
      { readonly groupAccountId: string; readonly tier: string }
    >
  | Envelope<
      'AccountValued',
      {
        readonly groupAccountId: string;
        readonly tier: string;
        readonly previousTier: string | null;
        readonly segment: string;
        readonly currentValue: string;
        readonly potentialValue: string;
        readonly runId: string;
      }
    >
  | Envelope<
      'ManagerAssigned',
      {
        readonly groupAccountId: string;
        readonly managerId: string;
        readonly supervisorId: string | null;
      }
    >
  | Envelope<
      'AccountUnassignable',
      { readonly groupAccountId: string; readonly currentManagerId: string | null }
    >
  | Envelope<
      'TeamChanged',
      {
        readonly groupAccountId: string;
        readonly members: readonly { readonly managerId: string }[];
      }
    >
  | Envelope<'HandoverPlanned', Handover & { readonly toManagerId: string }>
  | Envelope<'HandoverStarted', Handover & { readonly toManagerId: string }>
  | Envelope<'HandoverOverdue', Handover>
  | Envelope<'HandoverCompleted' | 'HandoverCancelled', Handover>;

export type PortfolioEventType = PortfolioEvent['type'];

/** The types the fold reads, for a consumer's subscription. */
export const PORTFOLIO_EVENT_TYPES: readonly PortfolioEventType[] = [
  'AccountCreated',
  'AccountUpdated',
  'AccountStatusChanged',
  'TierAssigned',
  'TierChanged',
  'AccountValued',
  'ManagerAssigned',
  'AccountUnassignable',
  'TeamChanged',
  'HandoverPlanned',
  'HandoverStarted',
  'HandoverOverdue',
  'HandoverCompleted',
  'HandoverCancelled',
];

/** A row before any event: nothing known but the account's id. */
export function emptyPortfolioFacts(groupAccountId: string, at: string): PortfolioFacts {
  return {
    groupAccountId,
    tier: null,
    tierChange: 'NONE',
    segment: null,
    currentValue: '0',
    potentialValue: '0',
    valuedRunId: null,
    primaryManagerId: null,
    supervisorId: null,
    team: [],
    handoverState: 'NONE',
    handoverId: null,
    handoverToManagerId: null,
    regionCode: null,
    status: null,
    changedAt: at,
  };
}

const TIER_RANK: Record<PortfolioTier, number> = { A: 0, B: 1, C: 2 };

/** UP when the tier rose (C → B, B → A), DOWN when it fell; a first tier is NONE. */
export function tierChangeOf(previous: string | null, tier: string): TierChange {
  if (!isTier(previous) || !isTier(tier) || previous === tier) return 'NONE';
  return TIER_RANK[tier] < TIER_RANK[previous] ? 'UP' : 'DOWN';
}

function isTier(value: string | null): value is PortfolioTier {
  return value !== null && (PORTFOLIO_TIERS as readonly string[]).includes(value);
}

function isSegment(value: string): value is PortfolioSegment {
  return (PORTFOLIO_SEGMENTS as readonly string[]).includes(value);
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/** What an event sets of a row, besides `changedAt`. */
export type PortfolioChange = Partial<Omit<PortfolioFacts, 'groupAccountId' | 'changedAt'>>;

/**
 * What the event sets whatever the row it meets (an unknown account's row starts empty), or
 * null when that depends on the row (a handover closing only if it is the open one). The fold
 * applies it as is.
 */
export function portfolioChange(event: PortfolioEvent): PortfolioChange | null {
  switch (event.type) {
    case 'AccountCreated':
      return { regionCode: event.payload.regionCode, status: event.payload.status };
    case 'AccountUpdated':
      return event.payload.regionCode ? { regionCode: event.payload.regionCode } : {};
    case 'AccountStatusChanged':
      return { status: event.payload.to };
    case 'TierAssigned':
    case 'TierChanged':
      return isTier(event.payload.tier) ? { tier: event.payload.tier } : {};
    case 'AccountValued': {
      const { tier, previousTier, segment, currentValue, potentialValue, runId } = event.payload;
      if (!isTier(tier) || !isSegment(segment)) return null;
      return {
        tier,
        tierChange: tierChangeOf(previousTier, tier),
        segment,
        currentValue,
        potentialValue,
        valuedRunId: runId,
      };
    }
    case 'ManagerAssigned':
      return {
        primaryManagerId: event.payload.managerId,
        supervisorId: event.payload.supervisorId,
      };
    case 'AccountUnassignable':
      return event.payload.currentManagerId
        ? { primaryManagerId: event.payload.currentManagerId }
        : { primaryManagerId: null, supervisorId: null };
    case 'TeamChanged':
      return { team: [...new Set(event.payload.members.map((m) => m.managerId))].sort() };
    case 'HandoverPlanned':
    case 'HandoverStarted':
      return {
        handoverState: event.type === 'HandoverPlanned' ? 'PLANNED' : 'SHADOWING',
        handoverId: event.payload.handoverId,
        handoverToManagerId: event.payload.toManagerId,
      };
    case 'HandoverOverdue':
    case 'HandoverCompleted':
    case 'HandoverCancelled':
      return null;
  }
}

/** The row after one event; `facts` is the row so far, or undefined for an account not seen. */
export function foldPortfolio(
  facts: PortfolioFacts | undefined,
  event: PortfolioEvent,
): PortfolioFacts {
  const row = facts ?? emptyPortfolioFacts(event.payload.groupAccountId, event.occurredAt);
  const changed = (change: PortfolioChange): PortfolioFacts => ({
    ...row,
    ...change,
    changedAt: later(row.changedAt, event.occurredAt),
  });
  const change = portfolioChange(event);
  if (change) return changed(change);
  // What is left depends on the row: a run's invalid tier or segment, a handover's end.
  if (event.type === 'AccountValued') {
    const { tier, previousTier, segment, currentValue, potentialValue, runId } = event.payload;
    return changed({
      tier: isTier(tier) ? tier : row.tier,
      tierChange: tierChangeOf(previousTier, tier),
      segment: isSegment(segment) ? segment : row.segment,
      currentValue,
      potentialValue,
      valuedRunId: runId,
    });
  }
  if (event.type === 'HandoverOverdue') {
    return event.payload.handoverId === row.handoverId
      ? changed({ handoverState: 'OVERDUE' })
      : row;
  }
  if (event.type === 'HandoverCompleted' || event.type === 'HandoverCancelled') {
    return changed(
      event.payload.handoverId === row.handoverId
        ? { handoverState: 'NONE', handoverId: null, handoverToManagerId: null }
        : {},
    );
  }
  return changed({});
}
