export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export interface InitialTierDecision {
  readonly tier: Tier;
  readonly reason: string;
}

/**
 * Placeholder policy until the value model runs: a new group account has no value history,
 * so it starts in tier C and is re-tiered by the first tiering run that sees its inputs.
 */
export function initialTierForNewAccount(): InitialTierDecision {
  return { tier: 'C', reason: 'NEW_ACCOUNT_WITHOUT_VALUE_HISTORY' };
}
