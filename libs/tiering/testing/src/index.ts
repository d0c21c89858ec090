export * from './random-book.js';
export * from './reference-book.js';
