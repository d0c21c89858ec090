import { takesPartInCut } from './account-status.js';
import { boundaryBetween, tierForShare, withGroupFloor } from './pareto.js';
import type { TieringPolicy } from './policy.js';
import type { Tier } from './tier.js';

/** One account as the cut sees it: its score, its group, its status and last computed tier. */
export interface BookAccount {
  readonly id: string;
  /** The head of its group (itself for a head or a lone account). */
  readonly head: string;
  readonly status: string;
  readonly score: number;
  /** The tier the previous run computed (before any override), null for a new account. */
  readonly previousTier: Tier | null;
}

/** Where an account lands, with every figure that put it there. */
export interface BookPlace {
  readonly id: string;
  /** False for prospects and churned accounts: they take no part in the cut and are C. */
  readonly ranked: boolean;
  /** 1 + ranked accounts scoring strictly higher; null when not ranked. */
  readonly rank: number | null;
  /** Share of the book's positive score held by accounts scoring strictly higher. */
  readonly shareAbove: number | null;
  /** The tier the account's own score gets. */
  readonly ownTier: Tier;
  /** Its group: the sum of the ranked members' scores, placed on the same curve. */
  readonly groupScore: number | null;
  readonly groupTier: Tier | null;
  readonly groupShare: number | null;
  readonly groupRank: number | null;
  readonly groupSize: number;
  readonly previousTier: Tier | null;
  /** Kept its previous tier near a boundary (and no floor lifted it after). */
  readonly held: boolean;
  /** Lifted to its group's floor, after hysteresis. */
  readonly floored: boolean;
  readonly tier: Tier;
}

type Policy = Pick<TieringPolicy, 'cutoffs' | 'hysteresisMargin' | 'groupFloor'>;

/**
 * The value curve: the ranked accounts' scores, highest first, with the positive score strictly
 * above each and the number of accounts above it. Summed one by one in descending order, as the
 * run's window sums them, so that both give the same shares.
 */
class Curve {
  private readonly scores: number[];
  private readonly aboveSums: number[];
  readonly total: number;

  constructor(scores: readonly number[]) {
    this.scores = [...scores].sort((a, b) => b - a);
    this.aboveSums = [];
    let running = 0;
    for (const s of this.scores) {
      this.aboveSums.push(running);
      running += Math.max(0, s);
    }
    this.total = running;
  }

  /** Rank and share of a score: what the accounts scoring strictly higher hold. */
  place(score: number): { rank: number; share: number } {
    let lo = 0;
    let hi = this.scores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.scores[mid] > score) lo = mid + 1;
      else hi = mid;
    }
    const above = lo < this.scores.length ? this.aboveSums[lo] : this.total;
    return { rank: lo + 1, share: this.total > 0 ? above / this.total : 0 };
  }
}

/**
 * Keeps the previous tier when the move crosses one boundary by no more than the margin; a
 * score with no positive value is C without appeal.
 */
function hysteresis(
  policy: Policy,
  previous: Tier | null,
  tier: Tier,
  share: number,
  score: number,
): { tier: Tier; held: boolean } {
  if (previous === null || previous === tier || score <= 0) return { tier, held: false };
  const crossing = boundaryBetween(policy, previous, tier);
  if (crossing === null) return { tier, held: false };
  return Math.abs(share - crossing) <= policy.hysteresisMargin
    ? { tier: previous, held: true }
    : { tier, held: false };
}

/**
 * THE tier rule, for a whole book (the run's set-based SQL does the same over a million
 * accounts and is proven equal to this by a property-based test):
 * 1. prospects and churned accounts take no part: they are C;
 * 2. the ranked accounts make the value curve (ABC cut over their scores, ties sharing a place);
 * 3. each group (the ranked members under one head) is placed on that curve by the sum of its
 *    members' scores, without weighing in; a head is tiered as its group;
 * 4. hysteresis keeps a previous tier that a move crosses by a hair;
 * 5. then the group floor: a member of an A (or B) group is at least the policy's floor.
 */
export function tierBook(policy: Policy, accounts: readonly BookAccount[]): Map<string, BookPlace> {
  const ranked = accounts.filter((a) => takesPartInCut(a.status));
  const curve = new Curve(ranked.map((a) => a.score));
  const groups = new Map<string, { score: number; size: number }>();
  for (const a of ranked) {
    const group = groups.get(a.head) ?? { score: 0, size: 0 };
    groups.set(a.head, { score: group.score + a.score, size: group.size + 1 });
  }
  const tierOf = (score: number, share: number): Tier =>
    score <= 0 ? 'C' : tierForShare(policy, share);
  const groupPlaces = new Map(
    [...groups].map(([head, g]) => {
      const { rank, share } = curve.place(g.score);
      return [head, { ...g, rank, share, tier: tierOf(g.score, share) }] as const;
    }),
  );
  const places = new Map<string, BookPlace>();
  for (const a of accounts) {
    const group = groupPlaces.get(a.head) ?? null;
    const common = {
      id: a.id,
      groupScore: group?.score ?? null,
      groupTier: group?.tier ?? null,
      groupShare: group?.share ?? null,
      groupRank: group?.rank ?? null,
      groupSize: group?.size ?? 0,
      previousTier: a.previousTier,
    };
    if (!takesPartInCut(a.status)) {
      places.set(a.id, {
        ...common,
        ranked: false,
        rank: null,
        shareAbove: null,
        ownTier: 'C',
        held: false,
        floored: false,
        tier: 'C',
      });
      continue;
    }
    const own = curve.place(a.score);
    const ownTier = tierOf(a.score, own.share);
    const isHead = a.id === a.head && group !== null;
    const base = isHead ? group.tier : ownTier;
    const kept = isHead
      ? hysteresis(policy, a.previousTier, base, group.share, group.score)
      : hysteresis(policy, a.previousTier, base, own.share, a.score);
    const floor = withGroupFloor(policy, kept.tier, group?.tier ?? null);
    places.set(a.id, {
      ...common,
      ranked: true,
      rank: own.rank,
      shareAbove: own.share,
      ownTier,
      held: kept.held && !floor.floored,
      floored: floor.floored,
      tier: floor.tier,
    });
  }
  return places;
}
