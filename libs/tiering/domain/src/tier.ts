export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export interface InitialTierDecision {
  readonly tier: Tier;
  readonly reason: string;
}

/**
 * A new group account has no value history: it starts in tier C, and the next tiering run
 * values it with the rest of the book.
 */
export function initialTierForNewAccount(): InitialTierDecision {
  return { tier: 'C', reason: 'NEW_ACCOUNT_WITHOUT_VALUE_HISTORY' };
}
