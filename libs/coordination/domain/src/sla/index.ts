export * from './escalation.js';
export * from './sla-clock.js';
export * from './sla-policy.js';
