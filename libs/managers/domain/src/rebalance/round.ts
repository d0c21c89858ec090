import { accountCost, type RebalanceModel } from './model.js';
import type { FractionalPlan } from './network.js';
import type { Placement } from './placement.js';

/**
 * The managers account `a` is tried with, in no particular order: its current manager (when it
 * may stay) and its profile's candidates; with `everyone`, every receiver of its tier instead,
 * for the accounts the candidates cannot seat.
 */
export function optionsFor(
  model: RebalanceModel,
  plan: FractionalPlan,
  a: number,
  everyone = false,
): Int32Array {
  const profile = model.profileOf[a];
  if (everyone) return model.receivers[model.profiles[profile].tierIndex];
  const current = model.currentOf[a];
  const candidates = plan.candidates[profile];
  if (current < 0 || candidates.includes(current)) return candidates;
  const options = new Int32Array(candidates.length + 1);
  options[0] = current;
  options.set(candidates, 1);
  return options;
}

/** The cheapest manager with room for `a` among `options` (the lowest index on a tie), or -1. */
export function cheapestWithRoom(placement: Placement, a: number, options: Int32Array): number {
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const m of options) {
    if (!placement.fits(a, m)) continue;
    const cost = accountCost(placement.model, a, m);
    if (cost < bestCost || (cost === bestCost && m < best)) {
      best = m;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * Whole accounts from the LP's points. The flow is whole in points, but a class of 10-point
 * accounts may send 7 points somewhere: that is 0.7 of an account. So each class first keeps
 * ⌊stay / points⌋ accounts with its current manager; each profile then gives each manager
 * ⌊points sent / points⌋ of its remaining accounts (an account whose current manager is among
 * them goes there first: it is no move); neither ever exceeds a manager's room, as the flow did
 * not. What is left (the fractional parts, and what the LP left unassigned) is placed one by one,
 * heaviest first, with the cheapest manager who still has room: among its options, else among
 * every receiver of its tier. Returns the accounts placed one by one.
 */
export function roundPlan(placement: Placement, plan: FractionalPlan): number[] {
  const { model } = placement;
  const pools: number[][] = model.profiles.map(() => []);
  plan.classes.forEach((accountClass, c) => {
    const points = model.policy.points[model.profiles[accountClass.profile].tier];
    const keep = Math.floor(plan.stay[c] / points + 1e-9);
    accountClass.accounts.forEach((a, i) => {
      if (i < keep && placement.fits(a, accountClass.current))
        placement.assign(a, accountClass.current);
      else pools[accountClass.profile].push(a);
    });
  });

  const leftovers: number[] = [];
  plan.profileFlows.forEach((flows, p) => {
    const pool = pools[p];
    if (pool.length === 0) return;
    const points = model.policy.points[model.profiles[p].tier];
    const quota = new Map(flows.map(([m, sent]) => [m, Math.floor(sent / points + 1e-9)]));
    const placed = new Uint8Array(pool.length);
    pool.forEach((a, i) => {
      const current = model.currentOf[a];
      const left = quota.get(current) ?? 0;
      if (left > 0 && placement.fits(a, current)) {
        placement.assign(a, current);
        quota.set(current, left - 1);
        placed[i] = 1;
      }
    });
    let next = 0;
    for (const [m, count] of quota) {
      for (let k = 0; k < count; k++) {
        while (next < pool.length && placed[next] === 1) next++;
        if (next >= pool.length) break;
        const a = pool[next];
        if (!placement.fits(a, m)) break;
        placement.assign(a, m);
        placed[next] = 1;
      }
    }
    pool.forEach((a, i) => {
      if (placed[i] === 0) leftovers.push(a);
    });
  });

  leftovers.sort((a, b) => model.points[b] - model.points[a] || a - b);
  for (const a of leftovers) {
    let m = cheapestWithRoom(placement, a, optionsFor(model, plan, a));
    if (m < 0) m = cheapestWithRoom(placement, a, optionsFor(model, plan, a, true));
    if (m >= 0) placement.assign(a, m);
  }
  return leftovers;
}
