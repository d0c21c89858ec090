export * from './duplicates.js';
export * from './import-cli.js';
export * from './import-file.js';
export * from './import-messages.js';
export * from './import-report.js';
export * from './progress-bar.js';
