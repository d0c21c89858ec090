export * from './calendar/index.js';
export * from './complaint/index.js';
export * from './model/index.js';
export * from './reasons.js';
export * from './request/index.js';
export * from './sla/index.js';
export * from './permissions.js';
