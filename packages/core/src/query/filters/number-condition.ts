import type { FilterRule } from '../types.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import { betweenSql, equalsSql, notEqualsSql, orderingSql } from './comparison-sql.js';
import type { FilterDialect, FilterTarget } from './filter-types.js';
import { betweenValues, filterNumber } from './filter-values.js';
import type { NumberOperator } from './operators.js';

/** Number rules: values must be finite numbers; comparisons use the first value; inBetween is inclusive. */
export const numberCondition = (
  rule: FilterRule,
  operator: Exclude<NumberOperator, 'isNull' | 'notNull'>,
  values: readonly unknown[],
  target: FilterTarget,
  dialect: FilterDialect,
): string | undefined => {
  if (values.length === 0) return undefined;
  const d = `(${target.sql})`;
  const literal = (value: unknown): string => dialect.literal({ type: 'number', value: filterNumber(target, rule, value) });
  switch (operator) {
    case 'equals':
      return equalsSql(d, values.map(literal));
    case 'notEquals':
      return notEqualsSql(d, values.map(literal));
    case 'lessThan':
    case 'lessThanOrEqual':
    case 'greaterThan':
    case 'greaterThanOrEqual':
      return orderingSql(d, operator, literal(values[0]));
    case 'inBetween': {
      const [low, high] = betweenValues(target, rule, values);
      return betweenSql(d, literal(low), literal(high));
    }
    default:
      return assertNever(operator);
  }
};
