import { filterRuleCondition } from '../../query/filters/compile-filter-rule.js';
import { WAREHOUSE_CLOCK, type FilterDialect, type FilterTarget } from '../../query/filters/filter-types.js';
import type { MetricFilterRule } from '../types/explore.js';

/**
 * SQL condition of one YAML filter rule (metric `filters`), rendered by the query filters
 * (`query/filters`), so each operator has one renderer: values are checked and typed for the
 * target dimension, literals go through the dialect, LIKE matches `%` and `_` literally. Relative
 * dates compare with the warehouse clock: explores are compiled once and cached, so the SQL must
 * not depend on when it was compiled. Undefined when the rule restricts nothing (no values);
 * a ParameterError names the field, operator and value that do not fit.
 */
export const filterRuleSql = (rule: MetricFilterRule, target: FilterTarget, dialect: FilterDialect): string | undefined =>
  filterRuleCondition(
    {
      id: rule.id,
      target: { fieldId: target.fieldId },
      operator: rule.operator,
      values: rule.values,
      ...(rule.settings ? { settings: rule.settings } : {}),
    },
    target,
    dialect,
    WAREHOUSE_CLOCK,
  );
