import fc from 'fast-check';
import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  isUnifiedSocialCreditCode,
  normaliseCreditCode,
} from './credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('Unified Social Credit Code (GB 32100-2015)', () => {
  it.each([
    ['9144030071526726XG'], // a Shenzhen company, as printed on its licence
    ['914403001922038216'],
    ['91350100M000100Y43'],
    [' 9135 0100 M000 100Y 43 '],
    ['91350100m000100y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３'], // typed with a full-width input method
  ])('accepts %s', (code) => {
    expect(isUnifiedSocialCreditCode(code)).toBe(true);
  });

  it.each([
    ['9144030071526726XH', 'CREDIT_CODE_CHECK_CHARACTER'],
    ['914403001922038217', 'CREDIT_CODE_CHECK_CHARACTER'],
    ['9144030071526726X', 'CREDIT_CODE_LENGTH'],
    ['9144030071526726XGG', 'CREDIT_CODE_LENGTH'],
    ['', 'CREDIT_CODE_LENGTH'],
    ['9144030071526726IG', 'CREDIT_CODE_CHARACTER'],
    ['91440300715267O6XG', 'CREDIT_CODE_CHARACTER'],
    ['91A40300715267260G', 'CREDIT_CODE_DIVISION'],
  ] as const)('refuses %s with %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isUnifiedSocialCreditCode(code)).toBe(false);
  });

  it('normalises what partners paste: spaces, lower case, full width', () => {
    expect(normaliseCreditCode(' 91350100m000100y43\t')).toBe('91350100M000100Y43');
  });

  it('refuses to compute a check character over a stray character or a wrong length', () => {
    expect(() => creditCodeCheckCharacter('9144030071526726I')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('914403')).toThrow(RangeError);
  });

  const first17 = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 2, maxLength: 2 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 9, maxLength: 9 }),
    )
    .map((parts) => parts.join(''));

  it('accepts every code whose last character is its check character', () => {
    fc.assert(
      fc.property(first17, (head) =>
        isUnifiedSocialCreditCode(head + creditCodeCheckCharacter(head)),
      ),
    );
  });

  it('catches every single mistyped character', () => {
    fc.assert(
      fc.property(first17, fc.nat(16), fc.nat(30), (head, at, shift) => {
        const code = head + creditCodeCheckCharacter(head);
        const original = ALPHABET.indexOf(code.charAt(at));
        const replaced = ALPHABET.charAt((original + 1 + (shift % 30)) % 31);
        const typo = code.slice(0, at) + replaced + code.slice(at + 1);
        return !isUnifiedSocialCreditCode(typo);
      }),
    );
  });
});
