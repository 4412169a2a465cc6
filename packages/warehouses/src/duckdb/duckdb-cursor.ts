import type { DuckDBConnection, DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import { toColumnType } from '../column-types.js';
import type { QueryControl } from '../execution/query-control.js';
import type { ResultCursor } from '../execution/result-cursor.js';
import { WarehouseQueryError, type ResultColumn, type ResultRow } from '../warehouse-client.js';
import type { DuckDbConnectionPool } from './duckdb-connection-pool.js';
import { columnReader, type ColumnReader } from './duckdb-column-reader.js';

/** DuckDB raises plain Errors whose message starts with the error kind ("Catalog Error: …"). */
const toQueryError = (error: unknown): unknown => (error instanceof Error ? new WarehouseQueryError(error.message) : error);

/**
 * A DuckDB streaming result: each `next()` pulls vector chunks (2,048 rows at most each) until a
 * batch is full, so no more than a batch and a chunk are held. A chunk is read column by column,
 * each with the reader of its type (the hot loop of large results and exports), and the next
 * chunk is asked for before reading one, so DuckDB computes it meanwhile. Stopping calls
 * `interrupt()`; the connection stays usable afterwards and goes back to the pool.
 */
class DuckDbCursor implements ResultCursor {
  readonly columns: ResultColumn[];
  private readonly names: string[];
  private readonly readers: ColumnReader[];
  private readonly template: ResultRow;
  private carried: ResultRow[] = [];
  private exhausted = false;
  private pending: Promise<unknown> = Promise.resolve();
  /** The chunk after the last one read, asked for at once so DuckDB computes it while JS converts. */
  private ahead: Promise<DuckDBDataChunk | null> | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pool: DuckDbConnectionPool,
    private readonly connection: DuckDBConnection,
    private readonly result: DuckDBResult,
    private readonly batchSize: number,
  ) {
    this.names = result.columnNames();
    const types = result.columnTypes();
    this.readers = types.map(columnReader);
    this.template = Object.fromEntries(this.names.map((name) => [name, null]));
    this.columns = this.names.map((name, i) => ({ name, type: toColumnType(String(types[i])) }));
  }

  next(): Promise<ResultRow[]> {
    const reading = this.read();
    this.pending = reading.catch(() => undefined);
    return reading;
  }

  private async read(): Promise<ResultRow[]> {
    while (!this.exhausted && this.carried.length < this.batchSize) {
      const chunk = await (this.ahead ?? this.fetch());
      this.ahead = undefined;
      if (!chunk || chunk.rowCount === 0) {
        this.exhausted = true;
        break;
      }
      this.ahead = this.fetch();
      this.carried.push(...this.rowsOf(chunk));
    }
    return this.carried.splice(0, this.batchSize);
  }

  private fetch(): Promise<DuckDBDataChunk | null> {
    const fetching = this.result.fetchChunk().catch((error: unknown) => Promise.reject(toQueryError(error)));
    // Awaited by the next read; handled here too, so a stop between reads is not an unhandled rejection.
    fetching.catch(() => undefined);
    return fetching;
  }

  private rowsOf(chunk: DuckDBDataChunk): ResultRow[] {
    const count = chunk.rowCount;
    const rows = new Array<ResultRow>(count);
    // Rows start as copies of one object holding every column, so they all share one shape and the
    // readers only overwrite existing properties (a column named `__proto__` stays an own property).
    for (let r = 0; r < count; r++) rows[r] = { ...this.template };
    for (let c = 0; c < this.names.length; c++) this.readers[c]!(chunk, c, rows, this.names[c]!);
    return rows;
  }

  close(): Promise<void> {
    // The next statement on the connection discards an unfinished streaming result; the chunk read
    // ahead must have arrived before the connection is given back.
    this.closing ??= this.pending
      .then(() => this.ahead)
      .catch(() => undefined)
      .then(() => this.pool.release(this.connection))
      .catch(() => undefined);
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
