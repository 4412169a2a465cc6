export * from './types.js';
export type { LikePosition, LiteralValue, QueryDialect } from './dialect.js';
export { compileMetricQuery, compileTotalQuery, compileUnderlyingDataQuery } from './compile.js';
export type { UnderlyingDataRequest } from './compile.js';
export * from './format/index.js';
export { compileFilterGroup, compileFilterRule, likeMatchSql, likePattern, OPERATORS_BY_TYPE, relativeRange } from './filters/index.js';
export type { FilterContext, FilterDialect, FilterTarget } from './filters/index.js';
export { DEFAULT_MAX_LIMIT } from './compile.js';
