import { profileMismatch, type RebalanceModel } from './model.js';
import { hashSeed } from '@gap/random';

export interface CandidateOptions {
  /** Managers each profile may reach besides the current managers of its accounts. */
  readonly candidatesPerProfile: number;
  /**
   * The candidates of a profile must have room for this many times its points together;
   * below that, the next cheapest are added until they do (or none are left).
   */
  readonly capacityCover: number;
}

/**
 * The managers each profile's flow may reach: the cheapest receivers by mismatch, widened
 * until they have room for `capacityCover` × the profile's points. Mismatches take few values
 * (three region terms, three industry terms, four grade steps), so the receivers are bucketed
 * by value in one pass rather than sorted. Many managers tie; within a tied bucket each
 * profile starts at its own place (a hash of the profile), so that profiles of one district
 * reach different managers among equals instead of all crowding the first by id.
 */
export function selectCandidates(
  model: RebalanceModel,
  profilePoints: Float64Array,
  options: CandidateOptions,
): Int32Array[] {
  const ranks = mismatchRanks(model);
  const bucketCount = ranks.values.length;
  const counts = new Int32Array(bucketCount + 1);
  const sorted = new Int32Array(model.managerCount);
  const rankOf = new Int32Array(model.managerCount);
  return model.profiles.map((profile, p) => {
    const receivers = model.receivers[profile.tierIndex];
    counts.fill(0);
    for (const m of receivers) {
      const rank = ranks.rankOf[profileMismatch(model, profile, m)];
      rankOf[m] = rank;
      counts[rank + 1]++;
    }
    for (let b = 0; b < bucketCount; b++) counts[b + 1] += counts[b];
    const starts = counts.slice(0, bucketCount + 1);
    for (const m of receivers) sorted[counts[rankOf[m]]++] = m;

    const hash = hashSeed(0, `${profile.tier}|${profile.regionCode}|${profile.industryCode}`);
    const wanted = profilePoints[p] * options.capacityCover;
    const chosen: number[] = [];
    let room = 0;
    for (let b = 0; b < bucketCount; b++) {
      const start = starts[b];
      const size = starts[b + 1] - start;
      const offset = size > 0 ? hash % size : 0;
      for (let j = 0; j < size; j++) {
        if (chosen.length >= options.candidatesPerProfile && room >= wanted) break;
        const m = sorted[start + ((offset + j) % size)];
        chosen.push(m);
        room += model.room[m];
      }
    }
    return Int32Array.from(chosen);
  });
}

/** Every mismatch value the tables can add up to, ranked, and a lookup from value to rank. */
function mismatchRanks(model: RebalanceModel): { values: number[]; rankOf: Int32Array } {
  const distinct = (table: Int32Array) => [...new Set(table)];
  const regions = distinct(model.regionCost);
  const industries = distinct(model.industryCost);
  const grades = distinct(model.gradeCost);
  const sums = new Set<number>();
  for (const r of regions) for (const i of industries) for (const g of grades) sums.add(r + i + g);
  const values = [...sums].sort((a, b) => a - b);
  const rankOf = new Int32Array((values.at(-1) ?? 0) + 1);
  values.forEach((value, rank) => (rankOf[value] = rank));
  return { values, rankOf };
}
