import { ParameterError } from '../../errors/index.js';
import type { ConditionalOperator, DimensionType } from '../../semantic/types/explore.js';
import type { FilterRule } from '../types.js';
import type { FilterTarget } from './filter-types.js';

export const STRING_OPERATORS = [
  'isNull',
  'notNull',
  'equals',
  'notEquals',
  'startsWith',
  'endsWith',
  'include',
  'doesNotInclude',
] as const satisfies readonly ConditionalOperator[];

export const NUMBER_OPERATORS = [
  'isNull',
  'notNull',
  'equals',
  'notEquals',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inBetween',
] as const satisfies readonly ConditionalOperator[];

export const DATE_OPERATORS = [
  'isNull',
  'notNull',
  'equals',
  'notEquals',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inThePast',
  'notInThePast',
  'inTheNext',
  'inTheCurrent',
  'notInTheCurrent',
  'inBetween',
] as const satisfies readonly ConditionalOperator[];

export const BOOLEAN_OPERATORS = ['isNull', 'notNull', 'equals', 'notEquals'] as const satisfies readonly ConditionalOperator[];

export type StringOperator = (typeof STRING_OPERATORS)[number];
export type NumberOperator = (typeof NUMBER_OPERATORS)[number];
export type DateOperator = (typeof DATE_OPERATORS)[number];
export type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];

export const OPERATORS_BY_TYPE: Record<DimensionType, readonly ConditionalOperator[]> = {
  string: STRING_OPERATORS,
  number: NUMBER_OPERATORS,
  date: DATE_OPERATORS,
  timestamp: DATE_OPERATORS,
  boolean: BOOLEAN_OPERATORS,
};

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Throws the 400 a client sees when it sends, say, `greaterThan` on a string field. */
export const assertOperatorApplies = (rule: FilterRule, target: FilterTarget): void => {
  const allowed = OPERATORS_BY_TYPE[target.type];
  if (isOneOf(allowed, rule.operator)) return;
  throw new ParameterError(
    `Filter on "${target.fieldId}": operator "${String(rule.operator)}" does not apply to a ${target.type} field; use one of: ${allowed.join(', ')}`,
    { fieldId: target.fieldId, operator: rule.operator, allowedOperators: [...allowed] },
  );
};
