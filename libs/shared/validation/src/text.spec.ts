import { characterCount, normaliseText, textProblem } from './text.js';

const NAME = { maxLength: 10 };

describe('text fields', () => {
  it('composes to NFC and trims, so one name has one encoding', () => {
    expect(normaliseText('  Cafe\u0301 \u3000')).toBe('Café');
    expect(normaliseText('\uFEFF厦门\n')).toBe('厦门');
  });

  it.each([
    ['', 'EMPTY'],
    ['\u200B\u200C\u200D', 'INVISIBLE_ONLY'],
    ['\u00AD\u2060\uFE0F', 'INVISIBLE_ONLY'],
    ['\u3164', 'INVISIBLE_ONLY'],
    ['txt\u202Eexe', 'BIDI_CONTROL'],
    ['a\u2066b\u2069', 'BIDI_CONTROL'],
    ['\u200Fabc', 'BIDI_CONTROL'],
    ['\u061Cabc', 'BIDI_CONTROL'],
    ['ab\uD800', 'LONE_SURROGATE'],
    ['\uDC00ab', 'LONE_SURROGATE'],
    ['a\u0000b', 'CONTROL_CHARACTER'],
    ['a\nb', 'CONTROL_CHARACTER'],
    ['长'.repeat(11), 'TOO_LONG'],
  ])('refuses %j as %s', (value, problem) => {
    expect(textProblem(value, NAME)).toBe(problem);
  });

  it.each([['厦门鹭岛物流'], ['👨‍👩‍👧 fam'], ['𠮷'.repeat(10)], ['O\u2019Brien']])(
    'accepts %j',
    (value) => {
      expect(textProblem(value, NAME)).toBeNull();
    },
  );

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(characterCount('𠮷𠮷')).toBe(2);
    expect(textProblem('𠮷'.repeat(10), NAME)).toBeNull();
    expect(textProblem('𠮷'.repeat(11), NAME)).toBe('TOO_LONG');
  });

  it('lets a multi-line field keep its line breaks and tabs, but not other controls', () => {
    const NOTE = { maxLength: 100, multiline: true };
    expect(textProblem('第一行\n\t第二行', NOTE)).toBeNull();
    expect(textProblem('bell\u0007', NOTE)).toBe('CONTROL_CHARACTER');
  });
});
