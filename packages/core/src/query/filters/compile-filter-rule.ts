import { ParameterError } from '../../errors/index.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import type { FilterRule } from '../types.js';
import { booleanCondition } from './boolean-condition.js';
import { dateCondition } from './date-condition.js';
import type { FilterContext, FilterDialect, FilterTarget, WarehouseClock } from './filter-types.js';
import { numberCondition } from './number-condition.js';
import { assertOperatorApplies, BOOLEAN_OPERATORS, DATE_OPERATORS, isOneOf, NUMBER_OPERATORS, STRING_OPERATORS } from './operators.js';
import { stringCondition } from './string-condition.js';

const wrongOperator = (rule: FilterRule): never => {
  throw new Error(`operator ${rule.operator} passed the type check but has no renderer`);
};

/**
 * The condition of one rule, or undefined when the rule restricts nothing (disabled, or no
 * values where values are needed): callers drop it rather than writing `1=1`.
 */
export const filterRuleCondition = (
  rule: FilterRule,
  target: FilterTarget,
  dialect: FilterDialect,
  ctx: FilterContext | WarehouseClock,
): string | undefined => {
  if (rule.disabled) return undefined;
  assertOperatorApplies(rule, target);
  if (rule.values !== undefined && !Array.isArray(rule.values)) {
    throw new ParameterError(`Filter on "${target.fieldId}" (${rule.operator}): values must be a list`, {
      fieldId: target.fieldId,
      operator: rule.operator,
    });
  }
  const values = rule.values ?? [];
  const d = `(${target.sql})`;
  const { operator } = rule;
  if (operator === 'isNull') return `${d} IS NULL`;
  if (operator === 'notNull') return `${d} IS NOT NULL`;
  switch (target.type) {
    case 'string':
      return isOneOf(STRING_OPERATORS, operator) ? stringCondition(rule, operator, values, target, dialect) : wrongOperator(rule);
    case 'number':
      return isOneOf(NUMBER_OPERATORS, operator) ? numberCondition(rule, operator, values, target, dialect) : wrongOperator(rule);
    case 'boolean':
      return isOneOf(BOOLEAN_OPERATORS, operator) ? booleanCondition(rule, operator, values, target, dialect) : wrongOperator(rule);
    case 'date':
    case 'timestamp':
      return isOneOf(DATE_OPERATORS, operator) ? dateCondition(rule, operator, values, target, dialect, ctx) : wrongOperator(rule);
    default:
      return assertNever(target.type);
  }
};

/**
 * SQL condition of one filter rule on a resolved field. A rule that restricts nothing renders as
 * the dialect's TRUE (inside groups it is dropped instead; see compileFilterGroup).
 * Throws ParameterError for an operator that does not fit the field type or a value that does
 * not fit the operator.
 */
export const compileFilterRule = (rule: FilterRule, target: FilterTarget, dialect: FilterDialect, ctx: FilterContext): string =>
  filterRuleCondition(rule, target, dialect, ctx) ?? dialect.literal({ type: 'boolean', value: true });
