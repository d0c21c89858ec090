import {
  DEFAULT_REBALANCE_BALANCE,
  type ManagerPolicy,
  type RebalanceBalance,
} from '@gap/managers/domain';

/**
 * The load-share band of the policy in force. Until the manager policy document carries a
 * `rebalance` section, every version reads with the defaults (between 0.6 and 1.0 of the most
 * each manager may carry, at up to 20 per point moved).
 */
export function balanceOf(policy: ManagerPolicy): RebalanceBalance {
  const section = (policy as ManagerPolicy & { readonly rebalance?: Partial<RebalanceBalance> })
    .rebalance;
  return { ...DEFAULT_REBALANCE_BALANCE, ...section };
}
