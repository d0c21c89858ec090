import {
  DEFAULT_MANAGER_POLICY,
  type AccountToPlace,
  type RebalanceProblem,
  type Tier,
} from '@gap/managers/domain';
import { itemAt, SeededRandom } from '@gap/random';

import { geography, INDUSTRIES, type GenerateOptions } from './generated-geography.js';
import { chooseOwner, coverIndex, draftManager, fixLoads, gradeMix } from './generated-managers.js';

export type { GenerateOptions } from './generated-geography.js';

/**
 * A seeded, realistic rebalance: districts of a few provinces, managers of four grades with
 * their regions, industries and capacities, accounts (mostly C) each with the manager they
 * have now. Most accounts sit well; some have no manager, some outgrew their manager's grade,
 * some sit with a manager across the province, some managers are overloaded or inactive, so
 * that a rebalance has real work. Room left for the problem's accounts (capacity less the
 * fixed load of accounts outside it) is about `slack` above their points. Same seed, same problem.
 */
export function generateRebalanceProblem(options: GenerateOptions): RebalanceProblem {
  const policy = options.policy ?? DEFAULT_MANAGER_POLICY;
  const random = new SeededRandom(options.seed);
  const districts = geography(random, options);
  const districtTable = districts.map((district) => [district, district.weight] as const);
  const tierShares = options.tierShares ?? { A: 0.05, B: 0.15, C: 0.8 };
  const tierTable = (['A', 'B', 'C'] as const).map((tier) => [tier, tierShares[tier]] as const);

  const grades = gradeMix(options, tierShares, policy);
  const drafts = Array.from({ length: options.managers }, (_, i) =>
    draftManager(random, i, grades, districts, districtTable, options),
  );
  const covering = coverIndex(drafts, districts, policy);

  const load = new Float64Array(drafts.length);
  const accounts: AccountToPlace[] = Array.from({ length: options.accounts }, (_, i) => {
    const district = random.weighted(districtTable);
    const tier = random.weighted(tierTable);
    const industryCode = random.weighted(INDUSTRIES);
    let currentManagerId: string | null = null;
    if (drafts.length > 0 && !random.chance(options.withoutManagerShare ?? 0.03)) {
      const misfit = tier !== 'C' && random.chance(options.misfitShare ?? 0.02);
      const ownerTier: Tier = misfit
        ? tier === 'A'
          ? random.pick(['B', 'C'] as const)
          : 'C'
        : tier;
      const poorFit = random.chance(options.poorFitShare ?? 0.08);
      const m = chooseOwner(
        random,
        drafts,
        load,
        covering,
        district,
        ownerTier,
        industryCode,
        poorFit,
        policy,
      );
      if (m >= 0) {
        currentManagerId = itemAt(drafts, m).id;
        load[m] += policy.points[tier];
      }
    }
    return {
      id: `GA${String(i + 1).padStart(8, '0')}`,
      tier,
      regionCode: district.code,
      industryCode,
      currentManagerId,
    };
  });

  const managers = fixLoads(random, drafts, load, accounts, policy, options);
  return { accounts, managers, policy };
}
