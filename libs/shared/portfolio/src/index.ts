export * from './portfolio.store.js';
export * from './scope.js';
