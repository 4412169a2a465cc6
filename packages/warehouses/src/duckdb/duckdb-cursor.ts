import type { DuckDBConnection, DuckDBResult, DuckDBType } from '@duckdb/node-api';
import { toColumnType } from '../column-types.js';
import type { QueryControl } from '../execution/query-control.js';
import type { ResultCursor } from '../execution/result-cursor.js';
import { WarehouseQueryError, type ResultColumn, type ResultRow } from '../warehouse-client.js';
import type { DuckDbConnectionPool } from './duckdb-connection-pool.js';
import { fromDuckDb } from './duckdb-values.js';

/** DuckDB raises plain Errors whose message starts with the error kind ("Catalog Error: …"). */
const toQueryError = (error: unknown): unknown => (error instanceof Error ? new WarehouseQueryError(error.message) : error);

/**
 * A DuckDB streaming result: each `next()` pulls vector chunks (2,048 rows at most each) until a
 * batch is full, so no more than a batch and a chunk are held. Stopping calls `interrupt()`; the
 * connection stays usable afterwards and goes back to the pool.
 */
class DuckDbCursor implements ResultCursor {
  readonly columns: ResultColumn[];
  private readonly names: string[];
  private readonly types: DuckDBType[];
  private carried: ResultRow[] = [];
  private exhausted = false;
  private pending: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pool: DuckDbConnectionPool,
    private readonly connection: DuckDBConnection,
    private readonly result: DuckDBResult,
    private readonly batchSize: number,
  ) {
    this.names = result.columnNames();
    this.types = result.columnTypes();
    this.columns = this.names.map((name, i) => ({ name, type: toColumnType(String(this.types[i])) }));
  }

  next(): Promise<ResultRow[]> {
    const reading = this.read();
    this.pending = reading.catch(() => undefined);
    return reading;
  }

  private async read(): Promise<ResultRow[]> {
    while (!this.exhausted && this.carried.length < this.batchSize) {
      const chunk = await this.result.fetchChunk().catch((error: unknown) => Promise.reject(toQueryError(error)));
      if (!chunk || chunk.rowCount === 0) {
        this.exhausted = true;
        break;
      }
      for (const values of chunk.getRows()) {
        const row: ResultRow = {};
        values.forEach((value, i) => (row[this.names[i]!] = fromDuckDb(value, this.types[i]!)));
        this.carried.push(row);
      }
    }
    return this.carried.splice(0, this.batchSize);
  }

  close(): Promise<void> {
    // The next statement on the connection discards an unfinished streaming result.
    this.closing ??= this.pending.then(() => this.pool.release(this.connection)).catch(() => undefined);
    return this.closing;
  }
}

export const openDuckDbCursor = async (
  pool: DuckDbConnectionPool,
  sql: string,
  control: QueryControl,
  batchSize: number,
): Promise<ResultCursor> => {
  const connection = await pool.acquire();
  try {
    control.setCanceller(() => connection.interrupt());
  } catch (stopped) {
    pool.release(connection);
    throw stopped;
  }
  try {
    return new DuckDbCursor(pool, connection, await connection.stream(sql), batchSize);
  } catch (error) {
    pool.release(connection);
    throw toQueryError(error);
  }
};
