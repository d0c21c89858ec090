export * from './first-contact.js';
export * from './lead-model.js';
export * from './lead-transition.js';
