/**
 * Text as people type it and as an attacker crafts it. Every text field of every service goes
 * through `normaliseText` and `textProblem`, so a name looks the same wherever it is shown and
 * compared, and what cannot be shown honestly is refused with a reason the client can act on.
 */

export type TextProblem =
  'EMPTY' | 'INVISIBLE_ONLY' | 'BIDI_CONTROL' | 'LONE_SURROGATE' | 'CONTROL_CHARACTER' | 'TOO_LONG';

export interface TextRule {
  /** The most characters (Unicode code points) the field holds once normalised. */
  readonly maxLength: number;
  /** Whether line breaks and tabs belong in it (a note, a reason); names are single lines. */
  readonly multiline?: boolean;
}

/**
 * Bidirectional controls reorder what is displayed (U+202E shows `exe.txt` for `txt.exe`):
 * the embeddings and overrides, the isolates, and the implicit marks LRM, RLM and ALM.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 controls and DEL; PostgreSQL refuses NUL outright, the others corrupt exports. */
const CONTROL = /[\u0000-\u001F\u007F]/u;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/**
 * Characters that print nothing: white space, zero-width space and joiners, word joiner and
 * invisible operators, BOM, soft hyphen, combining grapheme joiner, Hangul fillers, Mongolian
 * vowel separator, variation selectors, tag characters and the braille blank.
 */
const INVISIBLE =
  /[\s\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u2064\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** NFC (one encoding for é and for every CJK compatibility form people paste), then trimmed. */
export function normaliseText(value: string): string {
  // A lone surrogate cannot be normalised meaningfully; it is refused by textProblem anyway.
  return (hasLoneSurrogate(value) ? value : value.normalize('NFC')).trim();
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function characterCount(value: string): number {
  let count = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      count -= 1;
      i += 1;
    }
  }
  return count;
}

/** What is wrong with an already normalised text, or null when it may be stored. */
export function textProblem(value: string, rule: TextRule): TextProblem | null {
  if (hasLoneSurrogate(value)) return 'LONE_SURROGATE';
  if (BIDI_CONTROL.test(value)) return 'BIDI_CONTROL';
  if ((rule.multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(value)) return 'CONTROL_CHARACTER';
  if (value.length === 0) return 'EMPTY';
  if (value.replace(INVISIBLE, '').length === 0) return 'INVISIBLE_ONLY';
  // A character is one or two UTF-16 units, so counting is only needed near the limit.
  if (value.length > 2 * rule.maxLength) return 'TOO_LONG';
  if (value.length > rule.maxLength && characterCount(value) > rule.maxLength) return 'TOO_LONG';
  return null;
}

/** A sentence for a problem, naming the field. */
export function textProblemMessage(field: string, problem: TextProblem, rule: TextRule): string {
  switch (problem) {
    case 'EMPTY':
      return `${field} is empty.`;
    case 'INVISIBLE_ONLY':
      return `${field} has only invisible characters.`;
    case 'BIDI_CONTROL':
      return `${field} contains a bidirectional control character, which would change how it is displayed.`;
    case 'LONE_SURROGATE':
      return `${field} contains half of a UTF-16 surrogate pair, which is not a character.`;
    case 'CONTROL_CHARACTER':
      return `${field} contains a control character.`;
    case 'TOO_LONG':
      return `${field} is longer than ${rule.maxLength} characters.`;
  }
}
