/**
 * Money is a whole number of fen (分, 0.01 CNY). Clients receive it as a decimal string so that
 * no JavaScript client rounds it; the services that compute in yuan doubles convert at the edge
 * with one rule, `yuanToFen`.
 */

/** Ten trillion yuan: more than any account's or book's amount, and exact in a double. */
export const MAX_FEN = 1_000_000_000_000_000;

export type FenProblem = 'NOT_WHOLE_FEN' | 'FEN_OUT_OF_RANGE';

const INTEGER = /^-?(0|[1-9]\d{0,17})$/;

/**
 * A fen amount from a client: an integer or a string of digits (with an optional minus), within
 * ±MAX_FEN. Decimal points, exponents, spaces and leading zeros are refused rather than guessed.
 */
export function parseFen(value: unknown): { fen: number } | { problem: FenProblem } {
  let fen: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { problem: 'NOT_WHOLE_FEN' };
    fen = value;
  } else if (typeof value === 'string' && INTEGER.test(value)) {
    fen = Number(value);
  } else if (typeof value === 'bigint') {
    fen = Number(value);
  } else {
    return { problem: 'NOT_WHOLE_FEN' };
  }
  if (Math.abs(fen) > MAX_FEN) return { problem: 'FEN_OUT_OF_RANGE' };
  return { fen };
}

/**
 * Yuan, as a double computed in a service, to whole fen. The rounding rule: to the nearest fen,
 * halves away from zero, after rounding the product to 12 significant digits so that a yuan
 * amount read from a decimal (1.005 → 100.49999…) rounds as its decimal does (→ 101 fen).
 */
export function yuanToFen(yuan: number): number {
  const fen = Number((yuan * 100).toPrecision(12));
  // `|| 0`: no negative zero for an amount that rounds to nothing.
  return Math.sign(fen) * Math.round(Math.abs(fen)) || 0;
}

/** Whole fen to yuan, for services that keep yuan: exact to the fen. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function fenProblemMessage(field: string, problem: FenProblem): string {
  switch (problem) {
    case 'NOT_WHOLE_FEN':
      return `${field} is not a whole number of fen (an integer, or a string of digits).`;
    case 'FEN_OUT_OF_RANGE':
      return `${field} is beyond ±${MAX_FEN} fen.`;
  }
}
