import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { toColumnType } from '../column-types.js';
import { catalogKey, type Catalog, type Relation, type WarehouseClient } from '../warehouse-client.js';

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

export class DuckDbClient implements WarehouseClient {
  readonly type = 'duckdb';
  private connection: Promise<DuckDBConnection> | undefined;

  constructor(private readonly file: string) {}

  private connect(): Promise<DuckDBConnection> {
    this.connection ??= instanceFor(this.file).then((i) => i.connect());
    return this.connection;
  }

  async test(): Promise<void> {
    await (await this.connect()).run('select 1');
  }

  async catalog(relations: readonly Relation[]): Promise<Catalog> {
    const catalog: Catalog = new Map();
    if (relations.length === 0) return catalog;
    const connection = await this.connect();
    const wanted = new Set(relations.map((r) => catalogKey(r.schema, r.name)));
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
  }

  async close(): Promise<void> {
    const connection = await this.connection;
    connection?.closeSync();
    this.connection = undefined;
  }
}
