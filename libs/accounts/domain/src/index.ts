export * from './account-fields.js';
export * from './contact.js';
export * from './credit-code.js';
export * from './group-account.js';
export * from './hierarchy.js';
export * from './lifecycle.js';
export * from './phone.js';
