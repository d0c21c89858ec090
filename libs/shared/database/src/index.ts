export * from './data-source.js';
export * from './database-admin.js';
export * from './migrate.js';
export * from './naming-strategy.js';
export * from './postgres-errors.js';
