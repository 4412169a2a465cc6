import type { FilterRule } from '../types.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import { equalsSql, notEqualsSql } from './comparison-sql.js';
import type { FilterDialect, FilterTarget } from './filter-types.js';
import { filterBoolean } from './filter-values.js';
import type { BooleanOperator } from './operators.js';

/** Boolean rules: values are true/false (or their common spellings); notEquals keeps NULL rows. */
export const booleanCondition = (
  rule: FilterRule,
  operator: Exclude<BooleanOperator, 'isNull' | 'notNull'>,
  values: readonly unknown[],
  target: FilterTarget,
  dialect: FilterDialect,
): string | undefined => {
  if (values.length === 0) return undefined;
  const d = `(${target.sql})`;
  const literals = [...new Set(values.map((value) => filterBoolean(target, rule, value)))].map((value) =>
    dialect.literal({ type: 'boolean', value }),
  );
  switch (operator) {
    case 'equals':
      return equalsSql(d, literals);
    case 'notEquals':
      return notEqualsSql(d, literals);
    default:
      return assertNever(operator);
  }
};
