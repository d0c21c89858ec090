export { balancePlacement } from './balance.js';
export {
  checkRebalancePolicy,
  DEFAULT_REBALANCE_BALANCE,
  type RebalanceBalance,
} from './balance-policy.js';
export { EXACT_LIMITS, solveExactly, type ExactSolution } from './exact.js';
export { planRebalance, type RebalanceOptions } from './plan.js';
export {
  mayReceive,
  placementCost,
  reasonUnplaced,
  roomFor,
  totalCostOf,
  unassignedPenalty,
  type LoadShareSummary,
  type ManagerLoad,
  type ManagerToBalance,
  type PlannedAssignment,
  type RebalancePlan,
  type RebalanceProblem,
  type RebalanceStats,
  type UnassignedAccount,
} from './problem.js';
