export * from './pareto.js';
export * from './policy.js';
export * from './reference-book.js';
export * from './tier.js';
export * from './value.js';
export * from './override.js';
export * from './value-input.js';
