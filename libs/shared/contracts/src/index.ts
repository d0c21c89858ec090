export * from './accounts.events.js';
export * from './catalog.js';
export * from './coordination.events.js';
export * from './envelope.js';
export * from './event-definition.js';
export * from './managers.events.js';
export * from './tiering.events.js';
export * from './validation.js';
