import { checkCreditCode, creditCodeCheckCharacter, normaliseCreditCode } from './credit-code.js';

describe('Unified Social Credit Code', () => {
  it('accepts the example code printed in GB 32100-2015', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({
      valid: true,
      code: '91350100M000100Y43',
    });
  });

  it('computes the check character from the first seventeen characters', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('accepts a code typed in lower case with spaces and stores it normalised', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(checkCreditCode('9135 0100 m000 100y43')).toMatchObject({ valid: true });
  });

  it('rejects a code whose check character is wrong', () => {
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({
      valid: false,
      problem: 'CREDIT_CODE_CHECK_CHARACTER',
    });
  });

  it('rejects a code of the wrong length', () => {
    expect(checkCreditCode('91350100M000100Y4')).toMatchObject({
      valid: false,
      problem: 'CREDIT_CODE_LENGTH',
    });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])(
    'rejects the letter %s, which the standard never uses',
    (letter) => {
      expect(checkCreditCode(`91350100M000100${letter}43`)).toMatchObject({
        valid: false,
        problem: 'CREDIT_CODE_CHARACTER',
      });
    },
  );

  it('rejects a code whose division part is not six digits', () => {
    expect(checkCreditCode('9135A100M000100Y43')).toMatchObject({
      valid: false,
      problem: 'CREDIT_CODE_DIVISION',
    });
  });
});
