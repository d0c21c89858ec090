export * from './correlation.js';
export * from './correlation.middleware.js';
export * from './health.controller.js';
export * from './health.registry.js';
export * from './logger.js';
export * from './metrics.js';
export * from './observability.module.js';
export * from './service-app.js';
