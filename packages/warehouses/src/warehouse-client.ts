import type { FormatPlan } from '@tessera/core';

/**
 * The I/O side of a warehouse. A client *holds* a dialect; it never is one, so a dialect is always
 * obtainable without a connection. A client owns its pool: make one per connection identity and reuse
 * it (see `registry/`), never one per query.
 */
export type Relation = { database?: string | undefined; schema: string; name: string };

/** Column types as the semantic layer understands them (the spec's DimensionType). */
export type ColumnType = 'string' | 'number' | 'timestamp' | 'date' | 'boolean';

/** `schema.table` (lower-cased) → column name (lower-cased) → type. */
export type Catalog = Map<string, Map<string, ColumnType>>;

export interface QueryOptions {
  /** Aborting it stops the warehouse call (interrupt, cancel, KILL QUERY) and rejects with QueryCancelledError. */
  signal?: AbortSignal | undefined;
  /** Past this, the warehouse call is stopped and the call rejects with QueryTimeoutError. For a stream it spans the whole read. */
  timeoutMs?: number | undefined;
}

export interface ResultColumn {
  name: string;
  type: ColumnType;
}

/**
 * A row keyed by column name. Values are normalised the same way on every engine: integers and
 * decimals → number (an integer beyond ±2^53 → its digits as a string), booleans → boolean, DATE →
 * 'YYYY-MM-DD', TIMESTAMP/DATETIME → Date (a zone-less timestamp read as UTC), NULL → null, strings
 * unchanged. See the package README for each engine's exceptions.
 */
export type ResultRow = Record<string, unknown>;

export interface QueryResult {
  columns: ResultColumn[];
  rows: ResultRow[];
  /** Time spent in the warehouse call: from asking for a connection to the last row read. */
  elapsedMs: number;
}

export interface StreamedResult {
  columns: ResultColumn[];
  /**
   * Rows in batches of at most `batchSize`, read from the warehouse cursor as they are consumed.
   * Read to the end, or leave the loop (`break`/`return`): either gives the connection back. An
   * iterable that is dropped unread keeps its connection until the signal or timeout fires.
   */
  batches: AsyncIterable<ResultRow[]>;
}

/** A query's rows written to a CSV file by the warehouse itself (raw values, as the streaming export writes them). */
export interface CsvExportColumn {
  name: string;
  /** The column's formatting (`formatPlan`); absent: the raw value's text. */
  format?: FormatPlan | undefined;
}

export interface CsvExportRequest extends QueryOptions {
  sql: string;
  /** The file to write (created or replaced). */
  file: string;
  /** The result columns to write, in file order: raw text, or formatted by the column's plan. */
  columns: readonly CsvExportColumn[];
  /** The header line, already CSV text, without its line end. */
  header: string;
  /** At most this many rows are written. */
  limit: number;
  /**
   * The query has an ORDER BY whose order the file must keep (default true). Without one, the
   * engine may write rows in any order, which lets DuckDB write in parallel without buffering.
   */
  ordered?: boolean | undefined;
}

export interface CsvExportResult {
  rowCount: number;
  /** Rows beyond `limit` existed. */
  truncated: boolean;
}

export interface WarehouseClient {
  readonly type: string;
  test(): Promise<void>;
  /** Column types of the given relations; relations that do not exist are simply absent. */
  catalog(relations: readonly Relation[]): Promise<Catalog>;
  /** Runs one statement and returns its rows (the first `maxRows` of them when given). */
  run(sql: string, options?: QueryOptions & { maxRows?: number | undefined }): Promise<QueryResult>;
  /** Rows in batches straight from the warehouse cursor; memory does not grow with the row count. */
  stream(sql: string, options?: QueryOptions & { batchSize?: number | undefined }): Promise<StreamedResult>;
  /**
   * Writes the rows to a CSV file with the engine's own writer, byte for byte what streaming the rows
   * and writing their raw or formatted text gives — or resolves undefined (writing nothing) when it cannot for
   * these columns; then the caller streams. Engines without a native writer leave it out.
   */
  exportCsv?(request: CsvExportRequest): Promise<CsvExportResult | undefined>;
  /** Closes the pool. In-flight queries are not waited for. */
  close(): Promise<void>;
}

export const catalogKey = (schema: string, name: string): string => `${schema}.${name}`.toLowerCase();

/** The caller's AbortSignal fired; the warehouse call was stopped. */
export class QueryCancelledError extends Error {
  override readonly name = 'QueryCancelledError';
  constructor() {
    super('The query was cancelled before it finished');
  }
}

/** The query ran past its `timeoutMs`; the warehouse call was stopped. */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`The query did not finish within ${timeoutMs} ms; simplify it (fewer rows, fewer joins) or raise the timeout`);
  }
}

/** The warehouse could not be reached or opened (refused connection, bad login, missing DuckDB file); `message` is the engine's own. */
export class WarehouseConnectionError extends Error {
  override readonly name = 'WarehouseConnectionError';
}

/** `error` as a WarehouseConnectionError, unless it already is a warehouse error. */
export const asConnectionError = (error: unknown): unknown =>
  error instanceof Error && !(error instanceof WarehouseConnectionError) ? new WarehouseConnectionError(error.message) : error;

/** The warehouse refused or failed the statement; `message` is the warehouse's own. */
export class WarehouseQueryError extends Error {
  override readonly name = 'WarehouseQueryError';
  constructor(
    message: string,
    /** The engine's error code (SQLSTATE, MySQL error name) when it gave one. */
    readonly code?: string | undefined,
  ) {
    super(message);
  }
}
