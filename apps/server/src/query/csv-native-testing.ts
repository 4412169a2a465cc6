import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DuckDbClient } from '@tessera/warehouses';
import { afterAll, beforeAll } from 'vitest';

export type TestWarehouse = { dir: string; client: DuckDbClient };

/**
 * For the native CSV export tests: a DuckDB warehouse file in a temporary folder, filled by `build`
 * before the file's tests and opened through the client the exports use; closed and removed after.
 */
export const duckDbTestWarehouse = (prefix: string, build: (connection: DuckDBConnection) => Promise<void>): TestWarehouse => {
  const warehouse = {} as TestWarehouse;
  beforeAll(async () => {
    warehouse.dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    const file = path.join(warehouse.dir, 'warehouse.duckdb');
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await build(connection);
    connection.closeSync();
    instance.closeSync();
    warehouse.client = new DuckDbClient(file);
  });
  afterAll(async () => {
    await warehouse.client?.close();
    if (warehouse.dir) await rm(warehouse.dir, { recursive: true, force: true });
  });
  return warehouse;
};
