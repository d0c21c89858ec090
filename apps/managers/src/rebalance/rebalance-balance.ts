import type { ManagerPolicy, RebalanceBalance } from '@gap/managers/domain';

/** The load-share band of the policy in force (policy `rebalance`, defaults 0.6 and 20). */
export function balanceOf(policy: ManagerPolicy): RebalanceBalance {
  return policy.rebalance;
}
