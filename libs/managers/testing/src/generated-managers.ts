import {
  GRADES,
  gradeMayOwn,
  maxLoad,
  regionPrefix,
  type AccountToPlace,
  type Grade,
  type ManagerPolicy,
  type ManagerStatus,
  type ManagerToBalance,
  type Tier,
} from '@gap/managers/domain';
import { itemAt, type SeededRandom } from '@gap/random';

import { INDUSTRIES, type District, type GenerateOptions } from './generated-geography.js';

const CAPACITY: Readonly<Record<Grade, readonly [number, number]>> = {
  KEY_ACCOUNT: [150, 300],
  SENIOR: [200, 400],
  STANDARD: [300, 500],
  CHANNEL: [400, 800],
};

export interface DraftManager {
  readonly id: string;
  readonly grade: Grade;
  readonly status: ManagerStatus;
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly capacity: number;
}

export function draftManager(
  random: SeededRandom,
  index: number,
  grades: readonly (readonly [Grade, number])[],
  districts: readonly District[],
  districtTable: readonly (readonly [District, number])[],
  options: GenerateOptions,
): DraftManager {
  // The first four are one of each grade, so that even a tiny problem has the grades it needs.
  const grade = index < GRADES.length ? itemAt(GRADES, index) : random.weighted(grades);
  const home = random.weighted(districtTable);
  const sameCity = districts.filter((district) => district.city === home.city);
  const someDistricts = (count: number) =>
    random.sample(sameCity, count).map((district) => district.code);
  let regions: string[];
  switch (grade) {
    case 'KEY_ACCOUNT':
      regions = random.chance(0.35) ? [home.province] : [home.city];
      break;
    case 'SENIOR':
      regions = random.chance(0.7) ? [home.city] : someDistricts(2);
      break;
    case 'STANDARD':
      regions = random.chance(0.3) ? [home.city] : someDistricts(random.int(1, 2));
      break;
    case 'CHANNEL':
      regions = random.chance(0.6) ? [home.city] : someDistricts(random.int(2, 3));
      break;
  }
  const specialties = (count: number) =>
    [...new Set(Array.from({ length: count }, () => random.weighted(INDUSTRIES)))].sort();
  const industries =
    grade === 'CHANNEL'
      ? random.chance(0.8)
        ? []
        : specialties(1)
      : grade === 'STANDARD'
        ? random.chance(0.4)
          ? []
          : specialties(random.int(1, 2))
        : specialties(random.int(1, 3));
  const inactive = random.chance(options.inactiveShare ?? 0.03);
  const status: ManagerStatus = inactive
    ? random.pick(['ON_LEAVE', 'LEAVING', 'LEFT'] as const)
    : 'ACTIVE';
  const [low, high] = CAPACITY[grade];
  return {
    id: `E${String(index + 1).padStart(5, '0')}`,
    grade,
    status,
    regions: regions.sort(),
    industries,
    capacity: Math.round(random.int(low, high) / 10) * 10,
  };
}

/**
 * The managers whose regions cover each district (`D350102`), those with any region in each
 * province (`P35`), and everyone (`*`); each list cut to the grades that may own a tier on
 * first use, and kept.
 */
export function coverIndex(
  drafts: readonly DraftManager[],
  districts: readonly District[],
  policy: ManagerPolicy,
) {
  const lists = new Map<string, number[]>(districts.map((district) => [`D${district.code}`, []]));
  lists.set(
    '*',
    drafts.map((_, m) => m),
  );
  drafts.forEach((manager, m) => {
    const provinces = new Set<string>();
    for (const region of manager.regions) {
      const prefix = regionPrefix(region);
      for (const district of districts) {
        if (district.code.startsWith(prefix)) lists.get(`D${district.code}`)?.push(m);
      }
      provinces.add(`P${region.slice(0, 2)}`);
    }
    for (const province of provinces) {
      const list = lists.get(province) ?? [];
      list.push(m);
      lists.set(province, list);
    }
  });
  const cut = new Map<string, number[]>();
  return {
    fitting(key: string, tier: Tier): readonly number[] {
      const cached = cut.get(`${key}|${tier}`);
      if (cached) return cached;
      const list = (lists.get(key) ?? []).filter((m) =>
        gradeMayOwn(itemAt(drafts, m).grade, tier, policy),
      );
      cut.set(`${key}|${tier}`, list);
      return list;
    },
  };
}

/**
 * The shares of the four grades: enough key-account managers for the A accounts' points, and
 * senior ones for the B accounts', each with half as much again to spare (their fixed loads
 * take the rest); the others, standard and channel managers 7 : 3, serve the C accounts.
 */
export function gradeMix(
  options: GenerateOptions,
  tierShares: Readonly<Record<Tier, number>>,
  policy: ManagerPolicy,
): [Grade, number][] {
  const average = (grade: Grade) => (CAPACITY[grade][0] + CAPACITY[grade][1]) / 2;
  const needed = (tier: Tier, grade: Grade) =>
    (options.accounts * tierShares[tier] * policy.points[tier] * 1.5) /
    average(grade) /
    Math.max(1, options.managers);
  const key = Math.min(0.45, needed('A', 'KEY_ACCOUNT'));
  const senior = Math.min(0.3, needed('B', 'SENIOR'));
  const rest = Math.max(0.1, 1 - key - senior);
  return [
    ['KEY_ACCOUNT', key],
    ['SENIOR', senior],
    ['STANDARD', rest * 0.7],
    ['CHANNEL', rest * 0.3],
  ];
}

/**
 * The manager an account has now: one of a grade that may own `tier` who covers its district
 * (a poor fit: anywhere in its province) and has room under 80 % of their capacity, the better
 * the fit and the more room the likelier. When nobody near has room, anyone in the province
 * who has; then anyone who has; then anyone near (who is overloaded so). -1 when nobody may.
 */
export function chooseOwner(
  random: SeededRandom,
  drafts: readonly DraftManager[],
  load: Float64Array,
  covering: ReturnType<typeof coverIndex>,
  district: District,
  tier: Tier,
  industryCode: string,
  poorFit: boolean,
  policy: ManagerPolicy,
): number {
  const points = policy.points[tier];
  const left = (m: number) => itemAt(drafts, m).capacity * 0.8 - load[m];
  const roomy = (list: readonly number[]) => list.filter((m) => left(m) >= points);
  const near = covering.fitting(`D${district.code}`, tier);
  const province = covering.fitting(`P${district.code.slice(0, 2)}`, tier);
  const everyone = () => covering.fitting('*', tier);
  const pools = [
    () => roomy(poorFit ? province : near),
    () => roomy(province),
    () => roomy(everyone()),
    () => near,
    () => province,
    everyone,
  ];
  for (const next of pools) {
    const pool = next();
    if (pool.length === 0) continue;
    return random.weighted(
      pool.map((m) => {
        const manager = itemAt(drafts, m);
        const industry = manager.industries.includes(industryCode)
          ? 3
          : manager.industries.length === 0
            ? 1.5
            : 0.5;
        const grade = policy.fittingGrade[tier] === manager.grade ? 4 : 1;
        return [m, Math.max(1, left(m)) * industry * grade] as const;
      }),
    );
  }
  return -1;
}

/**
 * Fixed loads (accounts outside the problem) that leave each active manager room for about
 * their current points × (1 + slack), a few overloaded; then room added where there is
 * headroom until the active managers' room is (1 + slack) × all the accounts' points.
 */
export function fixLoads(
  random: SeededRandom,
  drafts: readonly DraftManager[],
  load: Float64Array,
  accounts: readonly AccountToPlace[],
  policy: ManagerPolicy,
  options: GenerateOptions,
): ManagerToBalance[] {
  const slack = options.slack ?? 0.2;
  const limits = drafts.map((manager) => maxLoad(manager, policy));
  const overloaded = new Set<number>();
  const room = drafts.map((manager, m) => {
    const limit = itemAt(limits, m);
    if (manager.status !== 'ACTIVE') return Math.round(limit * random.next() * 0.5);
    const current = load[m];
    if (random.chance(options.overloadedShare ?? 0.06)) {
      overloaded.add(m);
      return Math.min(limit, Math.round(current * (0.7 + random.next() * 0.2)));
    }
    return Math.min(limit, Math.round(current * (1 + slack) * (0.9 + random.next() * 0.2)));
  });
  const points = accounts.reduce((sum, account) => sum + policy.points[account.tier], 0);
  const target = Math.round(points * (1 + slack));
  let total = room.reduce(
    (sum, value, m) => sum + (itemAt(drafts, m).status === 'ACTIVE' ? value : 0),
    0,
  );
  const open = drafts
    .map((_, m) => m)
    .filter((m) => itemAt(drafts, m).status === 'ACTIVE' && !overloaded.has(m));
  for (let guard = 0; total < target && open.length > 0 && guard < 50; guard++) {
    const headroom = open.reduce((sum, m) => sum + itemAt(limits, m) - itemAt(room, m), 0);
    if (headroom <= 0) break;
    const share = Math.min(1, (target - total) / headroom);
    for (const m of open) {
      const extra = Math.ceil((itemAt(limits, m) - itemAt(room, m)) * share);
      const added = Math.min(extra, itemAt(limits, m) - itemAt(room, m), target - total);
      if (added <= 0) continue;
      room[m] = itemAt(room, m) + added;
      total += added;
    }
  }
  return drafts.map((manager, m) => ({
    ...manager,
    fixedLoad: itemAt(limits, m) - itemAt(room, m),
    load: itemAt(limits, m) - itemAt(room, m) + load[m],
  }));
}
