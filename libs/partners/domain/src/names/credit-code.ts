/**
 * The Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z), characters 3-8 the administrative division code
 * (GB/T 2260), and a check character computed from the first 17 with fixed weights modulo 31.
 * Partners type codes from business licences, so leads are checked here before de-duplication
 * relies on them: an exact code is the strongest evidence two records are one company.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem =
  | 'CREDIT_CODE_LENGTH'
  | 'CREDIT_CODE_CHARACTER'
  | 'CREDIT_CODE_DIVISION'
  | 'CREDIT_CODE_CHECK_CHARACTER';

/** Upper-cases and strips spaces (codes are often pasted from licences with spaces). */
export function normaliseCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character of the first 17 characters; a RangeError for a stray character. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('The check character covers 17 characters.');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`'${first17.charAt(i)}' is not a credit code character`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Why `raw` is not a Unified Social Credit Code, or null when it is one. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) return 'CREDIT_CODE_LENGTH';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'CREDIT_CODE_CHARACTER';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'CREDIT_CODE_DIVISION';
  if (code.charAt(17) !== creditCodeCheckCharacter(code.slice(0, 17))) {
    return 'CREDIT_CODE_CHECK_CHARACTER';
  }
  return null;
}

export function isUnifiedSocialCreditCode(raw: string): boolean {
  return creditCodeProblem(raw) === null;
}
