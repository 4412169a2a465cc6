import { DuckDBInstance } from '@duckdb/node-api';
import type { QueryDialect } from '@tessera/core';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { queryDialect } from '../dialects/index.js';

/**
 * The engines the filter tests run on, through their drivers on one connection each (so TEMPORARY
 * tables live for the whole test file). The column types differ per engine; everything else is
 * the same SQL. DuckDB always; PostgreSQL with DATABASE_URL; MariaDB with MARIADB_URL.
 */
export type ColumnKind = 'id' | 'string' | 'number' | 'date' | 'timestamp' | 'boolean';

export interface TestEngine {
  name: string;
  dialect: QueryDialect;
  /** CREATE TABLE prefix for a table that lives as long as the connection. */
  createTable: string;
  columnType: Record<ColumnKind, string>;
  exec(sql: string): Promise<void>;
  /** Rows as arrays, in column order. */
  rows(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

export const openDuckDb = async (): Promise<TestEngine> => {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    name: 'duckdb',
    dialect: queryDialect('duckdb'),
    createTable: 'CREATE TABLE',
    columnType: { id: 'INTEGER', string: 'VARCHAR', number: 'DOUBLE', date: 'DATE', timestamp: 'TIMESTAMP', boolean: 'BOOLEAN' },
    async exec(sql) {
      await connection.run(sql);
    },
    async rows(sql) {
      return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

export const openPostgres = async (url: string): Promise<TestEngine> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET TIME ZONE 'UTC'`);
  return {
    name: 'postgres',
    dialect: queryDialect('postgres'),
    createTable: 'CREATE TEMPORARY TABLE',
    columnType: { id: 'integer', string: 'text', number: 'double precision', date: 'date', timestamp: 'timestamp(3)', boolean: 'boolean' },
    async exec(sql) {
      await client.query(sql);
    },
    async rows(sql) {
      return (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][];
    },
    close: () => client.end(),
  };
};

export const openMariaDb = async (url: string): Promise<TestEngine> => {
  const connection = await mysql.createConnection({ uri: url, charset: 'utf8mb4', timezone: 'Z', dateStrings: true });
  await connection.query(`SET time_zone = '+00:00'`);
  return {
    name: 'mariadb',
    dialect: queryDialect('mysql'),
    createTable: 'CREATE TEMPORARY TABLE',
    columnType: {
      id: 'INT',
      // Binary, no-pad: `=` and LIKE compare exactly, as on the other engines (the default collation ignores case and trailing spaces).
      string: 'TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin',
      number: 'DOUBLE',
      date: 'DATE',
      timestamp: 'DATETIME(3)',
      boolean: 'BOOLEAN',
    },
    async exec(sql) {
      await connection.query(sql);
    },
    async rows(sql) {
      const [rows] = await connection.query({ sql, rowsAsArray: true });
      return rows as unknown[][];
    },
    close: () => connection.end(),
  };
};

/** Every engine this run can reach, each a factory so a suite opens only its own. */
export const availableEngines = (options: { mariadb: boolean } = { mariadb: true }): { name: string; open: () => Promise<TestEngine> }[] => {
  const engines = [{ name: 'duckdb', open: openDuckDb }];
  const postgresUrl = process.env.DATABASE_URL;
  if (postgresUrl) engines.push({ name: 'postgres', open: () => openPostgres(postgresUrl) });
  const mariadbUrl = process.env.MARIADB_URL;
  if (options.mariadb && mariadbUrl) engines.push({ name: 'mariadb', open: () => openMariaDb(mariadbUrl) });
  return engines;
};

/** `CASE WHEN` columns per query: well under PostgreSQL's 1,664 select-list entries. */
const BATCH = 150;

/**
 * For each condition, the ids of the rows of `table` it keeps, asked in batches of
 * `SELECT id, CASE WHEN <condition> THEN 1 ELSE 0 END, … FROM table`.
 */
export const matchingIds = async (engine: TestEngine, table: string, conditions: readonly string[]): Promise<number[][]> => {
  const result: number[][] = [];
  for (let start = 0; start < conditions.length; start += BATCH) {
    const batch = conditions.slice(start, start + BATCH);
    const columns = batch.map((condition, i) => `CASE WHEN ${condition} THEN 1 ELSE 0 END AS c${i}`);
    const rows = await engine.rows(`SELECT id, ${columns.join(', ')} FROM ${table} ORDER BY id`);
    for (let i = 0; i < batch.length; i++) {
      result.push(rows.filter((row) => Number(row[i + 1]) === 1).map((row) => Number(row[0])));
    }
  }
  return result;
};

/** The engine's own UPPER() of each text, so case-insensitive expectations use the engine's Unicode folding. */
export const engineUpper = async (engine: TestEngine, texts: Iterable<string>): Promise<Map<string, string>> => {
  const distinct = [...new Set(texts)];
  const upper = new Map<string, string>();
  for (let start = 0; start < distinct.length; start += BATCH) {
    const batch = distinct.slice(start, start + BATCH);
    // Prefixed: the DuckDB driver decodes with TextDecoder, which drops a leading U+FEFF from every string it reads.
    const columns = batch.map((text) => engine.dialect.concat([`'x'`, `UPPER(${engine.dialect.literal({ type: 'string', value: text })})`]));
    const [row] = await engine.rows(`SELECT ${columns.join(', ')}`);
    batch.forEach((text, i) => upper.set(text, String(row![i]).slice(1)));
  }
  return upper;
};
