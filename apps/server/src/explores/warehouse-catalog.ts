import type { ColumnTypeCatalog, ModelDefinition } from '@tessera/core';
import { DuckDbClient, PostgresClient, type WarehouseClient } from '@tessera/warehouses';
import type { WarehouseConnection } from '../projects/warehouse-connection-schemas.js';

/** A client for engines whose catalog Tessera reads today (DuckDB, PostgreSQL); others: none. */
const clientFor = (connection: WarehouseConnection | undefined): WarehouseClient | undefined => {
  switch (connection?.type) {
    case 'duckdb':
      return new DuckDbClient(connection.path);
    case 'postgres':
      return new PostgresClient({
        host: connection.host,
        port: connection.port,
        user: connection.user ?? '',
        password: connection.password ?? '',
        dbname: connection.dbname,
        sslmode: connection.sslmode,
      });
    default:
      return undefined;
  }
};

/**
 * Column types from the warehouse for the models' relations, in the compiler's catalog shape
 * (database → schema → table → column). YAML types still win; the compiler falls back to these.
 */
export const readCatalog = async (
  connection: WarehouseConnection | undefined,
  models: readonly ModelDefinition[],
): Promise<ColumnTypeCatalog | undefined> => {
  const client = clientFor(connection);
  if (!client) return undefined;
  try {
    const tables = models.flatMap((m) => (m.relation.kind === 'table' && m.relation.schema ? [m.relation] : []));
    const found = await client.catalog(tables.map((r) => ({ database: r.database, schema: r.schema!, name: r.identifier })));
    const catalog: ColumnTypeCatalog = {};
    for (const r of tables) {
      const columns = found.get(`${r.schema}.${r.identifier}`.toLowerCase());
      if (columns) ((catalog[r.database ?? ''] ??= {})[r.schema!] ??= {})[r.identifier] = Object.fromEntries(columns);
    }
    return catalog;
  } finally {
    await client.close();
  }
};
