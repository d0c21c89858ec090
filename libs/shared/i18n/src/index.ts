export * from './locale.js';
export * from './reason.js';
export * from './text-length.js';
