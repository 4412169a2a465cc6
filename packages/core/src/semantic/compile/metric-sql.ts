import type { MetricType } from '../types/explore.js';
import { assertNever } from '../util/assert-never.js';
import type { SemanticSqlDialect } from './sql-dialect.js';

/** Wraps a metric's (filtered) value SQL in its aggregate; non-aggregate types are used verbatim. */
export const aggregateSql = (type: MetricType, sql: string, percentile: number | undefined, dialect: SemanticSqlDialect): string => {
  switch (type) {
    case 'count':
      return `COUNT(${sql})`;
    case 'count_distinct':
      return `COUNT(DISTINCT ${sql})`;
    case 'sum':
      return `SUM(${sql})`;
    case 'average':
      return dialect.average(sql);
    case 'min':
      return `MIN(${sql})`;
    case 'max':
      return `MAX(${sql})`;
    case 'median':
      return dialect.median(sql);
    case 'percentile':
      return dialect.percentile(sql, (percentile ?? 50) / 100);
    case 'number':
    case 'string':
    case 'date':
    case 'timestamp':
    case 'boolean':
      return sql;
    default:
      return assertNever(type);
  }
};

/** `CASE WHEN (<conditions>) THEN (<value>) ELSE NULL END`: metric filters inside the aggregate. */
export const filteredValueSql = (sql: string, conditions: string[]): string =>
  conditions.length ? `CASE WHEN (${conditions.join(' AND ')}) THEN (${sql}) ELSE NULL END` : sql;
