import { TIERS } from '../manager.js';
import { selectCandidates, type CandidateOptions } from './candidates.js';
import { FlowNetworkBuilder, type MinCostFlow } from './min-cost-flow.js';
import { profileMismatch, type RebalanceModel } from './model.js';

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

function pointsOf(model: RebalanceModel, accountClass: AccountClass): number {
  return model.policy.points[model.profiles[accountClass.profile].tier];
}

/**
 * The flow network of a rebalance. Nodes: the classes, then the profiles, then the managers,
 * then the sink, then the capped tier entries. Arcs are only ever added: a pricing round adds
 * its arcs and builds the network again.
 */
class RebalanceGraph {
  readonly builder = new FlowNetworkBuilder();
  readonly sink: number;
  /** The arc keeping each class with its current manager (-1: it may not stay). */
  readonly stayArc: Int32Array;
  /** Each profile's arcs to managers: [manager, arc id]. */
  readonly profileArcs: [number, number][][];
  /** The capped node of (tier, manager), at `t * managerCount + m`; -1: none, enter directly. */
  readonly entries: Int32Array;
  /** The capped arcs: [tier index, manager, arc id]. */
  readonly entryArcs: [number, number, number][];

  constructor(
    readonly model: RebalanceModel,
    readonly classes: readonly AccountClass[],
    readonly scale: number,
  ) {
    const { policy } = model;
    this.sink = this.managerNode(model.managerCount);
    for (let v = 0; v <= this.sink; v++) this.builder.addNode();
    // Whole accounts of a tier fill at most ⌊room / points⌋ × points of a manager's room: where
    // that is less than the room, the tier enters through a node of its own, capped so.
    this.entries = new Int32Array(TIERS.length * model.managerCount).fill(-1);
    this.entryArcs = [];
    TIERS.forEach((tier, t) => {
      const points = policy.points[tier];
      for (let m = 0; m < model.managerCount; m++) {
        if (model.canReceive[t * model.managerCount + m] !== 1) continue;
        const whole = Math.floor(model.room[m] / points) * points;
        if (whole >= model.room[m]) continue;
        const node = this.builder.addNode();
        this.entries[t * model.managerCount + m] = node;
        this.entryArcs.push([t, m, this.builder.addArc(node, this.managerNode(m), whole, 0)]);
      }
    });
    const unlimited = classes.reduce(
      (sum, accountClass) => sum + accountClass.accounts.length * pointsOf(model, accountClass),
      0,
    );
    this.stayArc = new Int32Array(classes.length).fill(-1);
    classes.forEach((accountClass, c) => {
      const { profile, current } = accountClass;
      if (
        current >= 0 &&
        model.canReceive[model.profiles[profile].tierIndex * model.managerCount + current] === 1
      ) {
        const mismatch = profileMismatch(model, model.profiles[profile], current);
        this.stayArc[c] = this.builder.addArc(
          c,
          this.entry(current, profile),
          unlimited,
          this.perPoint(mismatch, profile),
        );
      }
      const move = accountClass.hasManager ? policy.costs.move : 0;
      this.builder.addArc(c, this.profileNode(profile), unlimited, this.perPoint(move, profile));
      this.builder.addArc(c, this.sink, unlimited, this.perPoint(model.penalty, profile));
    });
    for (let m = 0; m < model.managerCount; m++) {
      if (model.room[m] > 0) this.builder.addArc(this.managerNode(m), this.sink, model.room[m], 0);
    }
    this.profileArcs = model.profiles.map(() => []);
  }

  profileNode(p: number): number {
    return this.classes.length + p;
  }

  managerNode(m: number): number {
    return this.classes.length + this.model.profiles.length + m;
  }

  /** Where profile `p`'s tier enters manager `m`: the manager, or the tier's capped node. */
  entry(m: number, p: number): number {
    const node = this.entries[this.model.profiles[p].tierIndex * this.model.managerCount + m];
    return node >= 0 ? node : this.managerNode(m);
  }

  /** A cost per account as a whole cost per point of profile `p`'s tier. */
  perPoint(cost: number, p: number): number {
    return (cost * this.scale) / this.model.policy.points[this.model.profiles[p].tier];
  }

  /** Arcs from profiles to managers; no more than the manager's room can ever use one. */
  addCandidates(pairs: readonly (readonly [number, number])[]): void {
    for (const [p, m] of pairs) {
      const cost = this.perPoint(profileMismatch(this.model, this.model.profiles[p], m), p);
      const arc = this.builder.addArc(
        this.profileNode(p),
        this.entry(m, p),
        this.model.room[m],
        cost,
      );
      this.profileArcs[p].push([m, arc]);
    }
  }

  /** Each class's points to send, and the sink's demand for all of them. */
  supply(): Float64Array {
    const excess = new Float64Array(this.builder.nodeCount);
    this.classes.forEach((accountClass, c) => {
      excess[c] = accountClass.accounts.length * pointsOf(this.model, accountClass);
      excess[this.sink] -= excess[c];
    });
    return excess;
  }

  /**
   * Classes that can stay with their manager first, heaviest tier first: they fill the
   * managers they belong to before anyone is pushed around, which keeps the later searches short.
   */
  sourceOrder(): Int32Array {
    const key = (c: number) => {
      const accountClass = this.classes[c];
      return (
        (accountClass.current >= 0 ? 0 : 10) + this.model.profiles[accountClass.profile].tierIndex
      );
    };
    const order = this.classes.map((_, c) => c);
    order.sort((a, b) => key(a) - key(b) || a - b);
    return Int32Array.from(order);
  }
}

/**
 * The (profile, receiver) pairs left out whose reduced cost under the current potentials is
 * below zero, the most negative first, at most `candidatesPerProfile` per profile. None means
 * the reduced graph's optimum is the full graph's.
 */
function priceLeftOut(
  model: RebalanceModel,
  graph: RebalanceGraph,
  candidates: readonly number[][],
  network: MinCostFlow,
  options: CandidateOptions,
): [number, number][] {
  const included = new Int32Array(model.managerCount).fill(-1);
  const priced: [number, number][] = [];
  model.profiles.forEach((profile, p) => {
    for (const m of candidates[p]) included[m] = p;
    const hp = network.potential[graph.profileNode(p)];
    const negative: [number, number][] = [];
    for (const m of model.receivers[profile.tierIndex]) {
      if (included[m] === p) continue;
      const reduced =
        graph.perPoint(profileMismatch(model, profile, m), p) +
        hp -
        network.potential[graph.entry(m, p)];
      if (reduced < 0) negative.push([reduced, m]);
    }
    negative.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [, m] of negative.slice(0, options.candidatesPerProfile)) priced.push([p, m]);
  });
  return priced;
}

/**
 * A lower bound on the whole problem from the potentials, by Lagrangian relaxation of the
 * managers' limits and of the whole-account caps per tier: with a price ≥ 0 per point of each
 * manager's room (π = h(sink) − h(manager)) and of each capped tier entry
 * (ρ = h(manager) − h(entry)), both clipped at 0, every account takes its cheapest option
 * (cost + its points × (π + ρ), or the penalty), less Σ π × room and Σ ρ × cap. That bounds
 * every whole-account plan for any prices ≥ 0 (the caps hold for every such plan); with the
 * optimal duals of the reduced flow, and nothing left out pricing below zero, it equals the
 * optimum of the flow.
 */
function lagrangianBound(
  model: RebalanceModel,
  classes: readonly AccountClass[],
  network: MinCostFlow,
  graph: RebalanceGraph,
): number {
  // Prices of zero give the plain bound (every account at its cheapest, limits ignored): when
  // the reduced graph's duals are far off (short of room, before pricing), it is the better one.
  return Math.max(
    boundAtPrices(model, classes, network, graph, true),
    boundAtPrices(model, classes, network, graph, false),
  );
}

function boundAtPrices(
  model: RebalanceModel,
  classes: readonly AccountClass[],
  network: MinCostFlow,
  graph: RebalanceGraph,
  priced: boolean,
): number {
  const potential = priced ? network.potential : new Float64Array(network.nodeCount);
  const count = model.managerCount;
  const roomPrice = new Float64Array(count);
  let bound = 0;
  for (let m = 0; m < count; m++) {
    if (model.room[m] <= 0) continue;
    roomPrice[m] =
      Math.max(0, potential[graph.sink] - potential[graph.managerNode(m)]) / graph.scale;
    bound -= roomPrice[m] * model.room[m];
  }
  // Price per point of tier t entering manager m, at t * count + m.
  const entryPrice = new Float64Array(TIERS.length * count);
  for (let i = 0; i < entryPrice.length; i++) entryPrice[i] = roomPrice[i % count];
  for (const [t, m, arc] of graph.entryArcs) {
    const capPrice =
      Math.max(0, potential[graph.managerNode(m)] - potential[graph.entries[t * count + m]]) /
      graph.scale;
    entryPrice[t * count + m] += capPrice;
    bound -= capPrice * network.capacityOf(arc);
  }
  const best = model.profiles.map((profile) => {
    const points = model.policy.points[profile.tier];
    const row = profile.tierIndex * count;
    let cheapest = Number.POSITIVE_INFINITY;
    for (const m of model.receivers[profile.tierIndex]) {
      const value = profileMismatch(model, profile, m) + points * entryPrice[row + m];
      if (value < cheapest) cheapest = value;
    }
    return cheapest;
  });
  for (const accountClass of classes) {
    const profile = model.profiles[accountClass.profile];
    const points = model.policy.points[profile.tier];
    const row = profile.tierIndex * count;
    let value = Math.min(
      model.penalty,
      (accountClass.hasManager ? model.policy.costs.move : 0) + best[accountClass.profile],
    );
    const current = accountClass.current;
    if (current >= 0 && model.canReceive[row + current] === 1) {
      value = Math.min(
        value,
        profileMismatch(model, profile, current) + points * entryPrice[row + current],
      );
    }
    bound += value * accountClass.accounts.length;
  }
  return bound;
}
