import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, type SqlLanguage } from 'sql-formatter';
import { expect } from 'vitest';
import type { DialectName } from '../dialects.js';

/** sql-formatter's language for each dialect (Athena is Trino SQL, Databricks is Spark SQL). */
const LANGUAGE: Record<DialectName, SqlLanguage> = {
  duckdb: 'duckdb',
  postgres: 'postgresql',
  redshift: 'redshift',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'spark',
  trino: 'trino',
  athena: 'trino',
  clickhouse: 'clickhouse',
  mysql: 'mysql',
  mariadb: 'mariadb',
};

/** SQL formatted for reading in a diff: upper-case keywords, two-space indent. */
export const formatSql = (sql: string, dialect: DialectName): string =>
  `${format(sql, { language: LANGUAGE[dialect], keywordCase: 'upper', tabWidth: 2, linesBetweenQueries: 1 })}\n`;

/**
 * Compares `sql`, formatted, with the golden file; with `UPDATE_GOLDEN=1` in the environment,
 * (re)writes the file instead. A missing golden file fails the test (run once with UPDATE_GOLDEN=1).
 */
export const expectGolden = (file: string | URL, sql: string, dialect: DialectName): void => {
  const path = typeof file === 'string' ? file : fileURLToPath(file);
  const formatted = formatSql(sql, dialect);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, formatted);
    return;
  }
  if (!existsSync(path)) throw new Error(`Golden file ${path} is missing: run the test with UPDATE_GOLDEN=1 to create it`);
  expect(formatted, `golden file ${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
};
