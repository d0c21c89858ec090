import type { ScoreWeights, TieringPolicy } from './policy.js';

/** The faces of an account's value the score weighs, in yuan a year. */
export interface ValueFaces {
  readonly current: number;
  readonly potential: number;
  readonly lifetime: number;
}

/**
 * The score the A/B/C cut ranks: each face of value by the policy's weight for it. Evaluated
 * left to right exactly as the run's SQL writes it, so both give the same double.
 */
export function score(policy: { readonly scoreWeights: ScoreWeights }, value: ValueFaces): number {
  const w = policy.scoreWeights;
  return w.current * value.current + w.potential * value.potential + w.lifetime * value.lifetime;
}

/** Each face's part in a score, for an explanation. */
export function scoreParts(
  policy: Pick<TieringPolicy, 'scoreWeights'>,
  value: ValueFaces,
): { readonly current: number; readonly potential: number; readonly lifetime: number } {
  const w = policy.scoreWeights;
  return {
    current: w.current * value.current,
    potential: w.potential * value.potential,
    lifetime: w.lifetime * value.lifetime,
  };
}
