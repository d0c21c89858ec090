import type { Localized } from '@gap/i18n';
import type { GroupAccountType } from './group-account.js';

/**
 * The Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z), positions 3-8 the administrative division code,
 * and a check character computed from the first 17 with fixed weights modulo 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem =
  | 'CREDIT_CODE_LENGTH'
  | 'CREDIT_CODE_CHARACTER'
  | 'CREDIT_CODE_DIVISION'
  | 'CREDIT_CODE_CHECK_CHARACTER';

export type CreditCodeCheck =
  | { readonly valid: true; readonly code: string }
  | { readonly valid: false; readonly problem: CreditCodeProblem; readonly message: Localized };

/** Upper-cases and strips spaces, as codes are often typed or pasted from licences. */
export function normaliseCreditCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) {
      throw new RangeError(`'${first17.charAt(i)}' is not a credit code character`);
    }
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) {
    return {
      valid: false,
      problem: 'CREDIT_CODE_LENGTH',
      message: {
        'zh-CN': `统一社会信用代码为 18 位，此代码为 ${code.length} 位。`,
        en: `A Unified Social Credit Code has 18 characters; this one has ${code.length}.`,
      },
    };
  }
  const stray = [...code].find((c) => !ALPHABET.includes(c));
  if (stray !== undefined) {
    return {
      valid: false,
      problem: 'CREDIT_CODE_CHARACTER',
      message: {
        'zh-CN': `统一社会信用代码中不能出现“${stray}”（不使用 I、O、S、V、Z）。`,
        en: `'${stray}' cannot appear in a Unified Social Credit Code (I, O, S, V and Z are never used).`,
      },
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return {
      valid: false,
      problem: 'CREDIT_CODE_DIVISION',
      message: {
        'zh-CN': '统一社会信用代码的第 3 至 8 位应为六位行政区划码。',
        en: 'Characters 3 to 8 of a Unified Social Credit Code are the six-digit division code.',
      },
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return {
      valid: false,
      problem: 'CREDIT_CODE_CHECK_CHARACTER',
      message: {
        'zh-CN': `校验位不符：按前 17 位应为“${expected}”，而不是“${code.charAt(17)}”。`,
        en: `The check character does not match: the first 17 characters give '${expected}', not '${code.charAt(17)}'.`,
      },
    };
  }
  return { valid: true, code };
}

/**
 * The kind of account a credit code's first two characters register (GB 32100-2015: the
 * registering authority, then the organisation's category), for an account opened from a
 * code alone, such as a partner's lead: 11 an organ of state (机关); 12 and 13 public
 * institutions and mass organisations under the establishment office; 5x social organisations
 * registered with civil affairs; 92 individual businesses and 93 farmers' co-operatives,
 * small by definition; everything else, 91 companies above all, an enterprise until its size
 * is known.
 */
export function accountTypeOfCreditCode(code: string): GroupAccountType {
  const normalised = normaliseCreditCode(code);
  const authority = normalised.charAt(0);
  const category = normalised.slice(0, 2);
  if (category === '11') return 'GOVERNMENT';
  if (category === '12' || category === '13' || authority === '5') return 'PUBLIC_INSTITUTION';
  if (category === '92' || category === '93') return 'SME';
  return 'ENTERPRISE';
}
