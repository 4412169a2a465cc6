export { type LiteralValue, UnsafeLiteralError } from './literal-values.js';
export { createDialect, ANSI_FLAGS, ANSI_HOOKS, type DialectFlags, type DialectHooks, type SqlDialect } from './sql-dialect.js';
export * from './dialects.js';
export { queryDialect, likePattern } from './query-dialect.js';
export { QUERY_FLAGS, type QueryFlags } from './query-flags.js';
