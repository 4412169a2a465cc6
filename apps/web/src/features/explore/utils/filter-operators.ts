import { OPERATORS_BY_TYPE, UNITS_OF_TIME, type ConditionalOperator, type DimensionType, type UnitOfTime } from '@tessera/core';

/** The operators a field type takes: core's list, the one the server checks rules against. */
export const operatorsFor = (type: DimensionType): readonly ConditionalOperator[] => OPERATORS_BY_TYPE[type];

const isDateType = (type: DimensionType) => type === 'date' || type === 'timestamp';

/** An operator in words, as a person reads the rule ("Order date is before 2024-01-01"). */
export const operatorLabel = (operator: ConditionalOperator, type: DimensionType): string => {
  const dates = isDateType(type);
  switch (operator) {
    case 'isNull':
      return 'is empty';
    case 'notNull':
      return 'is not empty';
    case 'equals':
      return 'is';
    case 'notEquals':
      return 'is not';
    case 'startsWith':
      return 'starts with';
    case 'endsWith':
      return 'ends with';
    case 'include':
      return 'contains';
    case 'doesNotInclude':
      return 'does not contain';
    case 'lessThan':
      return dates ? 'is before' : 'is less than';
    case 'lessThanOrEqual':
      return dates ? 'is on or before' : 'is at most';
    case 'greaterThan':
      return dates ? 'is after' : 'is greater than';
    case 'greaterThanOrEqual':
      return dates ? 'is on or after' : 'is at least';
    case 'inThePast':
      return 'in the last';
    case 'notInThePast':
      return 'not in the last';
    case 'inTheNext':
      return 'in the next';
    case 'inTheCurrent':
      return 'in the current';
    case 'notInTheCurrent':
      return 'not in the current';
    case 'inBetween':
      return 'is between';
  }
};

/** What the value editor of a rule looks like for an operator on a field type. */
export type ValueShape =
  | 'none' // isNull, notNull
  | 'list' // several values, any of them (strings; numbers for is / is not)
  | 'single' // one value
  | 'range' // two values, inclusive
  | 'relative' // an amount and a unit of time (in the last 14 days)
  | 'period'; // a unit of time (in the current month)

export const valueShape = (operator: ConditionalOperator, type: DimensionType): ValueShape => {
  switch (operator) {
    case 'isNull':
    case 'notNull':
      return 'none';
    case 'inBetween':
      return 'range';
    case 'inThePast':
    case 'notInThePast':
    case 'inTheNext':
      return 'relative';
    case 'inTheCurrent':
    case 'notInTheCurrent':
      return 'period';
    case 'equals':
    case 'notEquals':
      return type === 'string' || type === 'number' ? 'list' : 'single';
    case 'startsWith':
    case 'endsWith':
    case 'include':
    case 'doesNotInclude':
      return 'list';
    default:
      return 'single';
  }
};

/** Units offered for relative date rules (core accepts finer ones too; a filter rarely wants them). */
export const RELATIVE_UNITS: readonly UnitOfTime[] = UNITS_OF_TIME.filter((u) => !['milliseconds', 'seconds'].includes(u));
