/**
 * The I/O side of a warehouse. A client *holds* a dialect (added with the query engine); it never is
 * one, so a dialect is always obtainable without a connection. This first cut covers what the
 * semantic layer needs: a connection test and the column catalog.
 */
export type Relation = { database?: string | undefined; schema: string; name: string };

/** Column types as the semantic layer understands them (the spec's DimensionType). */
export type ColumnType = 'string' | 'number' | 'timestamp' | 'date' | 'boolean';

/** `schema.table` (lower-cased) → column name (lower-cased) → type. */
export type Catalog = Map<string, Map<string, ColumnType>>;

export interface WarehouseClient {
  readonly type: string;
  test(): Promise<void>;
  /** Column types of the given relations; relations that do not exist are simply absent. */
  catalog(relations: readonly Relation[]): Promise<Catalog>;
  close(): Promise<void>;
}

export const catalogKey = (schema: string, name: string): string => `${schema}.${name}`.toLowerCase();
