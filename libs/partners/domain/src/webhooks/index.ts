export * from './delivery-schedule.js';
export * from './webhook-endpoint-url.js';
export * from './webhook-event-types.js';
export * from './webhook-secrets.js';
export * from './webhook-signature.js';
