import { fitCost, maxLoad } from '../fit.js';
import { TIERS, type AccountToPlace, type Tier } from '../manager.js';
import type { ManagerPolicy } from '../policy.js';
import {
  checkProblemIds,
  mayReceive,
  roomFor,
  unassignedPenalty,
  type ManagerToBalance,
  type RebalanceProblem,
} from './problem.js';

/** Accounts that cost the same with every manager but their current one: tier, region, industry. */
export interface AccountProfile {
  readonly tier: Tier;
  readonly tierIndex: number;
  readonly regionCode: string;
  readonly industryCode: string;
  /** Offsets of this profile's rows in the cost tables. */
  readonly regionRow: number;
  readonly industryRow: number;
  readonly gradeRow: number;
}

/**
 * The problem in numbers: accounts and managers sorted by id (so the plan never depends on the
 * order they came in), each account's profile, and the mismatch of every profile with every
 * manager as three small tables. `fitCost` says the mismatch is region + industry + grade,
 * and each part depends on one attribute of the account only, so the tables hold
 * (regions + industries + tiers) × managers numbers instead of one per account and manager.
 */
export interface RebalanceModel {
  readonly policy: ManagerPolicy;
  readonly penalty: number;
  readonly accounts: readonly AccountToPlace[];
  readonly managers: readonly ManagerToBalance[];
  readonly managerCount: number;
  /** Points of each account. */
  readonly points: Int32Array;
  /** Profile of each account. */
  readonly profileOf: Int32Array;
  /** Index of each account's current manager; -1 when it has none or the manager is unknown. */
  readonly currentOf: Int32Array;
  /** 1 when the account has a current manager (even one not in the problem): moving it costs. */
  readonly hasManager: Uint8Array;
  readonly profiles: readonly AccountProfile[];
  /** Points each manager may take in this rebalance (0 for an inactive one). */
  readonly room: Float64Array;
  /** The most each manager may carry, and what they carry from outside the problem. */
  readonly maxLoad: Float64Array;
  /**
   * Managers who may receive an account of each tier (by tier index): active, of a grade that
   * may own it, with room for at least one such account. Sorted by id.
   */
  readonly receivers: readonly Int32Array[];
  /** Whether manager `m` may receive tier `t`: `canReceive[t * managerCount + m]`. */
  readonly canReceive: Uint8Array;
  readonly regionCost: Int32Array;
  readonly industryCost: Int32Array;
  readonly gradeCost: Int32Array;
}

const byId = <T extends { readonly id: string }>(a: T, b: T) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function buildModel(problem: RebalanceProblem): RebalanceModel {
  checkProblemIds(problem);
  const { policy } = problem;
  const accounts = [...problem.accounts].sort(byId);
  const managers = [...problem.managers].sort(byId);
  const managerCount = managers.length;
  const managerIndex = new Map(managers.map((manager, index) => [manager.id, index]));

  const regionRows = new Map<string, number>();
  const industryRows = new Map<string, number>();
  const profileIndex = new Map<string, number>();
  const profiles: AccountProfile[] = [];
  const points = new Int32Array(accounts.length);
  const profileOf = new Int32Array(accounts.length);
  const currentOf = new Int32Array(accounts.length);
  const hasManager = new Uint8Array(accounts.length);
  accounts.forEach((account, index) => {
    const tierIndex = TIERS.indexOf(account.tier);
    if (tierIndex < 0) throw new RangeError(`account ${account.id} has no valid tier`);
    let regionRow = regionRows.get(account.regionCode);
    if (regionRow === undefined) regionRows.set(account.regionCode, (regionRow = regionRows.size));
    let industryRow = industryRows.get(account.industryCode);
    if (industryRow === undefined) {
      industryRows.set(account.industryCode, (industryRow = industryRows.size));
    }
    const key = `${account.tier}|${account.regionCode}|${account.industryCode}`;
    let profile = profileIndex.get(key);
    if (profile === undefined) {
      profileIndex.set(key, (profile = profiles.length));
      profiles.push({
        tier: account.tier,
        tierIndex,
        regionCode: account.regionCode,
        industryCode: account.industryCode,
        regionRow: regionRow * managerCount,
        industryRow: industryRow * managerCount,
        gradeRow: tierIndex * managerCount,
      });
    }
    points[index] = policy.points[account.tier];
    profileOf[index] = profile;
    hasManager[index] = account.currentManagerId === null ? 0 : 1;
    currentOf[index] =
      account.currentManagerId === null ? -1 : (managerIndex.get(account.currentManagerId) ?? -1);
  });

  // Each part of the mismatch read from fitCost itself, so the tables cannot drift from it.
  const regionCost = new Int32Array(regionRows.size * managerCount);
  const industryCost = new Int32Array(industryRows.size * managerCount);
  const gradeCost = new Int32Array(TIERS.length * managerCount);
  managers.forEach((manager, m) => {
    for (const [regionCode, row] of regionRows) {
      regionCost[row * managerCount + m] = fitCost(
        { tier: 'C', regionCode, industryCode: '' },
        manager,
        policy,
      ).region;
    }
    for (const [industryCode, row] of industryRows) {
      industryCost[row * managerCount + m] = fitCost(
        { tier: 'C', regionCode: '', industryCode },
        manager,
        policy,
      ).industry;
    }
    TIERS.forEach((tier, t) => {
      gradeCost[t * managerCount + m] = fitCost(
        { tier, regionCode: '', industryCode: '' },
        manager,
        policy,
      ).grade;
    });
  });

  const room = new Float64Array(managers.map((manager) => roomFor(manager, policy)));
  const canReceive = new Uint8Array(TIERS.length * managerCount);
  const receivers = TIERS.map((tier, t) => {
    const list: number[] = [];
    managers.forEach((manager, m) => {
      if (mayReceive(manager, tier, policy) && room[m] >= policy.points[tier]) {
        canReceive[t * managerCount + m] = 1;
        list.push(m);
      }
    });
    return Int32Array.from(list);
  });

  return {
    policy,
    penalty: unassignedPenalty(policy),
    accounts,
    managers,
    managerCount,
    points,
    profileOf,
    currentOf,
    hasManager,
    profiles,
    room,
    maxLoad: new Float64Array(managers.map((manager) => maxLoad(manager, policy))),
    receivers,
    canReceive,
    regionCost,
    industryCost,
    gradeCost,
  };
}

/** The mismatch of a profile with manager `m`. */
export function profileMismatch(model: RebalanceModel, profile: AccountProfile, m: number): number {
  return (
    model.regionCost[profile.regionRow + m] +
    model.industryCost[profile.industryRow + m] +
    model.gradeCost[profile.gradeRow + m]
  );
}

/** What giving account `a` to manager `m` costs (mismatch + move); the penalty for m = -1. */
export function accountCost(model: RebalanceModel, a: number, m: number): number {
  if (m < 0) return model.penalty;
  const moved = model.hasManager[a] === 1 && model.currentOf[a] !== m;
  return (
    profileMismatch(model, model.profiles[model.profileOf[a]], m) +
    (moved ? model.policy.costs.move : 0)
  );
}

/** Whether manager `m` may receive account `a` at all (room aside). */
export function mayTake(model: RebalanceModel, a: number, m: number): boolean {
  const tierIndex = model.profiles[model.profileOf[a]].tierIndex;
  return model.canReceive[tierIndex * model.managerCount + m] === 1;
}
