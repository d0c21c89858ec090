import { namePinyin, normaliseCompanyName } from '@gap/partners/domain';

export interface MatchableName {
  /** The distinctive part of the name (the domain's normalisation), compared by trigrams. */
  readonly normalised: string;
  /** Its toneless pinyin: the same company typed by sound. */
  readonly pinyin: string;
}

/**
 * How an account's name is kept for matching partners' leads against the book: worked out
 * once, when the account's event arrives, so that a lead is compared against stored values.
 */
export function matchableName(name: string): MatchableName {
  const { normalised } = normaliseCompanyName(name);
  return { normalised, pinyin: namePinyin(normalised) };
}
