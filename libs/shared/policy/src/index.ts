export * from './versioned-policy.repository.js';
