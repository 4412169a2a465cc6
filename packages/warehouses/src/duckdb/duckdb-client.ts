import { DuckDBInstance } from '@duckdb/node-api';
import { toColumnType } from '../column-types.js';
import { runQuery, streamQuery } from '../execution/result-cursor.js';
import {
  catalogKey,
  type Catalog,
  type CsvExportRequest,
  type CsvExportResult,
  type QueryOptions,
  type QueryResult,
  type Relation,
  type StreamedResult,
  type WarehouseClient,
} from '../warehouse-client.js';
import { DuckDbConnectionPool } from './duckdb-connection-pool.js';
import { openDuckDbCursor } from './duckdb-cursor.js';
import { exportDuckDbCsv } from './duckdb-csv-export.js';

/**
 * DuckDB: one instance per database file for the life of the process (opening a file per query
 * would be slow and would fight over its lock), shared by every client of that file.
 */
const instances = new Map<string, Promise<DuckDBInstance>>();

const instanceFor = (file: string): Promise<DuckDBInstance> => {
  let instance = instances.get(file);
  if (!instance) {
    instance = DuckDBInstance.create(file, { access_mode: file === ':memory:' ? 'READ_WRITE' : 'READ_ONLY' });
    instances.set(file, instance);
    instance.catch(() => instances.delete(file));
  }
  return instance;
};

/**
 * Connections per client. Each running statement holds one of libuv's 4 worker threads (DuckDB
 * parallelises the statement itself on its own threads), so 3 leaves one for file and DNS work.
 */
const POOL_SIZE = 3;

export class DuckDbClient implements WarehouseClient {
  readonly type = 'duckdb';
  private readonly pool: DuckDbConnectionPool;

  constructor(file: string) {
    this.pool = new DuckDbConnectionPool(() => instanceFor(file), POOL_SIZE);
  }

  async test(): Promise<void> {
    await this.run('select 1');
  }

  async catalog(relations: readonly Relation[]): Promise<Catalog> {
    const catalog: Catalog = new Map();
    if (relations.length === 0) return catalog;
    const wanted = new Set(relations.map((r) => catalogKey(r.schema, r.name)));
    const connection = await this.pool.acquire();
    try {
      const result = await connection.runAndReadAll(
        'select table_schema, table_name, column_name, data_type from information_schema.columns order by table_schema, table_name, ordinal_position',
      );
      for (const [schema, table, column, dataType] of result.getRows() as [string, string, string, string][]) {
        const key = catalogKey(schema, table);
        if (!wanted.has(key)) continue;
        if (!catalog.has(key)) catalog.set(key, new Map());
        catalog.get(key)!.set(column.toLowerCase(), toColumnType(dataType));
      }
      return catalog;
    } finally {
      this.pool.release(connection);
    }
  }

  run(sql: string, options: QueryOptions & { maxRows?: number | undefined } = {}): Promise<QueryResult> {
    return runQuery((control, batchSize) => openDuckDbCursor(this.pool, sql, control, batchSize), options);
  }

  stream(sql: string, options: QueryOptions & { batchSize?: number | undefined } = {}): Promise<StreamedResult> {
    return streamQuery((control, batchSize) => openDuckDbCursor(this.pool, sql, control, batchSize), options);
  }

  exportCsv(request: CsvExportRequest): Promise<CsvExportResult | undefined> {
    return exportDuckDbCsv(this.pool, request);
  }

  async close(): Promise<void> {
    this.pool.close();
  }
}
