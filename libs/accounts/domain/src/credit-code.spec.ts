import {
  accountTypeOfCreditCode,
  checkCreditCode,
  creditCodeCheckCharacter,
  normaliseCreditCode,
} from './credit-code.js';

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

describe('the kind of account a credit code registers', () => {
  it.each([
    ['11350100MB0000000X', 'GOVERNMENT'],
    ['12350100MB0000000X', 'PUBLIC_INSTITUTION'],
    ['13350100MB0000000X', 'PUBLIC_INSTITUTION'],
    ['51350100MJ0000000X', 'PUBLIC_INSTITUTION'],
    ['53350100MJ0000000X', 'PUBLIC_INSTITUTION'],
    ['91350100M000100Y43', 'ENTERPRISE'],
    ['92350100MA0000000X', 'SME'],
    ['93350100MA0000000X', 'SME'],
    ['Y1350100MA0000000X', 'ENTERPRISE'],
  ])('%s is %s', (code, type) => {
    expect(accountTypeOfCreditCode(code)).toBe(type);
  });

  it('reads a code as typed, with spaces and lower case', () => {
    expect(accountTypeOfCreditCode(' 92 350100ma0000000x')).toBe('SME');
  });
});
