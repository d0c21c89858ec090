export * from './text.js';
export * from './identifiers.js';
export * from './dates.js';
export * from './money.js';
export * from './numbers.js';
