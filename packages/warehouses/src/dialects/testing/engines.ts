import type { DialectName } from '../dialects.js';
import { connectDuckdb, connectMariadb, connectPostgres } from './connect.js';

/** A connection for tests: every row of a query, as arrays. */
export interface EngineSession {
  query(sql: string): Promise<{ columns: string[]; rows: unknown[][] }>;
  rows(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

const session = (query: EngineSession['query'], close: EngineSession['close']): EngineSession => ({
  query,
  rows: async (sql) => (await query(sql)).rows,
  close,
});

/** A real engine the dialect tests run SQL on. */
export interface TestEngine {
  name: 'duckdb' | 'postgres' | 'mariadb';
  dialect: DialectName;
  /** The engine's cast-to-text type. */
  text: string;
  open(): Promise<EngineSession>;
}

export const duckdbEngine: TestEngine = {
  name: 'duckdb',
  dialect: 'duckdb',
  text: 'VARCHAR',
  async open() {
    const { connection, close } = await connectDuckdb();
    return session(async (sql) => {
      const r = await connection.runAndReadAll(sql);
      return { columns: r.columnNames(), rows: r.getRows() as unknown[][] };
    }, close);
  },
};

export const postgresEngine = (url: string): TestEngine => ({
  name: 'postgres',
  dialect: 'postgres',
  text: 'VARCHAR',
  async open() {
    const client = await connectPostgres(url);
    return session(
      async (sql) => {
        const r = await client.query({ text: sql, rowMode: 'array' });
        return { columns: r.fields.map((f) => f.name), rows: r.rows as unknown[][] };
      },
      () => client.end(),
    );
  },
});

export const mariadbEngine = (url: string): TestEngine => ({
  name: 'mariadb',
  dialect: 'mariadb',
  text: 'CHAR',
  async open() {
    const c = await connectMariadb(url, { charset: 'utf8mb4', dateStrings: true });
    return session(
      async (sql) => {
        const [rows, fields] = await c.query({ sql, rowsAsArray: true });
        return { columns: fields.map((f) => f.name), rows: rows as unknown[][] };
      },
      () => c.end(),
    );
  },
});

/** DuckDB always; PostgreSQL when DATABASE_URL is set; MariaDB when MARIADB_URL is set. */
export const testEngines = (env: NodeJS.ProcessEnv = process.env): TestEngine[] => [
  duckdbEngine,
  ...(env.DATABASE_URL ? [postgresEngine(env.DATABASE_URL)] : []),
  ...(env.MARIADB_URL ? [mariadbEngine(env.MARIADB_URL)] : []),
];
