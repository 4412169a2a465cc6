export * from './errors/index.js';
export * from './policy/index.js';
export * from './types/roles.js';
export * from './semantic/index.js';
export * from './query/index.js';
