import { gradeMayOwn } from '../fit.js';
import type { AccountToPlace, Grade, ManagerCandidate } from '../manager.js';
import {
  assessCandidate,
  isBetter,
  type CandidateAssessment,
  type UnassignableReason,
} from '../matching.js';
import type { ManagerPolicy } from '../policy.js';

type Account = Pick<AccountToPlace, 'tier' | 'regionCode' | 'industryCode'>;

/** A manager in the book, whose load grows as accounts are placed with them. */
interface Entry {
  candidate: ManagerCandidate;
  readonly provinces: ReadonlySet<string>;
}

/** The book's choice for one account, with the winner's assessment as its explanation. */
export interface BookMatch {
  readonly managerId: string | null;
  readonly unassignableReason: UnassignableReason | null;
  readonly best: CandidateAssessment | null;
  /** How many managers were weighed (the rest could not have done better). */
  readonly weighed: number;
}

/**
 * Every manager with their load, held in memory for a batch of placements and indexed by grade
 * and by the provinces they cover, so that an account weighs only the managers who could be
 * its best fit: those of a grade that may own its tier in its province first, the rest of that
 * grade only when an outsider's region cost could still beat the best found. The choice is the
 * matching function's (`matchManager`) over the whole book, exactly: same order, same ties.
 */
export class ManagerBook {
  private readonly entries = new Map<string, Entry>();
  private readonly byGrade = new Map<Grade, Entry[]>();
  private readonly byProvinceGrade = new Map<string, Entry[]>();

  constructor(
    managers: readonly ManagerCandidate[],
    readonly policy: ManagerPolicy,
  ) {
    const sorted = [...managers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const candidate of sorted) {
      const provinces = new Set(candidate.regions.map((region) => region.slice(0, 2)));
      const entry: Entry = { candidate: { ...candidate }, provinces };
      this.entries.set(candidate.id, entry);
      push(this.byGrade, candidate.grade, entry);
      for (const province of provinces)
        push(this.byProvinceGrade, `${province}/${candidate.grade}`, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  has(managerId: string): boolean {
    return this.entries.has(managerId);
  }

  manager(managerId: string): ManagerCandidate | undefined {
    return this.entries.get(managerId)?.candidate;
  }

  loadOf(managerId: string): number {
    return this.entries.get(managerId)?.candidate.load ?? 0;
  }

  /** Adds `points` to a manager's load (negative: frees them). Unknown managers are ignored. */
  addLoad(managerId: string, points: number): void {
    const entry = this.entries.get(managerId);
    if (entry) entry.candidate = { ...entry.candidate, load: entry.candidate.load + points };
  }

  /** The matching function's choice for `account` among the book's managers. */
  match(account: Account, excluded: ReadonlySet<string> = new Set()): BookMatch {
    const province = account.regionCode.slice(0, 2);
    const grades = this.policy.eligibleGrades[account.tier];
    let best: CandidateAssessment | null = null;
    let weighed = 0;
    const weigh = (entry: Entry) => {
      if (excluded.has(entry.candidate.id)) return;
      weighed += 1;
      const assessment = assessCandidate(account, entry.candidate, this.policy);
      if (assessment.refusals.length > 0) return;
      if (!best || isBetter(assessment, best)) best = assessment;
    };
    for (const grade of grades) {
      for (const entry of this.byProvinceGrade.get(`${province}/${grade}`) ?? []) weigh(entry);
    }
    // Outside the province every manager's region costs `regionOutside` at least: weigh them
    // only when that could still match or beat the best fit found inside.
    const found = best as CandidateAssessment | null;
    if (!found || found.score >= this.policy.costs.regionOutside) {
      for (const grade of grades) {
        for (const entry of this.byGrade.get(grade) ?? []) {
          if (!entry.provinces.has(province)) weigh(entry);
        }
      }
    }
    const chosen = best as CandidateAssessment | null;
    return {
      managerId: chosen?.managerId ?? null,
      unassignableReason: chosen ? null : this.reasonNoneFits(account, excluded),
      best: chosen,
      weighed,
    };
  }

  /** Places the account with the book's choice and adds its points to that manager's load. */
  place(account: Account, excluded: ReadonlySet<string> = new Set()): BookMatch {
    const match = this.match(account, excluded);
    if (match.managerId) this.addLoad(match.managerId, this.policy.points[account.tier]);
    return match;
  }

  /** As the matching function says it: no fitting grade, nobody active, or no room. */
  private reasonNoneFits(account: Account, excluded: ReadonlySet<string>): UnassignableReason {
    let fitting = 0;
    let active = 0;
    for (const entry of this.entries.values()) {
      if (excluded.has(entry.candidate.id)) continue;
      if (!gradeMayOwn(entry.candidate.grade, account.tier, this.policy)) continue;
      fitting += 1;
      if (entry.candidate.status === 'ACTIVE') active += 1;
    }
    if (fitting === 0) return 'NO_FITTING_GRADE';
    return active === 0 ? 'NO_ACTIVE_MANAGER' : 'NO_CAPACITY';
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
