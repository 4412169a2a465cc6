import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toColumnType } from './column-types.js';
import { DuckDbClient } from './duckdb/duckdb-client.js';
import { MySqlClient } from './mysql/mysql-client.js';
import { PostgresClient } from './postgres/postgres-client.js';
import type { WarehouseClient } from './warehouse-client.js';

/**
 * One contract for every warehouse client, run against real engines: DuckDB always, PostgreSQL
 * when DATABASE_URL points at a server, MariaDB when MARIADB_URL does (.ci/run starts both).
 */
const TABLE_SQL = `create table shop.orders (
  order_id integer, amount numeric(12,2), ratio double precision, status varchar, note text,
  ordered_on date, ordered_at timestamp, is_paid boolean, "Mixed_Case" integer)`;

/**
 * The same table in MySQL types: `double precision` is `double`, varchar needs a length, `datetime` is
 * the zone-less timestamp (MySQL's `timestamp` converts to UTC), identifiers quote with backticks.
 * `boolean` is stored as `tinyint(1)`; the client reads `column_type` and column-types.ts maps
 * `tinyint(1)` to boolean, so the expected catalog is the same for every engine.
 */
const MYSQL_TABLE_SQL = `create table shop.orders (
  order_id integer, amount numeric(12,2), ratio double, status varchar(255), note text,
  ordered_on date, ordered_at datetime, is_paid boolean, \`Mixed_Case\` integer)`;

type Engine = { name: string; setup(): Promise<WarehouseClient>; teardown(): Promise<void> };

const duckdb = (): Engine => {
  let dir = '';
  return {
    name: 'duckdb',
    async setup() {
      dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-duck-'));
      const file = path.join(dir, 'warehouse.duckdb');
      const writer = await DuckDBInstance.create(file);
      const c = await writer.connect();
      await c.run('create schema shop');
      await c.run(TABLE_SQL);
      c.closeSync();
      writer.closeSync();
      return new DuckDbClient(file);
    },
    async teardown() {
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const postgres = (url: string): Engine => {
  const schema = `shop`;
  const admin = new pg.Client({ connectionString: url });
  return {
    name: 'postgres',
    async setup() {
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.query(`create schema ${schema}`);
      await admin.query(TABLE_SQL);
      const u = new URL(url);
      return new PostgresClient({
        host: u.hostname,
        port: Number(u.port || 5432),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        dbname: u.pathname.slice(1),
      });
    },
    async teardown() {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
};

/** In MySQL the schema is the database: the suite creates (and drops) a database `shop` on the server. */
const mariadb = (url: string): Engine => {
  let admin: mysql.Connection | undefined;
  return {
    name: 'mariadb',
    async setup() {
      admin = await mysql.createConnection(url);
      await admin.query('drop database if exists shop');
      await admin.query('create database shop');
      await admin.query(MYSQL_TABLE_SQL);
      const u = new URL(url);
      return new MySqlClient({
        host: u.hostname,
        port: Number(u.port || 3306),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        dbname: u.pathname.slice(1),
      });
    },
    async teardown() {
      await admin?.query('drop database if exists shop');
      await admin?.end();
    },
  };
};

const engines = [
  duckdb(),
  ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : []),
  ...(process.env.MARIADB_URL ? [mariadb(process.env.MARIADB_URL)] : []),
];

describe.each(engines)('$name client contract', (engine) => {
  let client: WarehouseClient;
  beforeAll(async () => {
    client = await engine.setup();
  });
  afterAll(async () => {
    await client.close();
    await engine.teardown();
  });

  it('connects', async () => {
    await expect(client.test()).resolves.toBeUndefined();
  });

  it('reads column types from the catalog, case-insensitively', async () => {
    const catalog = await client.catalog([{ schema: 'SHOP', name: 'Orders' }]);
    expect(Object.fromEntries(catalog.get('shop.orders') ?? [])).toEqual({
      order_id: 'number',
      amount: 'number',
      ratio: 'number',
      status: 'string',
      note: 'string',
      ordered_on: 'date',
      ordered_at: 'timestamp',
      is_paid: 'boolean',
      mixed_case: 'number',
    });
  });

  it('leaves out relations that do not exist, including hostile names', async () => {
    const catalog = await client.catalog([
      { schema: 'shop', name: 'missing' },
      { schema: "shop'; drop table shop.orders; --", name: 'orders' },
    ]);
    expect(catalog.size).toBe(0);
    expect((await client.catalog([{ schema: 'shop', name: 'orders' }])).size).toBe(1);
  });
});

describe('column type mapping', () => {
  it.each([
    ['BIGINT', 'number'],
    ['DECIMAL(18,3)', 'number'],
    ['character varying', 'string'],
    ['TIMESTAMP WITH TIME ZONE', 'timestamp'],
    ['DATE', 'date'],
    ['BOOLEAN', 'boolean'],
    ['tinyint(1)', 'boolean'],
    ['bit(1)', 'boolean'],
    ['tinyint(4)', 'number'],
    ['int(10) unsigned', 'number'],
    ['datetime', 'timestamp'],
    ['JSON', 'string'],
    ['interval', 'string'],
  ] as const)('%s → %s', (name, type) => {
    expect(toColumnType(name)).toBe(type);
  });
});
