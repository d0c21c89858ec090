/**
 * Money is integer fen held in JavaScript numbers (safe integers), not bigint: amounts travel
 * as JSON and GraphQL numbers unchanged. Products that could pass 2^53 on the way (quantity ×
 * price, amount × basis points) are computed in bigint and the result checked back into a safe
 * number, so no intermediate loses a fen.
 */
export const BP = 10_000;

/** Throws when a figure is not a whole number of fen that a number holds exactly. */
export function assertFen(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer (fen); it is ${String(value)}.`);
  }
  return value;
}

/**
 * The one rounding rule of the service: a ratio is rounded to the nearest fen, halves to the
 * even fen (banker's rounding, so halves do not drift upward over many lines).
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('The denominator must be positive.');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** `amount × bp / 10000`, rounded half to even. */
export function applyBp(amount: number, bp: number): number {
  const product = amount * bp;
  if (Number.isSafeInteger(product)) return numberHalfEven(product, BP);
  return toFen(divideHalfEven(BigInt(amount) * BigInt(bp), BigInt(BP)), 'amount × rate');
}

/** The same rule on safe integers (the fast path: exact, since no step leaves the safe range). */
function numberHalfEven(numerator: number, denominator: number): number {
  const n = Math.abs(numerator);
  const remainder = n % denominator;
  let quotient = (n - remainder) / denominator;
  const twice = remainder * 2;
  if (twice > denominator || (twice === denominator && quotient % 2 === 1)) quotient += 1;
  return numerator < 0 ? 0 - quotient : quotient;
}

/** `a × b` in fen, exactly, or a RangeError when it does not fit a safe integer. */
export function multiplyFen(a: number, b: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return product;
  return toFen(BigInt(a) * BigInt(b), 'quantity × price');
}

function toFen(value: bigint, what: string): number {
  const result = Number(value);
  return assertFen(result, what);
}

/** `part / whole` in basis points, rounded up (a share just past a threshold counts as past). */
export function shareBpCeil(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  const n = BigInt(part) * BigInt(BP);
  const d = BigInt(whole);
  return Number((n + d - 1n) / d);
}

/**
 * Spreads `amount` over `weights` in proportion, by largest remainder (ties to the earlier
 * weight), so the shares add up to `amount` exactly and none exceeds its weight when
 * `amount ≤ Σ weights`.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((total, w) => total + w, 0);
  if (Number.isSafeInteger(sum) && Number.isSafeInteger(amount * sum)) {
    return allocateSafe(amount, weights, sum);
  }
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n || amount === 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const shares = exact.map((e) => e / total);
  let left = BigInt(amount) - shares.reduce((sum, s) => sum + s, 0n);
  const order = exact
    .map((e, index) => ({ index, remainder: e % total }))
    .sort((a, b) =>
      b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
    );
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s));
}

/** `allocate` when every product `amount × weight` is a safe integer (the fast path). */
function allocateSafe(amount: number, weights: readonly number[], total: number): number[] {
  if (total === 0 || amount === 0) return weights.map(() => 0);
  const remainders = weights.map((w) => (amount * w) % total);
  const shares = weights.map((w, i) => (amount * w - (remainders[i] ?? 0)) / total);
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  const order = remainders
    .map((remainder, index) => ({ index, remainder }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
