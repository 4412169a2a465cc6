import type { Readable } from 'node:stream';
import type { FieldPacket, Pool, PoolConnection } from 'mysql2';
import type { QueryControl } from '../execution/query-control.js';
import type { ResultCursor } from '../execution/result-cursor.js';
import { asConnectionError, WarehouseQueryError, type ResultColumn, type ResultRow } from '../warehouse-client.js';
import { columnTypeOf } from './mysql-types.js';

/** Errors the server sent carry an SQLSTATE; anything else (a lost connection…) passes through. */
const toQueryError = (error: unknown): unknown =>
  error instanceof Error && 'sqlState' in error ? new WarehouseQueryError(error.message, (error as { code?: string }).code) : error;

const ignore = () => undefined;

/**
 * A streamed MySQL/MariaDB result: mysql2 pauses the socket while `batchSize` rows wait unread, so
 * only a batch or so is held. The protocol cannot skip the rest of a result, so a result left
 * early — by a stop or by the reader — has its statement killed (`KILL QUERY`) and its connection
 * destroyed rather than pooled.
 */
class MySqlCursor implements ResultCursor {
  readonly columns: ResultColumn[];
  private readonly rows: AsyncIterator<ResultRow>;
  private exhausted = false;
  private failed = false;
  private connectionLost = false;
  private pending: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly connection: PoolConnection,
    private readonly stream: Readable,
    fields: FieldPacket[] | undefined,
    private readonly control: QueryControl,
    private readonly batchSize: number,
    private readonly killQuery: () => Promise<void>,
  ) {
    this.columns = (fields ?? []).map((field) => ({ name: field.name, type: columnTypeOf(field) }));
    this.rows = stream[Symbol.asyncIterator]();
    // A statement without a result set sends an OK packet, not rows: read past it.
    this.exhausted = fields === undefined;
  }

  next(): Promise<ResultRow[]> {
    const reading = this.read();
    this.pending = reading.catch(() => undefined);
    return reading;
  }

  private async read(): Promise<ResultRow[]> {
    const batch: ResultRow[] = [];
    try {
      while (!this.exhausted && batch.length < this.batchSize) {
        const { done, value } = await this.rows.next();
        if (done) this.exhausted = true;
        else batch.push(value);
      }
    } catch (error) {
      this.failed = true;
      this.connectionLost = (error as { fatal?: boolean }).fatal === true;
      throw toQueryError(error);
    }
    return batch;
  }

  close(): Promise<void> {
    this.closing ??= this.end().catch(() => undefined);
    return this.closing;
  }

  private async end(): Promise<void> {
    if (this.control.error) {
      await this.control.cancelled;
      return this.connection.destroy();
    }
    await this.pending;
    if (this.failed) return this.connectionLost ? this.connection.destroy() : this.connection.release();
    if (!this.exhausted && !this.stream.readableEnded) {
      await this.killQuery().catch(ignore);
      return this.connection.destroy();
    }
    // A statement without a result set leaves its OK packet unread; letting it through resumes the
    // socket mysql2 may have paused for it.
    this.stream.resume();
    this.connection.release();
  }
}

export const openMySqlCursor = async (
  pool: Pool,
  killQuery: (threadId: number) => Promise<void>,
  sql: string,
  control: QueryControl,
  batchSize: number,
): Promise<ResultCursor> => {
  const connection = await new Promise<PoolConnection>((resolve, reject) =>
    pool.getConnection((error, connection) => (error ? reject(asConnectionError(error)) : resolve(connection))),
  );
  const threadId = connection.threadId;
  try {
    control.setCanceller(() => killQuery(threadId));
  } catch (stopped) {
    connection.release();
    throw stopped;
  }
  const query = connection.query(sql);
  // The stream stops listening once destroyed; errors after that must not become unhandled events.
  query.on('error', ignore);
  const stream = query.stream({ highWaterMark: batchSize });
  stream.on('error', ignore);
  let fields: FieldPacket[] | undefined;
  try {
    fields = await new Promise<FieldPacket[] | undefined>((resolve, reject) => {
      query.once('fields', (received: FieldPacket[]) => resolve(received));
      query.once('end', () => resolve(undefined));
      query.once('error', reject);
    });
  } catch (error) {
    if (control.error) await control.cancelled.then(() => connection.destroy());
    else if ((error as { fatal?: boolean }).fatal) connection.destroy();
    else connection.release();
    throw toQueryError(error);
  }
  return new MySqlCursor(connection, stream, fields, control, batchSize, () => killQuery(threadId));
};
