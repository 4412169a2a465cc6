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
import {
  QueryCancelledError,
  QueryTimeoutError,
  WarehouseQueryError,
  type ResultRow,
  type WarehouseClient,
} from './warehouse-client.js';

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

/** Two rows in every engine: one with a value of each type, one with NULLs. */
const INSERT_SQL = `insert into shop.orders values
  (1, 12.50, 0.25, 'paid', 'it''s', date '2024-01-02', timestamp '2024-01-02 03:04:05', true, 7),
  (2, null, null, null, null, null, null, null, null)`;

type Engine = {
  name: string;
  setup(): Promise<WarehouseClient>;
  teardown(): Promise<void>;
  sql: {
    /** One column `n`: the integers 1..count. */
    series(count: number): string;
    /** A statement that runs for a minute or more unless stopped; `marker` appears in its text. */
    slow(marker: string): string;
    /** An integer literal past 2^53 as the engine's 64-bit integer type. */
    bigint: string;
  };
  /** How many statements containing `marker` the server is running; undefined when it cannot tell. */
  running?: (marker: string) => Promise<number>;
  /** MySQL's result sets carry no boolean: `tinyint(1)` arrives as the integer 0/1. */
  booleans: 'boolean' | 'integer';
};

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
      await c.run(INSERT_SQL);
      c.closeSync();
      writer.closeSync();
      return new DuckDbClient(file);
    },
    async teardown() {
      await rm(dir, { recursive: true, force: true });
    },
    sql: {
      series: (count) => `select range + 1 as n from range(${count})`,
      slow: (marker) => `select count(*) as n, '${marker}' as marker from range(1000000000000) t(x) where x % 7 = 3`,
      bigint: 'cast(9007199254740993 as bigint)',
    },
    booleans: 'boolean',
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
      await admin.query(INSERT_SQL);
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
    sql: {
      series: (count) => `select g as n from generate_series(1, ${count}) g`,
      slow: (marker) => `select pg_sleep(60), '${marker}' as marker`,
      bigint: 'cast(9007199254740993 as bigint)',
    },
    async running(marker) {
      const result = await admin.query<{ count: string }>(
        `select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and query like $1`,
        [`%${marker}%`],
      );
      return Number(result.rows[0]?.count);
    },
    booleans: 'boolean',
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
      await admin.query(INSERT_SQL);
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
    sql: {
      series: (count) => `select seq as n from seq_1_to_${count}`,
      slow: (marker) => `select sleep(60) as s, '${marker}' as marker`,
      bigint: 'cast(9007199254740993 as signed)',
    },
    async running(marker) {
      const [rows] = await admin!.query<mysql.RowDataPacket[]>(
        `select count(*) as count from information_schema.processlist where command = 'Query' and id <> connection_id() and info like ?`,
        [`%${marker}%`],
      );
      return Number(rows[0]?.count);
    },
    booleans: 'integer',
  };
};

const engines = [
  duckdb(),
  ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : []),
  ...(process.env.MARIADB_URL ? [mariadb(process.env.MARIADB_URL)] : []),
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the server (up to ~10 s) until `count(marker)` satisfies `done`; true if it did. */
const waitFor = async (engine: Engine, marker: string, done: (count: number) => boolean): Promise<boolean> => {
  if (!engine.running) {
    await pause(200); // the engine cannot tell: give the statement time to start
    return true;
  }
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (done(await engine.running(marker))) return true;
    await pause(100);
  }
  return false;
};

const ordersQuery = (engine: Engine) =>
  `select order_id, amount, ratio, status, note, ordered_on, ordered_at, is_paid,
          ${engine.sql.bigint} as big, (select count(*) from shop.orders) as row_count
     from shop.orders order by order_id`;

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

  const selectOne = async () => expect((await client.run('select 1 as one')).rows).toEqual([{ one: 1 }]);

  it('returns every type normalised, NULLs as null, with column types', async () => {
    const result = await client.run(ordersQuery(engine));
    const booleanType = engine.booleans === 'boolean' ? 'boolean' : 'number';
    expect(result.columns).toEqual([
      { name: 'order_id', type: 'number' },
      { name: 'amount', type: 'number' },
      { name: 'ratio', type: 'number' },
      { name: 'status', type: 'string' },
      { name: 'note', type: 'string' },
      { name: 'ordered_on', type: 'date' },
      { name: 'ordered_at', type: 'timestamp' },
      { name: 'is_paid', type: booleanType },
      { name: 'big', type: 'number' },
      { name: 'row_count', type: 'number' },
    ]);
    expect(result.rows).toEqual([
      {
        order_id: 1,
        amount: 12.5,
        ratio: 0.25,
        status: 'paid',
        note: "it's",
        ordered_on: '2024-01-02',
        ordered_at: new Date('2024-01-02T03:04:05Z'),
        is_paid: engine.booleans === 'boolean' ? true : 1,
        big: '9007199254740993',
        row_count: 2,
      },
      {
        order_id: 2,
        amount: null,
        ratio: null,
        status: null,
        note: null,
        ordered_on: null,
        ordered_at: null,
        is_paid: null,
        big: '9007199254740993',
        row_count: 2,
      },
    ]);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('streams 200,000 rows in batches no larger than asked for', async () => {
    const { columns, batches } = await client.stream(engine.sql.series(200_000), { batchSize: 5_000 });
    expect(columns).toEqual([{ name: 'n', type: 'number' }]);
    let count = 0;
    let sum = 0;
    let largest = 0;
    for await (const batch of batches) {
      largest = Math.max(largest, batch.length);
      count += batch.length;
      for (const row of batch) sum += row.n as number;
    }
    expect(count).toBe(200_000);
    expect(sum).toBe((200_000 * 200_001) / 2);
    expect(largest).toBe(5_000);
  });

  it('gives the connection back when a stream is left early, more times than the pool holds', async () => {
    for (let i = 0; i < 8; i += 1) {
      const { batches } = await client.stream(engine.sql.series(200_000), { batchSize: 100 });
      for await (const batch of batches) {
        expect(batch).toHaveLength(100);
        break;
      }
    }
    await selectOne();
  });

  it('stops at maxRows', async () => {
    for (let i = 0; i < 8; i += 1) expect((await client.run(engine.sql.series(200_000), { maxRows: 10 })).rows).toHaveLength(10);
    await selectOne();
  });

  it('cancels a running statement on the server when the signal fires, and stays usable', async () => {
    // More rounds than DuckDB's pool holds: a connection left busy would block the last ones.
    for (let round = 0; round < 4; round += 1) {
      const marker = `tessera_cancel_${engine.name}_${round}`;
      const controller = new AbortController();
      const running = client.run(engine.sql.slow(marker), { signal: controller.signal });
      running.catch(() => undefined);
      expect(await waitFor(engine, marker, (count) => count > 0)).toBe(true);
      controller.abort();
      await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
      expect(await waitFor(engine, marker, (count) => count === 0)).toBe(true);
    }
    await selectOne();
  });

  it('refuses to start when the signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client.run('select 1 as one', { signal: controller.signal })).rejects.toBeInstanceOf(QueryCancelledError);
    await expect(client.stream('select 1 as one', { signal: controller.signal })).rejects.toBeInstanceOf(QueryCancelledError);
  });

  it('stops a statement past its timeout with QueryTimeoutError', async () => {
    const marker = `tessera_timeout_${engine.name}`;
    await expect(client.run(engine.sql.slow(marker), { timeoutMs: 300 })).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(await waitFor(engine, marker, (count) => count === 0)).toBe(true);
    await selectOne();
  });

  it('ends a stream with QueryCancelledError when the signal fires between batches', async () => {
    const controller = new AbortController();
    const { batches } = await client.stream(engine.sql.series(200_000), { batchSize: 1_000, signal: controller.signal });
    const iterator = batches[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toHaveLength(1_000);
    controller.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(QueryCancelledError);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await selectOne();
  });

  it('reports bad SQL as WarehouseQueryError with the warehouse message', async () => {
    const error: unknown = await client.run('select nope from shop.orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseQueryError);
    expect((error as Error).message).toMatch(/nope/);
    await expect(client.stream('select nope from shop.orders')).rejects.toBeInstanceOf(WarehouseQueryError);
    await selectOne();
  });

  it('runs concurrent queries on one client, more than its pool holds', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.run(`select ${i} as i, count(*) as c from (${engine.sql.series(10_000)}) s`)),
    );
    const rows: ResultRow[][] = results.map((result) => result.rows);
    expect(rows).toEqual(Array.from({ length: 12 }, (_, i) => [{ i, c: 10_000 }]));
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

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL statement_timeout backstop', () => {
  it('ends a statement server-side even when no caller timer is set', async () => {
    const u = new URL(process.env.DATABASE_URL!);
    const client = new PostgresClient(
      { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), dbname: u.pathname.slice(1) },
      { statementTimeoutMs: 300 },
    );
    try {
      const error = await client.run('select pg_sleep(5)').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WarehouseQueryError);
      expect(String((error as Error).message)).toMatch(/statement timeout/);
    } finally {
      await client.close();
    }
  });
});
