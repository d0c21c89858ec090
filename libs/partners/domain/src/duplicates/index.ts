export * from './duplicate-score.js';
