import type { TargetDatabase } from '@tessera/core';
import type { DialectName } from './dialects.js';

/**
 * What differs between engines when building queries. `queryDialect()` branches on these, never
 * on the engine's name (see README.md for the sources).
 */
export interface QueryFlags {
  /** The explore compiler's template family for the engine. */
  target: TargetDatabase;
  /**
   * How LIKE's `%`, `_` are matched literally: `bang` — `LIKE … ESCAPE '!'` (`!` is plain text to
   * every string lexer, so nothing is escaped twice); `backslash` — no ESCAPE clause, `\` escapes in
   * the pattern and the string literal renderer doubles it where the lexer needs it.
   */
  likeEscape: 'bang' | 'backslash';
  /** `(a || b)`, or `CONCAT(a, b)` where `||` is not concatenation (MySQL) or is not documented. */
  concat: 'operator' | 'function';
  floatType: string;
  stringType: string;
  integerType: string;
  /** How a UTC wall-clock timestamp becomes wall-clock time in a zone (`z` is the zone's string literal). */
  convertTimezone: (x: string, z: string) => string;
  /** `IS NOT DISTINCT FROM`, MySQL's `<=>`, or spelled out with IS NULL where neither exists. */
  nullSafeEquals: 'distinct' | 'spaceship' | 'expanded';
}

export const QUERY_FLAGS: Record<DialectName, QueryFlags> = {
  duckdb: { target: 'duckdb', likeEscape: 'bang', concat: 'operator', floatType: 'DOUBLE', stringType: 'VARCHAR', integerType: 'BIGINT', convertTimezone: (x, z) => `((${x}) AT TIME ZONE 'UTC' AT TIME ZONE ${z})`, nullSafeEquals: 'distinct' },
  postgres: { target: 'postgres', likeEscape: 'bang', concat: 'operator', floatType: 'DOUBLE PRECISION', stringType: 'VARCHAR', integerType: 'BIGINT', convertTimezone: (x, z) => `((${x}) AT TIME ZONE 'UTC' AT TIME ZONE ${z})`, nullSafeEquals: 'distinct' },
  // VARCHAR alone is VARCHAR(256) on Redshift; IS [NOT] DISTINCT FROM is not supported.
  redshift: { target: 'redshift', likeEscape: 'bang', concat: 'operator', floatType: 'DOUBLE PRECISION', stringType: 'VARCHAR(MAX)', integerType: 'BIGINT', convertTimezone: (x, z) => `CONVERT_TIMEZONE('UTC', ${z}, ${x})`, nullSafeEquals: 'expanded' },
  snowflake: { target: 'snowflake', likeEscape: 'bang', concat: 'operator', floatType: 'DOUBLE', stringType: 'VARCHAR', integerType: 'BIGINT', convertTimezone: (x, z) => `CONVERT_TIMEZONE('UTC', ${z}, ${x})`, nullSafeEquals: 'distinct' },
  bigquery: { target: 'bigquery', likeEscape: 'backslash', concat: 'function', floatType: 'FLOAT64', stringType: 'STRING', integerType: 'INT64', convertTimezone: (x, z) => `DATETIME(TIMESTAMP(${x}), ${z})`, nullSafeEquals: 'distinct' },
  databricks: { target: 'databricks', likeEscape: 'bang', concat: 'function', floatType: 'DOUBLE', stringType: 'STRING', integerType: 'BIGINT', convertTimezone: (x, z) => `FROM_UTC_TIMESTAMP(${x}, ${z})`, nullSafeEquals: 'distinct' },
  trino: { target: 'trino', likeEscape: 'bang', concat: 'operator', floatType: 'DOUBLE', stringType: 'VARCHAR', integerType: 'BIGINT', convertTimezone: (x, z) => `CAST(WITH_TIMEZONE(${x}, 'UTC') AT TIME ZONE ${z} AS TIMESTAMP)`, nullSafeEquals: 'distinct' },
  athena: { target: 'athena', likeEscape: 'bang', concat: 'operator', floatType: 'DOUBLE', stringType: 'VARCHAR', integerType: 'BIGINT', convertTimezone: (x, z) => `CAST(WITH_TIMEZONE(${x}, 'UTC') AT TIME ZONE ${z} AS TIMESTAMP)`, nullSafeEquals: 'distinct' },
  // `<=>` only works in JOIN ON on ClickHouse (issue ClickHouse#86763).
  clickhouse: { target: 'clickhouse', likeEscape: 'backslash', concat: 'function', floatType: 'Float64', stringType: 'String', integerType: 'Int64', convertTimezone: (x, z) => `toTimeZone(${x}, ${z})`, nullSafeEquals: 'expanded' },
  mysql: { target: 'mysql', likeEscape: 'bang', concat: 'function', floatType: 'DOUBLE', stringType: 'CHAR', integerType: 'SIGNED', convertTimezone: (x, z) => `CONVERT_TZ(${x}, '+00:00', ${z})`, nullSafeEquals: 'spaceship' },
  mariadb: { target: 'mysql', likeEscape: 'bang', concat: 'function', floatType: 'DOUBLE', stringType: 'CHAR', integerType: 'SIGNED', convertTimezone: (x, z) => `CONVERT_TZ(${x}, '+00:00', ${z})`, nullSafeEquals: 'spaceship' },
};
