export * from './channel-conflict.js';
export * from './deal-registration.js';
