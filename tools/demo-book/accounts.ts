/**
 * The account stream: the biggest group first, then many mid-size groups, then standalone
 * accounts. Everything comes from one seeded random stream consumed in order, so the same
 * options give the same book; only the group being emitted is held in memory.
 */
import { creditCode, MAX_SERIALS, organisationCode } from './codes.js';
import { dateOf, dayBetween, dayOf, dayOfYear, LAST_DAY } from './dates.js';
import {
  companyGroup,
  type Draft,
  type Family,
  type FoundingEra,
  type GroupNode,
  publicGroup,
  standaloneDraft,
  type TagPool,
  type TakenNames,
} from './families.js';
import { itemAt, SeededRandom, WeightedTable } from '@gap/random';
import {
  deepGroupWeights,
  groupShape,
  type GroupShape,
  positionsOnLevel,
  shallowGroupWeights,
} from './shape.js';
import type { AccountStatus, DemoAccountRow, DemoBookOptions } from './types.js';

export const DEFAULT_SEED = 20261123;
const DEFAULT_MAX_DEPTH = 10;
const DEFAULT_LARGEST_GROUP_CAP = 2000;
/** Share of the accounts outside the biggest group that belong to mid-size groups. */
const GROUPED_SHARE = 0.25;
const MID_GROUP_MIN = 5;
const MID_GROUP_MAX = 200;
const MAX_EMPLOYEES = 300_000;

const STATUSES = new WeightedTable<AccountStatus>([
  ['ACTIVE', 75],
  ['PROSPECT', 15],
  ['SUSPENDED', 5],
  ['CHURNED', 5],
]);

const TAG_POOLS: Readonly<Record<TagPool, readonly string[]>> = {
  tech: ['专精特新', '高新技术企业', '上云企业', '5G专网', '重点项目', '政企直通车'],
  company: ['上云企业', '5G专网', '重点项目', '政企直通车'],
  listed: ['上市公司', '上云企业', '5G专网', '重点项目', '政企直通车'],
  government: ['数字政府', '政企直通车', '5G专网', '上云企业', '重点项目'],
  school: ['智慧校园', '5G专网', '上云企业', '重点项目'],
  hospital: ['智慧医疗', '5G专网', '上云企业', '重点项目'],
  institution: ['政企直通车', '5G专网', '上云企业', '重点项目'],
};
const TAG_COUNTS = new WeightedTable([
  [0, 45],
  [1, 32],
  [2, 16],
  [3, 7],
] as const);

/** Organisation codes issued since this day start with MA. */
const MODERN_CODES_FROM = dayOfYear(2016);

interface ResolvedOptions {
  readonly accounts: number;
  readonly seed: number;
  readonly largestGroup: number;
  readonly maxDepth: number;
}

function resolve(options: DemoBookOptions): ResolvedOptions {
  const { accounts } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const largestGroup =
    options.largestGroup ?? Math.min(Math.floor(accounts / 10), DEFAULT_LARGEST_GROUP_CAP);
  const requestedDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const whole = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (!whole(accounts, 0, MAX_SERIALS)) {
    throw new RangeError(`accounts must be a whole number from 0 to ${MAX_SERIALS}`);
  }
  if (!whole(largestGroup, 0, accounts)) {
    throw new RangeError('largestGroup must be a whole number no larger than accounts');
  }
  if (!whole(requestedDepth, 1, Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('maxDepth must be a whole number of at least 1');
  }
  if (requestedDepth === 1 && largestGroup > 1) {
    throw new RangeError('a group of more than one account needs at least two levels');
  }
  // A group cannot have more levels than members.
  const maxDepth = Math.min(requestedDepth, Math.max(largestGroup, 1));
  return { accounts, seed, largestGroup, maxDepth };
}

/** Turns drafts into rows: unique codes, head counts, lines, dates, status and tags. */
class BookWriter {
  private serial = 0;
  private readonly codeOffset: number;

  constructor(private readonly random: SeededRandom) {
    this.codeOffset = random.int(0, MAX_SERIALS - 1);
  }

  write(draft: Draft, parent: GroupNode | null, notBefore: number): DemoAccountRow {
    const random = this.random;
    const foundedDay = foundingDay(random, draft.era, notBefore);
    const employees = Math.min(
      MAX_EMPLOYEES,
      Math.max(1, Math.round(random.logNormal(draft.size, draft.spread))),
    );
    const status = draft.keyAccount ? 'ACTIVE' : STATUSES.draw(random);
    const org = organisationCode(this.serial++, this.codeOffset, foundedDay >= MODERN_CODES_FROM);
    return {
      creditCode: creditCode(draft.authority, draft.region.code, org),
      name: draft.name,
      legalName: draft.legalName,
      type: draft.type,
      industryCode: draft.industryCode,
      regionCode: draft.region.code,
      employees,
      linesCount: linesFor(random, employees, status),
      foundedOn: dateOf(foundedDay),
      status,
      tags: tagsFor(random, draft.tags),
      parentCreditCode: parent?.creditCode ?? null,
    };
  }
}

function foundingDay(random: SeededRandom, era: FoundingEra, notBefore: number): number {
  const u = random.next();
  let year: number;
  switch (era) {
    case 'startup':
      year = 2025 - Math.floor(30 * u ** 1.8);
      break;
    case 'company':
      year = 2025 - Math.floor(45 * u ** 1.3);
      break;
    case 'established':
      year = 1952 + Math.floor(58 * u);
      break;
    case 'public':
      year = 1950 + Math.floor(60 * u ** 0.8);
      break;
    case 'agency':
      year = 1950 + Math.floor(68 * u);
      break;
    case 'reformed':
      // Departments merged or created by the 2018 reform of government institutions.
      year = u < 0.7 ? 2018 : 2019;
      break;
  }
  const start = dayOfYear(year);
  const day = dayBetween(random, start, Math.min(dayOfYear(year + 1) - 1, LAST_DAY));
  if (day >= notBefore) return day;
  return dayBetween(random, notBefore, Math.min(LAST_DAY, notBefore + 3650));
}

/** Customers hold roughly a line per head, some many more (IoT); prospects and churned none. */
function linesFor(random: SeededRandom, employees: number, status: AccountStatus): number {
  if (status === 'PROSPECT' || status === 'CHURNED') return 0;
  const perHead = random.logNormal(0.7, 0.5);
  const things = random.chance(0.08) ? random.int(10, 500) : 0;
  return Math.max(1, Math.round(employees * perHead)) + things;
}

function tagsFor(random: SeededRandom, poolName: TagPool): string[] {
  const pool = TAG_POOLS[poolName];
  const count = TAG_COUNTS.draw(random);
  // A listed company always says so.
  if (poolName === 'listed') return [itemAt(pool, 0), ...random.sample(pool.slice(1), count - 1)];
  if (count === 0) return [];
  const chosen = random.sample(pool, count);
  return pool.filter((tag) => chosen.includes(tag));
}

/** Emits one group breadth-first: the HQ, then each level with siblings together. */
function* emitGroup(
  random: SeededRandom,
  writer: BookWriter,
  family: Family,
  shape: GroupShape,
): Generator<DemoAccountRow> {
  const names = new Set<string>();
  let above: GroupNode[] = [];
  for (let level = 0; level < shape.levels.length; level++) {
    const parents = itemAt(shape.levels, level);
    const positions = positionsOnLevel(shape, level);
    const current: GroupNode[] = [];
    for (const [i, parentIndex] of parents.entries()) {
      const parent = level === 0 ? null : itemAt(above, parentIndex);
      const position = itemAt(positions, i);
      let draft = parent ? family.child(parent, position, 0) : family.head();
      for (let attempt = 1; parent && names.has(draft.name) && attempt < 6; attempt++) {
        draft = family.child(parent, position, attempt);
      }
      names.add(draft.name);
      // Branches are opened by their company; some subsidiaries were bought, older than the buyer.
      const opened = draft.kind === 'BRANCH' || draft.kind === 'OFFICE' || random.chance(0.7);
      const notBefore = parent && family.foundedAfterParent && opened ? parent.foundedDay : 0;
      const row = writer.write(draft, parent, notBefore);
      current.push({ creditCode: row.creditCode, draft, foundedDay: dayOf(row.foundedOn) });
      yield row;
    }
    above = current;
  }
}

/** Accounts in an order where every parent comes before its children. */
export function generateAccounts(options: DemoBookOptions): Generator<DemoAccountRow> {
  // Checked now, not on the first row.
  return book(resolve(options));
}

function* book(options: ResolvedOptions): Generator<DemoAccountRow> {
  const { accounts, seed, largestGroup, maxDepth } = options;
  const random = new SeededRandom(seed);
  const writer = new BookWriter(random);

  if (largestGroup > 0) {
    const shape = groupShape(random, largestGroup, maxDepth, deepGroupWeights);
    yield* emitGroup(random, writer, companyGroup(random, true), shape);
  }

  const taken: TakenNames = new Set();
  let remaining = accounts - largestGroup;
  let grouped = Math.round(remaining * GROUPED_SHARE);
  while (grouped >= MID_GROUP_MIN) {
    let size = MID_GROUP_MIN + Math.floor((MID_GROUP_MAX - MID_GROUP_MIN) * random.next() ** 3);
    if (size > grouped || grouped - size < MID_GROUP_MIN) size = Math.min(grouped, MID_GROUP_MAX);
    const depth = random.int(2, 4);
    const family =
      (random.chance(0.25) ? publicGroup(random, taken) : null) ?? companyGroup(random, false);
    yield* emitGroup(random, writer, family, groupShape(random, size, depth, shallowGroupWeights));
    grouped -= size;
    remaining -= size;
  }

  for (let i = 0; i < remaining; i++) {
    yield writer.write(standaloneDraft(random, taken), null, 0);
  }
}
