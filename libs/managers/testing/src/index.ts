export { generateRebalanceProblem, type GenerateOptions } from './rebalance-problem.js';
