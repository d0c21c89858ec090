export * from './explanation.js';
export * from './manager-book.js';
export * from './manual-assignment.js';
export * from './place-accounts.js';
