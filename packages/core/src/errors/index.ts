export * from './tessera-error.js';
