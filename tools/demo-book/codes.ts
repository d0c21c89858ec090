import { creditCodeCheckCharacter } from '@gap/accounts/domain';

/** Registration authority and kind (positions 1-2 of a credit code). */
export type Authority = '91' | '11' | '12';

/** The credit-code alphabet, which doubles as base 31 for post-2015 organisation codes. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 11714 weights for the organisation code's own check character. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Coprime with 10^8 and 31^6, so `serial * STRIDE + offset` never repeats a body. */
const STRIDE = 48_271;
const CLASSIC_SPACE = 100_000_000;
const MODERN_SPACE = 31 ** 6;

/** More accounts than this could repeat an organisation code. */
export const MAX_SERIALS = CLASSIC_SPACE;

/**
 * The nine-character organisation code (positions 9-17): eight characters from a unique serial
 * number and a GB 11714 check character. Organisations registered since 2015 get codes starting
 * `MA`, older ones eight digits, as on real licences. A serial never maps to the body of another.
 */
export function organisationCode(serial: number, offset: number, modern: boolean): string {
  let body: string;
  if (modern) {
    let value = (serial * STRIDE + offset) % MODERN_SPACE;
    body = '';
    for (let i = 0; i < 6; i++) {
      body = ALPHABET.charAt(value % 31) + body;
      value = Math.floor(value / 31);
    }
    body = `MA${body}`;
  } else {
    body = String((serial * STRIDE + offset) % CLASSIC_SPACE).padStart(8, '0');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += characterValue(body.charCodeAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** A complete Unified Social Credit Code; positions 3-8 are the region's division code. */
export function creditCode(authority: Authority, regionCode: string, orgCode: string): string {
  const body = authority + regionCode + orgCode;
  return body + creditCodeCheckCharacter(body);
}

/** GB 11714 values: digits as themselves, letters A-Z as 10-35. */
function characterValue(charCode: number): number {
  return charCode <= 57 ? charCode - 48 : charCode - 55;
}
