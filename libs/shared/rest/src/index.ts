export * from './bearer-auth.guard.js';
export * from './openapi.js';
export * from './page.js';
export * from './problem-details.filter.js';
export * from './problem-details.js';
export * from './problem-details.schema.js';
export * from './rest-controller.decorator.js';
