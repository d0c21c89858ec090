import type { TieringPolicy } from './policy.js';
import type { Tier } from './tier.js';

export interface Scored {
  readonly id: string;
  readonly score: number;
}

export interface ParetoPlace {
  readonly tier: Tier;
  /** 1 for the highest score; accounts with equal scores share a rank. */
  readonly rank: number;
  /** Share of the book's positive value held by accounts scoring strictly higher. */
  readonly shareAbove: number;
  /** The boundary the share was compared with (0.8 for A/B by default), null for no value. */
  readonly boundary: number | null;
}

/** How far below a boundary a share must lie to count as under it: the last bits of sums. */
export const SHARE_TOLERANCE = 1e-12;

/** The A/B and B/C boundaries; 0.8 + 0.15 is 0.9500000000000001 in floating point. */
export function cuts(policy: Pick<TieringPolicy, 'cutoffs'>): { aCut: number; bCut: number } {
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return { aCut: round(policy.cutoffs.A), bCut: round(policy.cutoffs.A + policy.cutoffs.B) };
}

/** `share < cut`, forgiving the last bits of floating-point sums. */
function below(share: number, cut: number): boolean {
  return share < cut - SHARE_TOLERANCE;
}

/** The tier a share of the value above gets, for a score that has value at all. */
export function tierForShare(policy: Pick<TieringPolicy, 'cutoffs'>, share: number): Tier {
  const { aCut, bCut } = cuts(policy);
  return below(share, aCut) ? 'A' : below(share, bCut) ? 'B' : 'C';
}

/**
 * The tier a score would get on the book's value curve: how a group, scored on the rolled-up
 * value of its hierarchy, is placed among the accounts.
 */
export function tierForScore(
  policy: Pick<TieringPolicy, 'cutoffs'>,
  scored: readonly Scored[],
  score: number,
): Tier {
  if (score <= 0) return 'C';
  const total = scored.reduce((acc, s) => acc + Math.max(0, s.score), 0);
  const above = scored.reduce((acc, s) => (s.score > score ? acc + s.score : acc), 0);
  const share = total > 0 ? above / total : 0;
  const { aCut, bCut } = cuts(policy);
  return below(share, aCut) ? 'A' : below(share, bCut) ? 'B' : 'C';
}

/**
 * The A/B/C cut (ABC analysis) over scores: ranked by score, an account is A while the
 * share of value above it is under the A cut-off, B under A + B, else C. Equal scores share
 * their place, so a tie never straddles a boundary; an account with no positive value is C.
 */
export function paretoTiers(
  policy: Pick<TieringPolicy, 'cutoffs'>,
  scored: readonly Scored[],
): Map<string, ParetoPlace> {
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  const total = sorted.reduce((acc, s) => acc + Math.max(0, s.score), 0);
  const places = new Map<string, ParetoPlace>();
  const { aCut, bCut } = cuts(policy);
  let above = 0;
  let i = 0;
  while (i < sorted.length) {
    const score = sorted[i].score;
    let j = i;
    while (j < sorted.length && sorted[j].score === score) j++;
    const shareAbove = total > 0 ? above / total : 0;
    for (const { id } of sorted.slice(i, j)) {
      if (score <= 0) {
        places.set(id, { tier: 'C', rank: i + 1, shareAbove, boundary: null });
      } else if (below(shareAbove, aCut)) {
        places.set(id, { tier: 'A', rank: i + 1, shareAbove, boundary: aCut });
      } else if (below(shareAbove, bCut)) {
        places.set(id, { tier: 'B', rank: i + 1, shareAbove, boundary: bCut });
      } else {
        places.set(id, { tier: 'C', rank: i + 1, shareAbove, boundary: bCut });
      }
    }
    // One by one, in descending order, as the run's window sums them.
    for (let k = i; k < j; k++) above += Math.max(0, score);
    i = j;
  }
  return places;
}

const ORDER: Record<Tier, number> = { A: 0, B: 1, C: 2 };

/** The one boundary between two adjacent tiers; null for A and C, which are two apart. */
export function boundaryBetween(
  policy: Pick<TieringPolicy, 'cutoffs'>,
  a: Tier,
  b: Tier,
): number | null {
  const pair = [a, b].sort().join('');
  const { aCut, bCut } = cuts(policy);
  if (pair === 'AB') return aCut;
  if (pair === 'BC') return bCut;
  return null;
}

/**
 * Keeps the previous tier when the account sits within the policy's margin of the boundary it
 * would cross, so that a small change does not make it flip at every run.
 */
export function withHysteresis(
  policy: Pick<TieringPolicy, 'cutoffs' | 'hysteresisMargin'>,
  previous: Tier | null,
  place: ParetoPlace,
): { tier: Tier; held: boolean } {
  if (previous === null || previous === place.tier || place.boundary === null) {
    return { tier: place.tier, held: false };
  }
  const crossing = boundaryBetween(policy, previous, place.tier);
  if (crossing === null) return { tier: place.tier, held: false };
  const near = Math.abs(place.shareAbove - crossing) <= policy.hysteresisMargin;
  return near ? { tier: previous, held: true } : { tier: place.tier, held: false };
}

/**
 * A member of a group tiered A (or B) is at least the policy's floor for such groups. It is
 * applied after hysteresis: a tier held near a boundary never sinks below the group's floor.
 */
export function withGroupFloor(
  policy: Pick<TieringPolicy, 'groupFloor'>,
  own: Tier,
  groupTier: Tier | null,
): { tier: Tier; floored: boolean } {
  const floor =
    groupTier === 'A' ? policy.groupFloor.A : groupTier === 'B' ? policy.groupFloor.B : null;
  if (floor !== null && ORDER[floor] < ORDER[own]) return { tier: floor, floored: true };
  return { tier: own, floored: false };
}
