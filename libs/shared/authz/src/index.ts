export * from './caller.js';
export * from './permissions.js';
