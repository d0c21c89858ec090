export * from './error-mapping.js';
export * from './input-validation.pipe.js';
export * from './loaders.js';
export * from './pagination.js';
export * from './scalars.js';
export * from './subgraph-sdl.js';
export * from './subgraph.module.js';
