export * from './business-calendar.js';
export * from './business-time.js';
export * from './china-time.js';
