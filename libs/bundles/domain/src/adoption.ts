import type { ProductFamily } from './catalogue.js';
import { DEFAULT_BUNDLES_POLICY, type Tier } from './policy.js';

/**
 * Adoption: how much of what a customer pays for it uses (usage ÷ entitlement), in basis
 * points, rounded down and capped at 100 %. Null when nothing is entitled.
 */
export function adoptionBp(usage: number, entitlement: number): number | null {
  if (!(entitlement > 0) || !Number.isFinite(entitlement)) return null;
  const used = Math.max(0, Number.isFinite(usage) ? usage : 0);
  return Math.min(10_000, Math.floor((used * 10_000) / entitlement));
}

/**
 * One account's standing with one product: was it presented (awareness), tried, subscribed,
 * and if subscribed, how much of its entitlement it used last month.
 */
export interface AdoptionFact {
  readonly accountId: string;
  readonly productCode: string;
  readonly family: ProductFamily;
  readonly tier: Tier;
  readonly aware: boolean;
  readonly trialled: boolean;
  readonly subscribed: boolean;
  readonly usage: number;
  readonly entitlement: number;
}

/** The funnel of one product family and tier: accounts at each stage. */
export interface FunnelRow {
  readonly family: ProductFamily;
  readonly tier: Tier;
  readonly aware: number;
  readonly trialled: number;
  readonly subscribed: number;
  /** Subscribed accounts whose adoption reaches the policy's threshold. */
  readonly adopted: number;
  /** Mean adoption of subscribed accounts with an entitlement, in bp (floor); null if none. */
  readonly meanAdoptionBp: number | null;
}

/**
 * The awareness → trial → subscription → adoption funnel by product family and tier, each
 * account counted once per stage and family (the brief: awareness runs about four times usage).
 * Stages count independently: an account may subscribe without a trial.
 */
export function adoptionFunnel(
  facts: readonly AdoptionFact[],
  adoptedAtBp: number = DEFAULT_BUNDLES_POLICY.adoptedAtBp,
): FunnelRow[] {
  interface Group {
    family: ProductFamily;
    tier: Tier;
    aware: Set<string>;
    trialled: Set<string>;
    subscribed: Set<string>;
    usage: Map<string, { usage: number; entitlement: number }>;
  }
  const groups = new Map<string, Group>();
  for (const fact of facts) {
    const key = `${fact.family}\u0000${fact.tier}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        family: fact.family,
        tier: fact.tier,
        aware: new Set(),
        trialled: new Set(),
        subscribed: new Set(),
        usage: new Map(),
      };
      groups.set(key, group);
    }
    if (fact.aware) group.aware.add(fact.accountId);
    if (fact.trialled) group.trialled.add(fact.accountId);
    if (fact.subscribed) {
      group.subscribed.add(fact.accountId);
      const sum = group.usage.get(fact.accountId) ?? { usage: 0, entitlement: 0 };
      sum.usage += Math.max(0, fact.usage);
      sum.entitlement += Math.max(0, fact.entitlement);
      group.usage.set(fact.accountId, sum);
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.family.localeCompare(b.family) || a.tier.localeCompare(b.tier))
    .map((group) => {
      const rates = [...group.usage.values()]
        .map(({ usage, entitlement }) => adoptionBp(usage, entitlement))
        .filter((rate): rate is number => rate !== null);
      return {
        family: group.family,
        tier: group.tier,
        aware: group.aware.size,
        trialled: group.trialled.size,
        subscribed: group.subscribed.size,
        adopted: rates.filter((rate) => rate >= adoptedAtBp).length,
        meanAdoptionBp:
          rates.length === 0
            ? null
            : Math.floor(rates.reduce((sum, rate) => sum + rate, 0) / rates.length),
      };
    });
}
