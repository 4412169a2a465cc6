export { compileFilterRule, filterRuleCondition } from './compile-filter-rule.js';
export { compileFilterGroup } from './compile-filter-group.js';
export { WAREHOUSE_CLOCK, type FilterContext, type FilterDialect, type FilterTarget, type WarehouseClock } from './filter-types.js';
export { OPERATORS_BY_TYPE } from './operators.js';
export { relativeRange, type InstantRange, type RelativeOperator } from './relative-range.js';
export { likeMatchSql, likePattern } from './like-match.js';
