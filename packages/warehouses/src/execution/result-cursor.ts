import type { QueryOptions, QueryResult, ResultColumn, ResultRow, StreamedResult } from '../warehouse-client.js';
import { QueryControl } from './query-control.js';

/**
 * An engine's open result: the statement has started and its columns are known; rows come from the
 * warehouse cursor one batch at a time. It holds one connection until `close()`.
 */
export interface ResultCursor {
  readonly columns: ResultColumn[];
  /** The next batch (at most the batch size it was opened with); `[]` once the rows are exhausted. */
  next(): Promise<ResultRow[]>;
  /**
   * Ends the statement (early, if rows are left) and gives the connection back, or discards it when
   * the query was stopped. Safe to call twice, also while `next()` is pending; never rejects.
   */
  close(): Promise<void>;
}

/** Starts `sql` on a pooled connection under `control` (which it gives its canceller). */
export type OpenCursor = (control: QueryControl, batchSize: number) => Promise<ResultCursor>;

const RUN_BATCH_SIZE = 10_000;
const STREAM_BATCH_SIZE = 1_000;

/** Gives the connection back; after a stop the caller is not kept waiting for the cleanup. */
const closeCursor = async (cursor: ResultCursor, control: QueryControl): Promise<void> => {
  const closing = cursor.close();
  if (!control.error) await closing;
};

/** `WarehouseClient.run` on top of an engine's cursor. */
export const runQuery = async (open: OpenCursor, options: QueryOptions & { maxRows?: number | undefined }): Promise<QueryResult> => {
  const control = new QueryControl(options);
  const started = performance.now();
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  try {
    const cursor = await control.guard(open(control, Math.max(1, Math.min(maxRows, RUN_BATCH_SIZE))), (late) => late.close());
    try {
      const rows: ResultRow[] = [];
      while (rows.length < maxRows) {
        const batch = await control.guard(cursor.next());
        if (batch.length === 0) break;
        for (const row of batch) if (rows.length < maxRows) rows.push(row);
      }
      return { columns: cursor.columns, rows, elapsedMs: performance.now() - started };
    } finally {
      await closeCursor(cursor, control);
    }
  } finally {
    control.end();
  }
};

/** `WarehouseClient.stream` on top of an engine's cursor: the first batch is read when asked for. */
export const streamQuery = async (open: OpenCursor, options: QueryOptions & { batchSize?: number | undefined }): Promise<StreamedResult> => {
  const control = new QueryControl(options);
  const batchSize = Math.max(1, options.batchSize ?? STREAM_BATCH_SIZE);
  let cursor: ResultCursor;
  try {
    cursor = await control.guard(open(control, batchSize), (late) => late.close());
  } catch (error) {
    control.end();
    throw error;
  }
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    control.end();
    await closeCursor(cursor, control);
  };
  // A stream nobody reads any more still gives its connection back once the signal or timeout fires.
  control.whenStopped(() => void cursor.close());
  const iterator: AsyncIterator<ResultRow[]> = {
    async next() {
      if (finished) return { done: true, value: undefined };
      try {
        const batch = await control.guard(cursor.next());
        if (batch.length > 0) return { done: false, value: batch };
      } catch (error) {
        await finish();
        throw error;
      }
      await finish();
      return { done: true, value: undefined };
    },
    async return() {
      await finish();
      return { done: true, value: undefined };
    },
  };
  return { columns: cursor.columns, batches: { [Symbol.asyncIterator]: () => iterator } };
};
