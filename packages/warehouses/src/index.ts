/** Warehouse engines Tessera knows. Dialects and clients arrive with the query engine. */
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
