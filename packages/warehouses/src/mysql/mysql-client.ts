import mysql from 'mysql2/promise';
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
import { openMySqlCursor } from './mysql-cursor.js';
import { typeCast } from './mysql-types.js';

export type MySqlConnection = {
  host: string;
  port: number;
  user: string;
  password: string;
  dbname: string;
  /** `disable` (default) or unset: no TLS; `verify-full`: verify the certificate; anything else: TLS without verification. */
  sslmode?: string | undefined;
};

type ColumnRow = { table_schema: string; table_name: string; column_name: string; column_type: string };

/**
 * MySQL / MariaDB through a `mysql2` pool. In MySQL the "schema" of a relation is the database, so
 * the catalog spans every database the user can see. Relation names reach SQL only as bound
 * parameters (the statement holds just `?` placeholders) and match case-insensitively.
 * Types come from `column_type` (not `data_type`) so `tinyint(1)` — MySQL's `boolean` — is told apart.
 *
 * Sessions run in UTC (`time_zone = '+00:00'`, with GROUP_CONCAT and division settings noted below) and mysql2 reads DATETIME/TIMESTAMP as UTC, DATE as
 * its text, DECIMAL as a number and BIGINT as a number (digits past 2^53). A statement is stopped
 * with `KILL QUERY` from a separate, unpooled connection, so a full pool cannot block its own cancel.
 */
export class MySqlClient implements WarehouseClient {
  readonly type = 'mysql';
  private readonly config: mysql.ConnectionOptions;
  private readonly pool: mysql.Pool;

  constructor(connection: MySqlConnection) {
    this.config = {
      host: connection.host,
      port: connection.port,
      user: connection.user,
      password: connection.password,
      database: connection.dbname,
      ...(connection.sslmode && connection.sslmode !== 'disable' ? { ssl: { rejectUnauthorized: connection.sslmode === 'verify-full' } } : {}),
    };
    this.pool = mysql.createPool({
      ...this.config,
      connectionLimit: 5,
      timezone: 'Z',
      dateStrings: ['DATE'],
      supportBigNumbers: true,
      decimalNumbers: true,
      typeCast,
    });
    // Queued ahead of any statement on the new connection; one that cannot switch to UTC is not used.
    this.pool.pool.on('connection', (connection) => {
      // UTC; exact long GROUP_CONCAT lists (the percentile aggregates read them); decimal division
      // to 12 places rather than MySQL's default 4 (ratios agree with the other engines).
      connection.query(
        "set time_zone = '+00:00', group_concat_max_len = 1073741824, div_precision_increment = 12",
        (error) => error && connection.destroy(),
      );
    });
  }

  async test(): Promise<void> {
    await this.pool.query('select 1');
  }

  async catalog(relations: readonly Relation[]): Promise<Catalog> {
    const catalog: Catalog = new Map();
    if (relations.length === 0) return catalog;
    const wanted = relations.map(() => '(lower(table_schema) = lower(?) and lower(table_name) = lower(?))').join(' or ');
    const [rows] = await this.pool.execute<(ColumnRow & mysql.RowDataPacket)[]>(
      `select table_schema as table_schema, table_name as table_name, column_name as column_name, column_type as column_type
         from information_schema.columns
        where ${wanted}
        order by table_schema, table_name, ordinal_position`,
      relations.flatMap((r) => [r.schema, r.name]),
    );
    for (const row of rows) {
      const key = catalogKey(row.table_schema, row.table_name);
      if (!catalog.has(key)) catalog.set(key, new Map());
      catalog.get(key)!.set(row.column_name.toLowerCase(), toColumnType(row.column_type));
    }
    return catalog;
  }

  run(sql: string, options: QueryOptions & { maxRows?: number | undefined } = {}): Promise<QueryResult> {
    return runQuery((control, batchSize) => openMySqlCursor(this.pool.pool, this.killQuery, sql, control, batchSize), options);
  }

  stream(sql: string, options: QueryOptions & { batchSize?: number | undefined } = {}): Promise<StreamedResult> {
    return streamQuery((control, batchSize) => openMySqlCursor(this.pool.pool, this.killQuery, sql, control, batchSize), options);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private readonly killQuery = async (threadId: number): Promise<void> => {
    const killer = await mysql.createConnection({ ...this.config, connectTimeout: 10_000 });
    try {
      await killer.query('KILL QUERY ?', [threadId]);
    } finally {
      await killer.end();
    }
  };
}
