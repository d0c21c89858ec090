export * from './service-platform.module.js';
export * from './periodic-job.js';
