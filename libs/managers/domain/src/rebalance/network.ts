import { TIERS } from '../manager.js';
import { selectCandidates, type CandidateOptions } from './candidates.js';
import { pointsOf, RebalanceGraph } from './graph.js';
import type { RebalanceModel } from './model.js';
import { lagrangianBound, priceLeftOut } from './pricing.js';

/** Accounts with the same profile and the same current manager: they cost alike everywhere. */
export interface AccountClass {
  readonly profile: number;
  /** Manager index, or -1 (none, or not in the problem). */
  readonly current: number;
  /** Whether its accounts have a current manager, so that moving them costs. */
  readonly hasManager: boolean;
  /** Account indexes, in id order. */
  readonly accounts: readonly number[];
}

/** The LP solution, in points, by where it sends each class. */
export interface FractionalPlan {
  readonly classes: readonly AccountClass[];
  /** Points each class keeps with its current manager. */
  readonly stay: Float64Array;
  /** Points each profile sends to each manager: [manager, points] pairs, by manager. */
  readonly profileFlows: readonly (readonly (readonly [number, number])[])[];
  /** The candidates each profile could reach (the repair looks there first). */
  readonly candidates: readonly Int32Array[];
  readonly lowerBound: number;
  readonly reducedLpCost: number;
  readonly stats: {
    readonly arcs: number;
    readonly pricedArcs: number;
    readonly searches: number;
    readonly augmentations: number;
    readonly settledNodes: number;
    readonly solves: number;
  };
}

export interface NetworkOptions extends CandidateOptions {
  /** How many times arcs the full graph prices below zero are added and the flow solved again. */
  readonly pricingRounds: number;
  /**
   * No pricing round when the lower bound is already within this share of the reduced LP's
   * optimum (a round can only close that gap).
   */
  readonly boundTolerance: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Group accounts into classes (same profile, same current manager), in a stable order. */
export function classify(model: RebalanceModel): AccountClass[] {
  const byKey = new Map<
    string,
    { profile: number; current: number; hasManager: boolean; accounts: number[] }
  >();
  for (let a = 0; a < model.accounts.length; a++) {
    const profile = model.profileOf[a];
    const current = model.currentOf[a];
    const hasManager = model.hasManager[a] === 1;
    const key = `${profile}|${current}|${hasManager ? 1 : 0}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { profile, current, hasManager, accounts: [] }));
    entry.accounts.push(a);
  }
  return [...byKey.values()];
}

/**
 * Solves the LP relaxation of the rebalance as a min-cost flow in points, over a reduced graph:
 *
 *   class ──(stay: mismatch)──────────────────────────────▶ current manager ──(room)──▶ sink
 *   class ──(move cost)──▶ profile ──(mismatch)──▶ candidate manager ──(room)──▶ sink
 *   class ──(unassigned penalty)─────────────────────────────────────────────────────▶ sink
 *
 * A tier whose points do not divide a manager's room enters that manager through a node of its
 * own, capped at the whole accounts that fit (⌊room / points⌋ × points): a cut every
 * whole-account plan obeys, which the plain relaxation does not (it would fill a 13-point room
 * with 1.3 A accounts). It tightens the bound and leaves less to round.
 *
 * Costs are per point, scaled by the lcm of the tier points so that they stay whole. The
 * profile node carries the move cost once for all its classes, so the graph has
 * classes × 3 + profiles × candidates arcs, not classes × candidates. After a solve the node
 * potentials price every (profile, receiver) pair left out; pairs below zero join the graph and
 * the flow is solved again from scratch, up to `pricingRounds` times, while the bound is loose.
 * (Warm starts were tried: carrying the flow over and saturating the new arcs, or restarting
 * from the old potentials; both settled several times more nodes than a fresh solve, the
 * zero-cost plateaus of good potentials being wide.) The potentials then give a lower bound on
 * the full problem whatever the reduction left out (see {@link lagrangianBound}).
 */
export function solveRelaxation(model: RebalanceModel, options: NetworkOptions): FractionalPlan {
  const { policy } = model;
  const pointValues = TIERS.map((tier) => policy.points[tier]);
  const scale = pointValues.reduce((lcm, value) => (lcm * value) / gcd(lcm, value), 1);
  const classes = classify(model);
  const profilePoints = new Float64Array(model.profiles.length);
  for (const accountClass of classes) {
    profilePoints[accountClass.profile] +=
      accountClass.accounts.length * pointsOf(model, accountClass);
  }
  const candidates = selectCandidates(model, profilePoints, options).map((list) =>
    Array.from(list),
  );

  const graph = new RebalanceGraph(model, classes, scale);
  graph.addCandidates(candidates.map((list, p) => list.map((m) => [p, m] as const)).flat());
  let network = graph.builder.build();
  const totals = {
    arcs: 0,
    pricedArcs: 0,
    searches: 0,
    augmentations: 0,
    settledNodes: 0,
    solves: 1,
  };
  accumulate(totals, network.solve(graph.supply(), graph.sourceOrder()));
  let bound = lagrangianBound(model, classes, network, graph);
  for (let round = 0; round < options.pricingRounds; round++) {
    // Solving again costs as much as the first solve: only worth it for a bound that is loose.
    const lpCost = network.totalCost() / scale;
    if (lpCost - bound <= options.boundTolerance * Math.max(1, lpCost)) break;
    const priced = priceLeftOut(model, graph, candidates, network, options);
    if (priced.length === 0) break;
    totals.pricedArcs += priced.length;
    graph.addCandidates(priced);
    for (const [p, m] of priced) candidates[p].push(m);
    network = graph.builder.build();
    accumulate(totals, network.solve(graph.supply(), graph.sourceOrder()));
    totals.solves++;
    bound = Math.max(bound, lagrangianBound(model, classes, network, graph));
  }
  totals.arcs = network.arcCount;

  const stay = new Float64Array(classes.length);
  classes.forEach((_, c) => {
    const arc = graph.stayArc[c];
    if (arc >= 0) stay[c] = network.flow(arc);
  });
  const profileFlows = graph.profileArcs.map((arcs) =>
    arcs
      .map(([m, arc]) => [m, network.flow(arc)] as const)
      .filter(([, points]) => points > 0)
      .sort((a, b) => a[0] - b[0]),
  );
  return {
    classes,
    stay,
    profileFlows,
    candidates: candidates.map((list) => Int32Array.from(list)),
    lowerBound: bound,
    reducedLpCost: network.totalCost() / scale,
    stats: totals,
  };
}

function accumulate(
  totals: { searches: number; augmentations: number; settledNodes: number },
  solved: { searches: number; augmentations: number; settledNodes: number },
): void {
  totals.searches += solved.searches;
  totals.augmentations += solved.augmentations;
  totals.settledNodes += solved.settledNodes;
}
