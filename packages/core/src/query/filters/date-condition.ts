import { ParameterError } from '../../errors/index.js';
import type { FilterRule } from '../types.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import { betweenSql, equalsSql, notEqualsSql, orderingSql } from './comparison-sql.js';
import type { FilterContext, FilterDialect, FilterTarget, WarehouseClock } from './filter-types.js';
import { betweenValues, filterAmount, filterCompleted, filterDate, filterTimestamp, filterUnit } from './filter-values.js';
import type { DateOperator } from './operators.js';
import { relativeRange, type InstantRange, type RelativeOperator } from './relative-range.js';
import { warehouseClockRange } from './warehouse-clock-range.js';
import { civilOf, formatCivilDate } from './zoned-time.js';

/**
 * Date and timestamp rules. Timestamp fields hold UTC wall clock (as the explore compiler
 * assumes); their literals are instants. Date fields are compared with calendar days: a relative
 * range covers every day in the query's zone that overlaps it. Relative ranges are computed here
 * from `ctx.now`, so the SQL says exactly which instants it means — or, with the `WarehouseClock`
 * context, from the warehouse's clock in SQL (bounds cast to dates for date fields).
 */
export const dateCondition = (
  rule: FilterRule,
  operator: Exclude<DateOperator, 'isNull' | 'notNull'>,
  values: readonly unknown[],
  target: FilterTarget,
  dialect: FilterDialect,
  ctx: FilterContext | WarehouseClock,
): string | undefined => {
  const d = `(${target.sql})`;
  const isDate = target.type === 'date';
  const literal = (value: unknown): string =>
    isDate
      ? dialect.literal({ type: 'date', value: filterDate(target, rule, value) })
      : dialect.literal({ type: 'timestamp', value: new Date(filterTimestamp(target, rule, value, ctx.timezone)) });

  const rangeSql = (range: InstantRange): string => {
    if (!isDate) {
      const at = (instant: number) => dialect.literal({ type: 'timestamp', value: new Date(instant) });
      return betweenSql(d, at(range.from), at(range.to), range.toInclusive);
    }
    const day = (instant: number) => dialect.literal({ type: 'date', value: formatCivilDate(civilOf(instant, ctx.timezone)) });
    return betweenSql(d, day(range.from), day(range.toInclusive ? range.to : range.to - 1), true);
  };
  /** A range that leaves 0001–9999 is the rule's fault: say which rule. */
  const relativeSql = (kind: RelativeOperator, amount: number, completed: boolean): string => {
    const unit = filterUnit(target, rule);
    if (ctx.now === 'warehouse') {
      const { semantic } = dialect;
      const range = warehouseClockRange(kind, unit, amount, completed, semantic);
      const bound = (sql: string) => (isDate ? semantic.castToDate(sql) : sql);
      return betweenSql(d, bound(range.from), bound(range.to), range.toInclusive);
    }
    try {
      return rangeSql(relativeRange(kind, unit, amount, completed, ctx));
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error;
      throw new ParameterError(`Filter on "${target.fieldId}" (${rule.operator}): ${error.message}`, {
        ...error.data,
        fieldId: target.fieldId,
        operator: rule.operator,
      });
    }
  };
  const relative = (kind: 'inThePast' | 'inTheNext'): string | undefined => {
    if (values.length === 0) return undefined;
    return relativeSql(kind, filterAmount(target, rule, values[0]), filterCompleted(target, rule));
  };

  switch (operator) {
    case 'inTheCurrent':
    case 'notInTheCurrent': {
      const sql = relativeSql('inTheCurrent', 1, false);
      return operator === 'inTheCurrent' ? sql : `NOT ${sql}`;
    }
    case 'inThePast':
      return relative('inThePast');
    case 'notInThePast': {
      const sql = relative('inThePast');
      return sql === undefined ? undefined : `NOT ${sql}`;
    }
    case 'inTheNext':
      return relative('inTheNext');
    default:
      break;
  }
  if (values.length === 0) return undefined;
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
