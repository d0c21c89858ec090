export * from './fit.js';
export * from './manager.js';
export * from './matching.js';
export * from './policy.js';
export * from './rebalance/index.js';
