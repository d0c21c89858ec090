export * from './import-file.js';
export * from './progress-bar.js';
