export { compileFilterRule, filterRuleCondition } from './compile-filter-rule.js';
export { compileFilterGroup } from './compile-filter-group.js';
export type { FilterContext, FilterTarget } from './filter-types.js';
export { OPERATORS_BY_TYPE } from './operators.js';
export { relativeRange, type InstantRange, type RelativeOperator } from './relative-range.js';
