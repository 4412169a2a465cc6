import pg from 'pg';
import Cursor from 'pg-cursor';
import type { QueryControl } from '../execution/query-control.js';
import type { ResultCursor } from '../execution/result-cursor.js';
import { asConnectionError, WarehouseQueryError, type ResultColumn, type ResultRow } from '../warehouse-client.js';
import { columnTypeOf } from './postgres-types.js';

type Batch = { rows: ResultRow[]; fields: pg.FieldDef[] };

const toQueryError = (error: unknown): unknown =>
  error instanceof pg.DatabaseError ? new WarehouseQueryError(error.message, error.code) : error;

// While we hold a client its errors reach the running statement; this keeps a connection lost between statements from crashing the process.
const ignoreClientError = () => undefined;

/**
 * A server-side cursor (a named portal): each `next()` fetches one batch from PostgreSQL, so only a
 * batch is ever held. The first batch is fetched on opening, which is when PostgreSQL describes the
 * columns. A stopped query's connection is destroyed rather than pooled, so a late cancel can never
 * land on someone else's statement.
 */
class PostgresCursor implements ResultCursor {
  readonly columns: ResultColumn[] = [];
  private first: ResultRow[] | undefined;
  private failed = false;
  private pending: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly cursor: Cursor<ResultRow>,
    private readonly control: QueryControl,
    private readonly batchSize: number,
  ) {
    client.on('error', ignoreClientError);
  }

  /** Fetches the first batch, and with it the column descriptions. */
  async start(): Promise<void> {
    const { rows, fields } = await this.read();
    this.first = rows;
    this.columns.push(...fields.map((field) => ({ name: field.name, type: columnTypeOf(field.dataTypeID) })));
  }

  async next(): Promise<ResultRow[]> {
    const first = this.first;
    this.first = undefined;
    return first ?? (await this.read()).rows;
  }

  close(): Promise<void> {
    this.closing ??= this.end().catch(() => undefined);
    return this.closing;
  }

  private read(): Promise<Batch> {
    const reading = new Promise<Batch>((resolve, reject) => {
      this.cursor.read(this.batchSize, (error, rows, result) => {
        // A read past the end gets no result object.
        if (!error) return resolve({ rows, fields: result?.fields ?? [] });
        this.failed = true;
        reject(toQueryError(error));
      });
    });
    this.pending = reading.catch(() => undefined);
    return reading;
  }

  private async end(): Promise<void> {
    if (this.control.error) {
      await this.control.cancelled;
      return this.release(true);
    }
    await this.pending;
    // After an error pg-cursor has already ended the statement; the client queues whatever comes next.
    if (this.failed) return this.release(false);
    try {
      await this.cursor.close();
      this.release(false);
    } catch {
      this.release(true);
    }
  }

  private release(destroy: boolean): void {
    this.client.removeListener('error', ignoreClientError);
    this.client.release(destroy);
  }
}

export const openPostgresCursor = async (
  pool: pg.Pool,
  cancelBackend: (processId: number) => Promise<void>,
  sql: string,
  control: QueryControl,
  batchSize: number,
): Promise<ResultCursor> => {
  const client = await pool.connect().catch((error: unknown) => Promise.reject(asConnectionError(error)));
  const processId = (client as pg.PoolClient & { processID: number }).processID;
  try {
    control.setCanceller(() => cancelBackend(processId));
  } catch (stopped) {
    client.release();
    throw stopped;
  }
  const cursor = new PostgresCursor(client, client.query(new Cursor<ResultRow>(sql)), control, batchSize);
  try {
    await cursor.start();
    return cursor;
  } catch (error) {
    await cursor.close();
    throw error;
  }
};
