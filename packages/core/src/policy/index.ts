export * from './policy.js';
export * from './space-policy.js';
