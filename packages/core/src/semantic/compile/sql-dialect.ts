import { ParameterError } from '../../errors/index.js';
import type { TargetDatabase, TimeFrame, UnitOfTime } from '../types/explore.js';
import { assertNever } from '../util/assert-never.js';
import { bigqueryFamily } from './dialects/bigquery-family.js';
import { clickhouseFamily } from './dialects/clickhouse-family.js';
import { databricksFamily } from './dialects/databricks-family.js';
import { duckdbFamily } from './dialects/duckdb-family.js';
import { mysqlFamily } from './dialects/mysql-family.js';
import { postgresFamily } from './dialects/postgres-family.js';
import { snowflakeFamily } from './dialects/snowflake-family.js';
import { trinoFamily } from './dialects/trino-family.js';

/**
 * The few SQL templates the explore compiler needs from a warehouse: time-interval expressions,
 * the aggregates whose spelling differs, literals and LIKE escaping for YAML metric filters, and relative time for
 * `inThePast`-style filters (rendered against the warehouse clock, so compiled SQL never bakes in
 * a compile-time "now"). The warehouse dialects in `packages/warehouses` will supply these; the
 * built-in families below cover every `TargetDatabase` until then.
 */
export interface SemanticSqlDialect {
  truncate(sql: string, unit: TruncateUnit, baseType: 'date' | 'timestamp'): string;
  datePart(sql: string, part: DatePart, baseType: 'date' | 'timestamp'): string;
  dayName(sql: string, baseType: 'date' | 'timestamp'): string;
  monthName(sql: string, baseType: 'date' | 'timestamp'): string;
  quarterName(sql: string, baseType: 'date' | 'timestamp'): string;
  average(sql: string): string;
  /** `fraction` is in [0, 1]. */
  percentile(sql: string, fraction: number): string;
  median(sql: string): string;
  stringLiteral(value: string): string;
  /**
   * How LIKE matches `%` and `_` literally: `bang` — escaped with `!` and `ESCAPE '!'`; `backslash`
   * — escaped with `\` in the pattern, for engines without an ESCAPE clause (BigQuery, ClickHouse).
   */
  likeEscape: LikeEscape;
  currentTimestamp(): string;
  /** `sql` shifted by `amount` units (negative goes back). */
  addInterval(sql: string, amount: number, unit: IntervalUnit): string;
  castToDate(sql: string): string;
}

/**
 * The engine cannot express this SQL (e.g. a median on MySQL). The explore compiler reports it on the
 * field; elsewhere it is a ParameterError (400) naming what to change.
 */
export class UnsupportedSqlError extends ParameterError {}

export type LikeEscape = 'bang' | 'backslash';
export type TruncateUnit = 'MILLISECOND' | 'SECOND' | 'MINUTE' | 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export type IntervalUnit = TruncateUnit;
export type DatePart = 'DOW' | 'DAY' | 'DOY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR' | 'HOUR' | 'MINUTE';

/** A family builds its dialect from the week start (0 = Monday … 6 = Sunday, undefined = warehouse default). */
export type DialectFamily = (startOfWeek: number | undefined) => SemanticSqlDialect;

export const familyOf = (target: TargetDatabase): DialectFamily => {
  switch (target) {
    case 'postgres':
    case 'redshift':
      return postgresFamily;
    case 'duckdb':
      return duckdbFamily;
    case 'snowflake':
      return snowflakeFamily;
    case 'bigquery':
      return bigqueryFamily;
    case 'databricks':
      return databricksFamily;
    case 'trino':
    case 'athena':
      return trinoFamily;
    case 'clickhouse':
      return clickhouseFamily;
    case 'mysql':
      return mysqlFamily;
    default:
      return assertNever(target);
  }
};

export const createSemanticDialect = (
  target: TargetDatabase,
  startOfWeek?: number,
  overrides: Partial<SemanticSqlDialect> = {},
): SemanticSqlDialect => ({ ...familyOf(target)(startOfWeek), ...overrides });

/** The identifier quoting each target uses by default (embedded quote characters doubled). */
export const defaultQuote = (target: TargetDatabase): ((identifier: string) => string) => {
  const q = target === 'bigquery' || target === 'databricks' ? '`' : '"';
  return (identifier) => (identifier.includes(q) ? `${q}${identifier.split(q).join(q + q)}${q}` : `${q}${identifier}${q}`);
};

export const INTERVAL_UNIT_OF: Record<UnitOfTime, IntervalUnit> = {
  milliseconds: 'MILLISECOND',
  seconds: 'SECOND',
  minutes: 'MINUTE',
  hours: 'HOUR',
  days: 'DAY',
  weeks: 'WEEK',
  months: 'MONTH',
  quarters: 'QUARTER',
  years: 'YEAR',
};

/** The SQL of a time-interval child dimension, from its base dimension's SQL. */
export const timeFrameSql = (
  dialect: SemanticSqlDialect,
  frame: TimeFrame,
  sql: string,
  baseType: 'date' | 'timestamp',
): string => {
  switch (frame) {
    case 'RAW':
      return sql;
    case 'MILLISECOND':
    case 'SECOND':
    case 'MINUTE':
    case 'HOUR':
    case 'DAY':
    case 'WEEK':
    case 'MONTH':
    case 'QUARTER':
    case 'YEAR':
      return dialect.truncate(sql, frame, baseType);
    case 'DAY_OF_WEEK_INDEX':
      return dialect.datePart(sql, 'DOW', baseType);
    case 'DAY_OF_MONTH_NUM':
      return dialect.datePart(sql, 'DAY', baseType);
    case 'DAY_OF_YEAR_NUM':
      return dialect.datePart(sql, 'DOY', baseType);
    case 'WEEK_NUM':
      return dialect.datePart(sql, 'WEEK', baseType);
    case 'MONTH_NUM':
      return dialect.datePart(sql, 'MONTH', baseType);
    case 'QUARTER_NUM':
      return dialect.datePart(sql, 'QUARTER', baseType);
    case 'YEAR_NUM':
      return dialect.datePart(sql, 'YEAR', baseType);
    case 'HOUR_OF_DAY_NUM':
      return dialect.datePart(sql, 'HOUR', baseType);
    case 'MINUTE_OF_HOUR_NUM':
      return dialect.datePart(sql, 'MINUTE', baseType);
    case 'DAY_OF_WEEK_NAME':
      return dialect.dayName(sql, baseType);
    case 'MONTH_NAME':
      return dialect.monthName(sql, baseType);
    case 'QUARTER_NAME':
      return dialect.quarterName(sql, baseType);
    default:
      return assertNever(frame);
  }
};

/** Doubles single quotes; with `backslashes`, also escapes backslashes (BigQuery, Databricks, Snowflake…). */
export const quoteString = (value: string, backslashes: boolean): string => {
  const clean = value.replace(/\0/g, '');
  const escaped = backslashes ? clean.replace(/\\/g, '\\\\').replace(/'/g, "\\'") : clean.replace(/'/g, "''");
  return `'${escaped}'`;
};
