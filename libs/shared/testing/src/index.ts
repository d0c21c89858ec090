export * from './database.js';
export * from './environment.js';
export * from './service-process.js';
export * from './supervisor.js';
export * from './wiring.js';
