export * from './auth.middleware.js';
export * from './auth.module.js';
export * from './caller.js';
export * from './current-caller.decorator.js';
export * from './dev-issuer.js';
export * from './jwt-verifier.js';
export * from './verifier-options.js';
