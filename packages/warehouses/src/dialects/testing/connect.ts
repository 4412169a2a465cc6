import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import pg from 'pg';

/**
 * How tests connect to each real engine — the one place that knows the drivers' connection options
 * and MariaDB's session settings. Each returns the driver's own handle, so callers keep choosing
 * their row shape (arrays or objects) and how values are decoded and normalised.
 */

export interface DuckdbSession {
  connection: DuckDBConnection;
  close(): Promise<void>;
}

/** DuckDB on a database file, read-only (many test files may share it); in memory when `file` is unset. */
export const connectDuckdb = async (file?: string): Promise<DuckdbSession> => {
  const instance = file === undefined ? await DuckDBInstance.create(':memory:') : await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  return {
    connection,
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

/** One PostgreSQL session. */
export const connectPostgres = async (url: string): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
};

/** What the caller decides about a MariaDB session: how mysql2 decodes values and the connection charset. */
export type MariadbDecoding = Pick<mysql.ConnectionOptions, 'dateStrings' | 'charset'>;

/**
 * The session settings of the production MySQL client (`mysql/mysql-client.ts`): UTC, exact long
 * GROUP_CONCAT lists (percentiles read them) and decimal division to 12 places instead of 4.
 */
export const MARIADB_SESSION_SQL = "SET SESSION time_zone = '+00:00', group_concat_max_len = 1073741824, div_precision_increment = 12";

/** One MariaDB session in UTC: mysql2 reads DATETIME/TIMESTAMP as UTC (unless `dateStrings` keeps them as text). */
export const connectMariadb = async (url: string, decoding: MariadbDecoding = {}): Promise<mysql.Connection> => {
  const connection = await mysql.createConnection({ uri: url, timezone: 'Z', ...decoding });
  try {
    await connection.query(MARIADB_SESSION_SQL);
  } catch (error) {
    await connection.end();
    throw error;
  }
  return connection;
};
