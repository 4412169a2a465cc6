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
    // Unqualified relations resolve in the connection's schema, as the warehouse would.
    const defaultSchema = connection && 'schema' in connection ? connection.schema : undefined;
    const tables = models.flatMap((m) => {
      const r = m.relation;
      const schema = r.kind === 'table' ? (r.schema ?? defaultSchema) : undefined;
      return r.kind === 'table' && schema ? [{ relation: r, schema }] : [];
    });
    const found = await client.catalog(tables.map(({ relation, schema }) => ({ database: relation.database, schema, name: relation.identifier })));
    const catalog: ColumnTypeCatalog = {};
    for (const { relation: r, schema } of tables) {
      const columns = found.get(`${schema}.${r.identifier}`.toLowerCase());
      // Keyed as the compiler looks it up: by the relation as written (no schema → '').
      if (columns) ((catalog[r.database ?? ''] ??= {})[r.schema ?? ''] ??= {})[r.identifier] = Object.fromEntries(columns);
    }
    return catalog;
  } finally {
    await client.close();
  }
};
