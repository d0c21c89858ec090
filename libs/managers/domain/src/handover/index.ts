export * from './checklist-waiver.js';
export * from './handover-completion.js';
export * from './handover-state.js';
export * from './leaver-fallback.js';
export * from './team-scope.js';
