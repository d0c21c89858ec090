import { accountCost, mayTake } from './model.js';
import type { FractionalPlan } from './network.js';
import type { Placement } from './placement.js';
import { cheapestWithRoom, optionsFor } from './round.js';

/** Up to this many accounts every account gets step 2, not only those rounded one by one. */
const SMALL_PROBLEM = 5_000;
/** Up to this many accounts step 3 is tried for every account, and every way of pushing out. */
const TINY_PROBLEM = 64;
const MAX_PASSES = 4;
/** Above this many unassigned accounts the exchange step is skipped (it tries every option). */
const MAX_EXCHANGES = 2_000;

/**
 * Local improvement after rounding; returns how many changes it made.
 *
 * 1. Every account moves to a cheaper manager with room, if its options have one.
 * 2. The accounts that rounding placed one by one (or that are still unassigned; all accounts in
 *    a small problem) may also take a place that is full by pushing others out: the accounts of
 *    the full manager move to their own cheapest other manager with room (its former manager
 *    included, so this also finds swaps), or, when nobody has room for them, go unassigned;
 *    cheapest per point first, until the account fits. The change is made when the total falls.
 *
 * 3. An unassigned account (any account, in a tiny problem) may also take a place that costs
 *    more than it gains at first, when what follows (accounts moving into the room it left, say
 *    the one it displaced going back home) makes up for it: the change and the moves after it
 *    are tried and taken back unless the total falls. This is what trades an unassigned account
 *    for one of another tier, or one B account for three C accounts.
 *
 * Repeated until a pass changes nothing (at most four passes). Above {@link SMALL_PROBLEM}
 * accounts, steps 2 and 3 run in the first pass only (step 3 only for up to
 * {@link MAX_EXCHANGES} unassigned accounts): they cost the most and gain the most at first.
 * On the 100,000-account benchmark, running them again cost seconds (10 % short of room) for
 * under 0.1 % of the total. Every step lowers the total, so it ends; it never breaks a limit,
 * because every placement goes through `Placement.assign`.
 */
export function improvePlacement(
  placement: Placement,
  plan: FractionalPlan,
  rounded: readonly number[],
): number {
  const { model } = placement;
  const everyAccount = model.accounts.length <= SMALL_PROBLEM;
  const tiny = model.accounts.length <= TINY_PROBLEM;
  const thorough = everyAccount
    ? model.accounts.map((_, a) => a)
    : [...rounded].sort((a, b) => a - b);
  for (let a = 0; a < model.accounts.length; a++) {
    if (placement.managerOf[a] < 0 && !everyAccount) thorough.push(a);
  }
  const unique = [...new Set(thorough)];
  const ownedBy: number[][] = model.managers.map(() => []);
  for (let a = 0; a < model.accounts.length; a++) {
    if (model.currentOf[a] >= 0) ownedBy[model.currentOf[a]].push(a);
  }
  let changes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = 0;
    for (let a = 0; a < model.accounts.length; a++) {
      if (relocate(placement, plan, a)) changed++;
    }
    if (everyAccount || pass === 0) {
      for (const a of unique) {
        if (improveByPushing(placement, plan, a)) changed++;
      }
    }
    const unassigned = model.accounts.map((_, a) => a).filter((a) => placement.managerOf[a] < 0);
    if (tiny) {
      for (let a = 0; a < model.accounts.length; a++) {
        if (exchange(placement, plan, a, tiny, ownedBy)) changed++;
      }
    } else if (everyAccount || (pass === 0 && unassigned.length <= MAX_EXCHANGES)) {
      for (const a of unassigned) {
        if (placement.managerOf[a] < 0 && exchange(placement, plan, a, tiny, ownedBy)) changed++;
      }
    }
    changes += changed;
    if (changed === 0) break;
  }
  return changes;
}

/** Moves `a` to the cheapest manager with room among its options, if that is cheaper. */
function relocate(placement: Placement, plan: FractionalPlan, a: number): boolean {
  const m = cheapestWithRoom(placement, a, optionsFor(placement.model, plan, a));
  if (m < 0 || m === placement.managerOf[a]) return false;
  if (accountCost(placement.model, a, m) >= placement.costOf(a)) return false;
  placement.assign(a, m);
  return true;
}

/**
 * Step 3 for one account: for each other manager who may take it, push out what must go, then
 * let the accounts around (all of them in a tiny problem; else those of the managers touched,
 * those whose current manager they are, and those pushed out) move where it is cheaper. Kept at
 * the first manager for which the total falls; otherwise undone.
 */
function exchange(
  placement: Placement,
  plan: FractionalPlan,
  a: number,
  tiny: boolean,
  ownedBy: readonly (readonly number[])[],
): boolean {
  const { model } = placement;
  const before = placement.total;
  const home = placement.managerOf[a];
  const pushes = (m: number) => {
    const cost = accountCost(model, a, m);
    // In a tiny problem, also each account of m pushed out first, whatever it costs.
    const first = tiny ? [-1, ...placement.accountsOf(m)] : [-1];
    return first.map((forced) =>
      pushOut(placement, plan, a, m, cost, Number.POSITIVE_INFINITY, forced, tiny),
    );
  };
  // The pushes are worked out with `a` out of its place, as they will be made.
  placement.mark();
  placement.release(a);
  const tries = [...optionsFor(model, plan, a, tiny)]
    .filter((m) => m !== home && mayTake(model, a, m))
    .flatMap(pushes)
    .filter((push): push is Push => push !== null);
  placement.undo();
  for (const push of tries) {
    const m = push.target;
    placement.mark();
    placement.release(a);
    const touched = new Set([m, home]);
    for (const [b, to] of push.moves) {
      touched.add(model.currentOf[b]);
      if (to >= 0) {
        placement.assign(b, to);
        touched.add(to);
      } else placement.release(b);
    }
    placement.assign(a, m);
    const around = tiny
      ? model.accounts.map((_, b) => b)
      : [
          ...push.moves.map(([b]) => b),
          ...[...touched]
            .filter((t) => t >= 0)
            .flatMap((t) => [...placement.accountsOf(t), ...ownedBy[t]]),
        ];
    for (const b of around) relocate(placement, plan, b);
    if (placement.total < before) {
      placement.keep();
      return true;
    }
    placement.undo();
  }
  return false;
}

/** An account pushed out of a full manager: where it goes (-1: nowhere), and who makes room there. */
interface Eviction {
  readonly b: number;
  readonly to: number;
  /** What the move (and the relay's) adds to the total. */
  readonly delta: number;
  readonly relay: readonly [number, number] | null;
}

interface Push {
  readonly total: number;
  readonly target: number;
  readonly moves: readonly (readonly [number, number])[];
}

/** Tries every option of `a`, pushing accounts out where it does not fit; applies the best gain. */
function improveByPushing(placement: Placement, plan: FractionalPlan, a: number): boolean {
  const { model } = placement;
  const before = placement.costOf(a);
  const home = placement.managerOf[a];
  placement.release(a);
  const options = optionsFor(model, plan, a, placement.model.accounts.length <= SMALL_PROBLEM);
  let best: Push | null = null;
  for (const m of options) {
    if (!mayTake(model, a, m)) continue;
    const cost = accountCost(model, a, m);
    if (cost >= before || (best && cost >= best.total)) continue;
    const tiny = model.accounts.length <= TINY_PROBLEM;
    const push = pushOut(placement, plan, a, m, cost, best?.total ?? before, -1, tiny);
    if (push && push.total < (best?.total ?? before)) best = push;
  }
  if (!best) {
    if (home >= 0) placement.assign(a, home);
    return false;
  }
  for (const [b, to] of best.moves) {
    if (to >= 0) placement.assign(b, to);
    else placement.release(b);
  }
  placement.assign(a, best.target);
  return true;
}

/**
 * How `a` could join full manager `m`: which of m's accounts go where, and the total cost of
 * `a` plus their extra cost. Null when m cannot be freed enough, or not below `ceiling`.
 */
function pushOut(
  placement: Placement,
  plan: FractionalPlan,
  a: number,
  m: number,
  cost: number,
  ceiling: number,
  forced = -1,
  relays = false,
): Push | null {
  const { model } = placement;
  const needed = model.points[a] - placement.room[m];
  if (needed <= 0) return { total: cost, target: m, moves: [] };
  const reserved = new Map<number, number>();
  const relayed = new Set<number>();
  const roomAt = (to: number) => placement.room[to] - (reserved.get(to) ?? 0);
  const reserve = (to: number, points: number) =>
    reserved.set(to, (reserved.get(to) ?? 0) + points);
  const alternative = (b: number): Eviction => {
    let best: Eviction = {
      b,
      to: -1,
      delta: model.penalty - accountCost(model, b, m),
      relay: null,
    };
    const consider = (eviction: Eviction) => {
      if (eviction.delta < best.delta || (eviction.delta === best.delta && eviction.to < best.to)) {
        best = eviction;
      }
    };
    for (const to of optionsFor(model, plan, b)) {
      if (to === m || !mayTake(model, b, to)) continue;
      const delta = accountCost(model, b, to) - accountCost(model, b, m);
      const short = model.points[b] - roomAt(to);
      if (short <= 0) consider({ b, to, delta, relay: null });
      else if (relays) {
        // One step further: an account of `to` big enough makes room, going where there is.
        for (const c of placement.accountsOf(to)) {
          if (c === b || relayed.has(c) || model.points[c] < short) continue;
          for (const next of optionsFor(model, plan, c)) {
            if (next === to || next === m || !mayTake(model, c, next)) continue;
            if (roomAt(next) < model.points[c]) continue;
            const relayDelta = accountCost(model, c, next) - accountCost(model, c, to);
            consider({ b, to, delta: delta + relayDelta, relay: [c, next] });
          }
        }
      }
    }
    return best;
  };
  const deltas = placement.accountsOf(m).map((b) => ({ b, delta: alternative(b).delta }));
  // No one order is best for every case: the cheapest per point frees room cheaply in bulk,
  // the cheapest outright frees a little room cheaply, and one account alone may free enough.
  const perPoint = [...deltas].sort(
    (x, y) => x.delta / model.points[x.b] - y.delta / model.points[y.b] || x.b - y.b,
  );
  const outright = [...deltas].sort((x, y) => x.delta - y.delta || x.b - y.b);
  const alone = outright.filter(({ b }) => model.points[b] >= needed).slice(0, 1);
  const orders = [perPoint, outright, alone].map((order) =>
    forced < 0 ? order : [{ b: forced, delta: 0 }, ...order.filter(({ b }) => b !== forced)],
  );
  let best: Push | null = null;
  for (const ranked of orders) {
    reserved.clear();
    relayed.clear();
    let freed = 0;
    const evictions: Eviction[] = [];
    for (const { b } of ranked) {
      if (freed >= needed) break;
      const eviction = alternative(b);
      if (eviction.relay) {
        const [c, next] = eviction.relay;
        relayed.add(c);
        reserve(next, model.points[c]);
        // A relay frees no room for the others: dropping it later must leave them room.
        reserve(eviction.to, Math.max(0, model.points[b] - model.points[c]));
      } else if (eviction.to >= 0) reserve(eviction.to, model.points[b]);
      evictions.push(eviction);
      freed += model.points[b];
    }
    if (freed < needed) continue;
    // Keep no one out who need not be: the dearest first. The rest stay in the order planned,
    // the order in which the room for each was counted.
    const dropped = new Set<Eviction>();
    for (const eviction of [...evictions].sort((x, y) => y.delta - x.delta || x.b - y.b)) {
      if (eviction.b === forced || freed - model.points[eviction.b] < needed) continue;
      freed -= model.points[eviction.b];
      dropped.add(eviction);
    }
    const kept = evictions.filter((eviction) => !dropped.has(eviction));
    const total = kept.reduce((sum, eviction) => sum + eviction.delta, cost);
    if (total < (best?.total ?? ceiling)) {
      const moves = kept.flatMap(({ b, to, relay }) =>
        relay ? [relay, [b, to] as const] : [[b, to] as const],
      );
      best = { total, target: m, moves };
    }
  }
  return best;
}
