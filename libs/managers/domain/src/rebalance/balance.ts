import { accountCost, mayTake, profileMismatch, type RebalanceModel } from './model.js';
import type { RebalanceBalance } from './balance-policy.js';
import type { Placement } from './placement.js';

export { DEFAULT_REBALANCE_BALANCE, type RebalanceBalance } from './balance-policy.js';

/** What a balancing move costs beyond the account's place now, per point. */
interface Offer {
  readonly account: number;
  readonly perPoint: number;
}

/**
 * The balance step of the improvement: managers below the band's lower end take accounts from
 * managers above it, the cheapest extra cost per point first, as long as the giver stays at or
 * above the lower end, the taker has room, and the extra cost per point stays within the
 * policy's limit. The neediest managers (lowest share) choose first; ties by index, so the same
 * problem gives the same plan. Returns the moves made.
 */
export function balancePlacement(placement: Placement, balance: RebalanceBalance): number {
  const { model } = placement;
  if (balance.minLoadShare <= 0) return 0;
  const load = loadsOf(placement);
  const floor = (m: number) => balance.minLoadShare * model.maxLoad[m];
  const takers = model.managers
    .map((_, m) => m)
    .filter((m) => mayTakeAny(model, m) && load[m] < floor(m))
    .sort((a, b) => load[a] / model.maxLoad[a] - load[b] / model.maxLoad[b] || a - b);
  const profiles = byProfile(placement);
  let moves = 0;
  for (const m of takers) {
    for (const offer of offersTo(placement, profiles, m, balance)) {
      if (load[m] >= floor(m)) break;
      const a = offer.account;
      const from = placement.managerOf[a];
      const points = model.points[a];
      if (from < 0 || from === m || load[from] - points < floor(from)) continue;
      if (!placement.fits(a, m)) continue;
      // The offer was priced against `from`; the account may have moved since.
      if ((accountCost(model, a, m) - accountCost(model, a, from)) / points !== offer.perPoint) {
        continue;
      }
      placement.assign(a, m);
      load[from] -= points;
      load[m] += points;
      moves += 1;
    }
  }
  return moves;
}

/** Each manager's load in the placement: fixed load plus the points they have been given. */
function loadsOf(placement: Placement): Float64Array {
  const { model } = placement;
  const load = new Float64Array(model.managerCount);
  model.managers.forEach((manager, m) => {
    load[m] = manager.fixedLoad + (model.room[m] - placement.room[m]);
  });
  return load;
}

function mayTakeAny(model: RebalanceModel, m: number): boolean {
  if (model.maxLoad[m] <= 0 || model.managers[m].status !== 'ACTIVE') return false;
  for (let t = 0; t < model.receivers.length; t++) {
    if (model.canReceive[t * model.managerCount + m] === 1) return true;
  }
  return false;
}

/** The accounts of each profile, and the most any of them costs where it is now. */
interface ProfileGroup {
  readonly accounts: number[];
  maxCost: number;
}

function byProfile(placement: Placement): ProfileGroup[] {
  const { model } = placement;
  const groups = model.profiles.map((): ProfileGroup => ({ accounts: [], maxCost: 0 }));
  for (let a = 0; a < model.accounts.length; a++) {
    const group = groups[model.profileOf[a]];
    group.accounts.push(a);
    group.maxCost = Math.max(group.maxCost, placement.costOf(a));
  }
  return groups;
}

/**
 * The accounts `m` could take within the cost limit, cheapest per point first. A profile whose
 * mismatch with `m` exceeds what its costliest account pays now by more than the limit cannot
 * offer anything, and is skipped whole.
 */
function offersTo(
  placement: Placement,
  groups: readonly ProfileGroup[],
  m: number,
  balance: RebalanceBalance,
): Offer[] {
  const { model } = placement;
  const offers: Offer[] = [];
  groups.forEach((group, p) => {
    const profile = model.profiles[p];
    if (model.canReceive[profile.tierIndex * model.managerCount + m] !== 1) return;
    const points = model.policy.points[profile.tier];
    if (profileMismatch(model, profile, m) - group.maxCost > balance.maxCostPerPoint * points) {
      return;
    }
    for (const a of group.accounts) {
      const from = placement.managerOf[a];
      if (from < 0 || from === m || !mayTake(model, a, m)) continue;
      const perPoint = (accountCost(model, a, m) - accountCost(model, a, from)) / points;
      if (perPoint <= balance.maxCostPerPoint) offers.push({ account: a, perPoint });
    }
  });
  return offers.sort((x, y) => x.perPoint - y.perPoint || x.account - y.account);
}
