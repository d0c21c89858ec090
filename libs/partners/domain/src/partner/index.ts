export * from './partner.js';
export * from './partner-status.js';
