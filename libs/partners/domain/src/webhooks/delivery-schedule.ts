/**
 * When a failed webhook delivery is tried again: exponential backoff with jitter, within a
 * window (24 h by default) counted from the first attempt, after which it is dead-lettered.
 */
export interface DeliveryRetryPolicy {
  /** The wait after the first failure, before jitter. */
  readonly initialDelayMs: number;
  /** The longest wait between two attempts, before jitter. */
  readonly maxDelayMs: number;
  /** How long after its first attempt a message is still tried. */
  readonly windowMs: number;
}

export const DEFAULT_DELIVERY_RETRY_POLICY: DeliveryRetryPolicy = {
  initialDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
};

export type NextAttempt =
  | { readonly kind: 'RETRY'; readonly at: Date; readonly delayMs: number }
  | { readonly kind: 'DEAD_LETTER'; readonly reason: 'WINDOW_ELAPSED' };

/**
 * The next attempt after `failedAttempts` failures (1 after the first), at `now`, for a message
 * first tried at `firstAttemptAt`. `random` is in [0, 1): "equal jitter" keeps half the
 * exponential delay and draws the other half, so retries of many messages failing together
 * spread out, yet none comes back sooner than half its step.
 */
export function nextDeliveryAttempt(
  policy: DeliveryRetryPolicy,
  failedAttempts: number,
  firstAttemptAt: Date,
  now: Date,
  random: number,
): NextAttempt {
  const exponent = Math.max(0, failedAttempts - 1);
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(exponent, 40));
  const delayMs = Math.round(step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1));
  const at = new Date(now.getTime() + delayMs);
  if (at.getTime() - firstAttemptAt.getTime() > policy.windowMs) {
    return { kind: 'DEAD_LETTER', reason: 'WINDOW_ELAPSED' };
  }
  return { kind: 'RETRY', at, delayMs };
}
