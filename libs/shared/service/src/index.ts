export * from './service-platform.module.js';
