import { INTERVAL_UNIT_OF, type SemanticSqlDialect } from '../../semantic/compile/sql-dialect.js';
import type { UnitOfTime } from '../../semantic/types/explore.js';
import { assertNever } from '../../semantic/util/assert-never.js';
import type { RelativeOperator } from './relative-range.js';

/** A relative range as SQL expressions of the warehouse clock: `[from, to]` when `toInclusive`, else `[from, to)`. */
export interface SqlRange {
  from: string;
  to: string;
  toInclusive: boolean;
}

/**
 * The warehouse-clock counterpart of `relativeRange`: the same periods, but "now" is the
 * warehouse's `CURRENT_TIMESTAMP` and periods start where the dialect truncates (its week start),
 * so SQL compiled once stays right later. `inThePast N` = [now − N, now]; `completed` = the N whole
 * periods before the current one; `inTheNext` mirrors it; `inTheCurrent` = [period start, next start).
 */
export const warehouseClockRange = (
  operator: RelativeOperator,
  unitOfTime: UnitOfTime,
  amount: number,
  completed: boolean,
  semantic: SemanticSqlDialect,
): SqlRange => {
  const unit = INTERVAL_UNIT_OF[unitOfTime];
  const now = semantic.currentTimestamp();
  const start = semantic.truncate(now, unit, 'timestamp');
  const shift = (sql: string, n: number) => semantic.addInterval(sql, n, unit);
  switch (operator) {
    case 'inThePast':
      return completed
        ? { from: shift(start, -amount), to: start, toInclusive: false }
        : { from: shift(now, -amount), to: now, toInclusive: true };
    case 'inTheNext':
      return completed
        ? { from: shift(start, 1), to: shift(start, amount + 1), toInclusive: false }
        : { from: now, to: shift(now, amount), toInclusive: true };
    case 'inTheCurrent':
      return { from: start, to: shift(start, 1), toInclusive: false };
    default:
      return assertNever(operator);
  }
};
