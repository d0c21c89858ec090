export * from './pareto.js';
export * from './policy.js';
export * from './tier.js';
export * from './value.js';
