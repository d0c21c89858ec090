export * from './credit-code.js';
export * from './group-account.js';
