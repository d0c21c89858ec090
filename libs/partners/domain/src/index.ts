// The partners domain: pure rules for partner channels (leads, de-duplication, channel
// conflict, lifecycle). No I/O here.
export * from './conflict/index.js';
export * from './duplicates/index.js';
export * from './lead/index.js';
export * from './names/index.js';
export * from './partner/index.js';
export * from './permissions.js';
export * from './policy.js';
export * from './reasons.js';
export * from './webhooks/index.js';
