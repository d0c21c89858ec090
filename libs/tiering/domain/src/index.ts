export * from './tier.js';
