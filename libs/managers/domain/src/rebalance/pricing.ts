import { TIERS } from '../manager.js';
import type { CandidateOptions } from './candidates.js';
import type { RebalanceGraph } from './graph.js';
import type { MinCostFlow } from './min-cost-flow.js';
import { profileMismatch, type RebalanceModel } from './model.js';
import type { AccountClass } from './network.js';

/**
 * The (profile, receiver) pairs left out whose reduced cost under the current potentials is
 * below zero, the most negative first, at most `candidatesPerProfile` per profile. None means
 * the reduced graph's optimum is the full graph's.
 */
export function priceLeftOut(
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
export function lagrangianBound(
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
