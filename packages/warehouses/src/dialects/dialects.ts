import { createDialect, type SqlDialect } from './sql-dialect.js';

/**
 * One dialect per engine, each the ANSI default plus what its lexer does differently
 * (see README.md for the sources of each flag).
 */
export const duckdbDialect = createDialect('duckdb');
export const postgresDialect = createDialect('postgres');
export const trinoDialect = createDialect('trino');
/** Athena DML is Trino/Presto SQL (backticks are only for its Hive DDL). */
export const athenaDialect = createDialect('athena');

/** Redshift (PostgreSQL 8.0 lineage) reads `\` in strings as an escape: its docs write LIKE's escape as '\\'. */
export const redshiftDialect = createDialect('redshift', { flags: { backslashEscapesInStrings: true } });

/** Snowflake reads `\` escapes in '…' strings; `TIMESTAMP` may map to LTZ per session, so say NTZ. */
export const snowflakeDialect = createDialect('snowflake', {
  flags: { backslashEscapesInStrings: true },
  hooks: { timestamp: (utc) => `'${utc}'::TIMESTAMP_NTZ` },
});

/**
 * MySQL and MariaDB, assuming the default sql_mode (no NO_BACKSLASH_ESCAPES). Quotes are doubled,
 * not `\'`, so that a server that does run NO_BACKSLASH_ESCAPES sees extra backslashes, not an open string.
 */
export const mysqlDialect = createDialect('mysql', {
  flags: { identifierQuote: '`', backslashEscapesInStrings: true },
});

/** BigQuery: `''` is not an escape, '…' may not span lines, and quoted identifiers take string escapes. */
export const bigqueryDialect = createDialect('bigquery', {
  flags: {
    identifierQuote: '`',
    identifierEscape: 'backslash',
    backslashEscapesInStrings: true,
    stringQuoteEscape: 'backslash',
    escapeControlCharacters: true,
  },
});

/** Databricks (Spark SQL): `''` would concatenate two literals, so quotes are `\'`; TIMESTAMP is session-zoned, NTZ is not. */
export const databricksDialect = createDialect('databricks', {
  flags: { identifierQuote: '`', backslashEscapesInStrings: true, stringQuoteEscape: 'backslash' },
  hooks: { timestamp: (utc) => `TIMESTAMP_NTZ '${utc}'` },
});

/** ClickHouse: backslash escapes in strings and quoted identifiers; no typed DATE '…' literal. */
export const clickhouseDialect = createDialect('clickhouse', {
  flags: { identifierEscape: 'backslash', backslashEscapesInStrings: true },
  hooks: {
    date: (day) => `toDate('${day}')`,
    timestamp: (utc) => `toDateTime64('${utc}', 3, 'UTC')`,
  },
});

export const DIALECTS = {
  duckdb: duckdbDialect,
  postgres: postgresDialect,
  redshift: redshiftDialect,
  snowflake: snowflakeDialect,
  bigquery: bigqueryDialect,
  databricks: databricksDialect,
  trino: trinoDialect,
  athena: athenaDialect,
  clickhouse: clickhouseDialect,
  mysql: mysqlDialect,
  mariadb: mysqlDialect,
} as const satisfies Record<string, SqlDialect>;

export type DialectName = keyof typeof DIALECTS;
