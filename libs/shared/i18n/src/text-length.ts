/**
 * How much a free-text reason says, for minimum lengths: a Han, kana or hangul character
 * carries about as much as a short English word, so it counts as three; every other character
 * (by code point, not UTF-16 unit) as one. 战略客户 (4 characters) weighs 12, "ok" 2.
 */
export function textWeight(text: string): number {
  let weight = 0;
  for (const char of text.trim()) {
    weight += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char)
      ? 3
      : 1;
  }
  return weight;
}

/**
 * Whether a reason is long enough: at least `minimum` by weight (so six Latin letters or two
 * Chinese characters). Whitespace at either end does not count.
 */
export function isReasonLongEnough(text: string | null | undefined, minimum = 6): boolean {
  return textWeight(text ?? '') >= minimum;
}
