import { violation, type FieldViolation } from '@gap/errors';

/**
 * How evenly a rebalance spreads the load (policy): every active manager who may take
 * accounts should carry at least `minLoadShare` of the most they may carry (the most is the
 * policy's `maxLoadRatio` × capacity, the upper end of the band), where fit allows: a
 * balancing move may add at most `maxCostPerPoint` to the plan's cost per point it moves.
 */
export interface RebalanceBalance {
  /** The lower end of the load-share band, from 0 (no balancing) to 1. */
  readonly minLoadShare: number;
  /** The most a balancing move may cost beyond where the account would be, per point. */
  readonly maxCostPerPoint: number;
}

/** Every manager between 0.6 and 1.0 of their most, at up to 20 (one region step) per point. */
export const DEFAULT_REBALANCE_BALANCE: RebalanceBalance = {
  minLoadShare: 0.6,
  maxCostPerPoint: 20,
};

/**
 * The rules on the policy's rebalance section, each broken one named: the band's lower end is
 * a share from 0 to 1 and no more than the policy's `maxLoadRatio`; the extra cost a balancing
 * move may add per point is a whole number from 0 to 10,000.
 */
export function checkRebalancePolicy(
  rebalance: RebalanceBalance | undefined,
  maxLoadRatio: number,
  prefix: string,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, zh: string, en: string) =>
    violations.push(violation(field ? `${prefix}.${field}` : prefix, reason, { 'zh-CN': zh, en }));
  if (!rebalance) {
    fail('', 'REQUIRED', '策略须包含再平衡规则。', 'The policy needs its rebalance rules.');
    return violations;
  }
  const share = rebalance.minLoadShare;
  if (!Number.isFinite(share) || share < 0 || share > 1 || share > maxLoadRatio) {
    fail(
      'minLoadShare',
      'OUT_OF_RANGE',
      '负载下限应为 0 到 1 之间的比例，且不超过最大负载比例（maxLoadRatio）。',
      'minLoadShare is a share from 0 to 1, and no more than maxLoadRatio.',
    );
  }
  const cost = rebalance.maxCostPerPoint;
  if (!Number.isInteger(cost) || cost < 0 || cost > 10_000) {
    fail(
      'maxCostPerPoint',
      'OUT_OF_RANGE',
      '每点负载的均衡成本上限应为 0 到 10000 的整数。',
      'maxCostPerPoint is a whole number from 0 to 10000.',
    );
  }
  return violations;
}
