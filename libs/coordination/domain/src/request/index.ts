export * from './request-commands.js';
export * from './request-guards.js';
export * from './request-model.js';
export * from './request-transition.js';
export * from './task-machine.js';
export * from './request-events.js';
