import type { DialectFamily } from '../sql-dialect.js';
import { postgresLike } from './postgres-family.js';

/**
 * DuckDB: PostgreSQL's date functions, its own names, quantiles and median. Quantiles read DOUBLE:
 * over a DECIMAL, DuckDB would round the interpolated value to the column's scale.
 */
export const duckdbFamily: DialectFamily = (startOfWeek) => postgresLike(startOfWeek, {
  dayName: (x) => `DAYNAME(${x})`,
  monthName: (x) => `MONTHNAME(${x})`,
  quarterName: (x) => `('Q' || CAST(QUARTER(${x}) AS VARCHAR))`,
  average: (x) => `AVG(${x})`,
  percentile: (x, p) => `QUANTILE_CONT(CAST(${x} AS DOUBLE), ${p})`,
  median: (x) => `MEDIAN(CAST(${x} AS DOUBLE))`,
});
