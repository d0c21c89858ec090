export * from './company-name.js';
export * from './credit-code.js';
export * from './provinces.js';
