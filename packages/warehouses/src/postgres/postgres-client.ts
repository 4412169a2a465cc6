import pg from 'pg';
import { toColumnType } from '../column-types.js';
import { runQuery, streamQuery } from '../execution/result-cursor.js';
import {
  catalogKey,
  type Catalog,
  type QueryOptions,
  type QueryResult,
  type Relation,
  type StreamedResult,
  type WarehouseClient,
} from '../warehouse-client.js';
import { openPostgresCursor } from './postgres-cursor.js';
import { postgresTypes } from './postgres-types.js';

export type PostgresConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
  dbname: string;
  sslmode?: string | undefined;
};

/**
 * The server-side backstop for a statement: queries are timed and cancelled from here (per query),
 * but if this process dies PostgreSQL still ends them after this long.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 310_000;

/** How long the side connection that cancels a statement may take to connect. */
const CANCEL_CONNECT_TIMEOUT_MS = 10_000;

/**
 * PostgreSQL through a `pg` pool with the client's own type parsers (postgres-types.ts). Relation
 * names reach the catalog query only as bound arrays. A statement is cancelled with
 * `pg_cancel_backend` from a separate, unpooled connection, so a full pool cannot block its own cancel.
 */
export class PostgresClient implements WarehouseClient {
  readonly type = 'postgres';
  private readonly config: pg.ClientConfig;
  private readonly pool: pg.Pool;

  constructor(connection: PostgresConnection, options: { statementTimeoutMs?: number } = {}) {
    this.config = {
      host: connection.host,
      port: connection.port,
      user: connection.user,
      password: connection.password,
      database: connection.dbname,
      types: postgresTypes,
      ...(connection.sslmode && connection.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: connection.sslmode === 'verify-full' } } : {}),
    };
    this.pool = new pg.Pool({ ...this.config, max: 5, statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS });
    // An idle connection the server drops is removed by the pool; without a listener it would crash the process.
    this.pool.on('error', () => undefined);
  }

  async test(): Promise<void> {
    await this.pool.query('select 1');
  }

  async catalog(relations: readonly Relation[]): Promise<Catalog> {
    const catalog: Catalog = new Map();
    if (relations.length === 0) return catalog;
    const result = await this.pool.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
      `select c.table_schema, c.table_name, c.column_name, c.data_type
         from information_schema.columns c
         join unnest($1::text[], $2::text[]) as wanted(schema_name, table_name)
           on lower(c.table_schema) = lower(wanted.schema_name) and lower(c.table_name) = lower(wanted.table_name)
        order by c.table_schema, c.table_name, c.ordinal_position`,
      [relations.map((r) => r.schema), relations.map((r) => r.name)],
    );
    for (const row of result.rows) {
      const key = catalogKey(row.table_schema, row.table_name);
      if (!catalog.has(key)) catalog.set(key, new Map());
      catalog.get(key)!.set(row.column_name.toLowerCase(), toColumnType(row.data_type));
    }
    return catalog;
  }

  run(sql: string, options: QueryOptions & { maxRows?: number | undefined } = {}): Promise<QueryResult> {
    return runQuery((control, batchSize) => openPostgresCursor(this.pool, this.cancelBackend, sql, control, batchSize), options);
  }

  stream(sql: string, options: QueryOptions & { batchSize?: number | undefined } = {}): Promise<StreamedResult> {
    return streamQuery((control, batchSize) => openPostgresCursor(this.pool, this.cancelBackend, sql, control, batchSize), options);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private readonly cancelBackend = async (processId: number): Promise<void> => {
    const canceller = new pg.Client({ ...this.config, connectionTimeoutMillis: CANCEL_CONNECT_TIMEOUT_MS });
    canceller.on('error', () => undefined);
    try {
      await canceller.connect();
      await canceller.query('select pg_cancel_backend($1)', [processId]);
    } finally {
      await canceller.end();
    }
  };
}
