/** Warehouse engines Tessera knows. */
export const WAREHOUSE_TYPES = [
  'bigquery',
  'postgres',
  'redshift',
  'snowflake',
  'databricks',
  'trino',
  'duckdb',
  'mysql',
] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

export * from './warehouse-client.js';
export { toColumnType } from './column-types.js';
export { DuckDbClient } from './duckdb/duckdb-client.js';
export { PostgresClient, type PostgresConnection } from './postgres/postgres-client.js';
export { MySqlClient, type MySqlConnection } from './mysql/mysql-client.js';
export { WarehouseClientRegistry, warehouseClients, connectionKey } from './registry/warehouse-client-registry.js';
export * from './dialects/index.js';
