import {
  DEFAULT_DELIVERY_RETRY_POLICY,
  nextDeliveryAttempt,
  type DeliveryRetryPolicy,
} from './delivery-schedule.js';

const policy: DeliveryRetryPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
  windowMs: 24 * 3_600_000,
};
const t0 = new Date('2026-12-01T00:00:00Z');

describe('webhook retry schedule', () => {
  it('doubles the wait after each failure, half of it drawn at random', () => {
    const delays = [1, 2, 3, 4].map((n) => {
      const next = nextDeliveryAttempt(policy, n, t0, t0, 0);
      return next.kind === 'RETRY' ? next.delayMs : -1;
    });
    expect(delays).toEqual([500, 1_000, 2_000, 4_000]);
    const drawn = nextDeliveryAttempt(policy, 3, t0, t0, 0.5);
    expect(drawn).toMatchObject({ kind: 'RETRY', delayMs: 3_000 });
    const most = nextDeliveryAttempt(policy, 3, t0, t0, 0.999_999);
    expect(most.kind === 'RETRY' && most.delayMs).toBe(4_000);
  });

  it('never waits longer than the policy allows between two attempts', () => {
    const next = nextDeliveryAttempt(policy, 40, t0, t0, 0.999_999);
    expect(next).toMatchObject({ kind: 'RETRY', delayMs: 60_000 });
  });

  it('dead-letters a message whose next attempt would fall past the window', () => {
    const late = new Date(t0.getTime() + policy.windowMs - 10_000);
    expect(nextDeliveryAttempt(policy, 30, t0, late, 0.5)).toEqual({
      kind: 'DEAD_LETTER',
      reason: 'WINDOW_ELAPSED',
    });
    const early = new Date(t0.getTime() + policy.windowMs - 120_000);
    expect(nextDeliveryAttempt(policy, 30, t0, early, 0.5).kind).toBe('RETRY');
  });

  it('keeps trying for a whole day under the default policy, a few dozen attempts', () => {
    let now = t0;
    let failures = 0;
    for (;;) {
      failures += 1;
      const next = nextDeliveryAttempt(DEFAULT_DELIVERY_RETRY_POLICY, failures, t0, now, 0.5);
      if (next.kind === 'DEAD_LETTER') break;
      now = next.at;
    }
    expect(now.getTime() - t0.getTime()).toBeGreaterThan(23 * 3_600_000);
    expect(failures).toBeLessThan(60);
  });
});
