export * from './coordination-terms.js';
