import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Explore, QueryDialect } from '@tessera/core';
import { generateDemoWarehouse } from '../../../../examples/demo/generate.js';
import { queryDialect } from '../dialects/query-dialect.js';
import type { DialectName } from '../dialects/dialects.js';
import { connectDuckdb, connectMariadb, connectPostgres } from '../dialects/testing/connect.js';
import { copyDemo } from './demo-copy.js';
import { demoExplores } from './demo-explores.js';

/**
 * Test support: the demo warehouse on every engine available here — DuckDB always, PostgreSQL with
 * DATABASE_URL, MariaDB with MARIADB_URL — each with the demo explores compiled for it and a
 * runner returning rows with values normalised for comparison (numbers as numbers, dates as text).
 * Connections are opened as every engine test opens them (`dialects/testing/connect.ts`); the row
 * objects and their normalisation are this file's own (the dialect tests read raw arrays).
 */
export interface EngineUnderTest {
  name: DialectName;
  dialect: QueryDialect;
  explores: Map<string, Explore>;
  run(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const normalise = (v: unknown): unknown => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (typeof v === 'object' && v !== null && 'toDouble' in v) return (v as { toDouble(): number }).toDouble();
  if (typeof v === 'object' && v !== null) return String(v);
  return v;
};

const normaliseRow = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, normalise(v)]));

let demoFile: Promise<string> | undefined;
const DEMO_SCALE = 0.01;
const GENERATOR_DIR = path.resolve(import.meta.dirname, '../../../../examples/demo/generator');
/** Identifies the copied data: the generator's source and the scale. */
const demoStamp = async (): Promise<string> => {
  const hash = createHash('sha256');
  for (const file of (await readdir(GENERATOR_DIR)).sort()) hash.update(file).update(await readFile(path.join(GENERATOR_DIR, file)));
  return `scale-${DEMO_SCALE}-${hash.digest('hex').slice(0, 16)}`;
};
/** One small demo warehouse per test process. */
export const demoWarehouseFile = (): Promise<string> =>
  (demoFile ??= mkdtemp(path.join(os.tmpdir(), 'tessera-engine-')).then(async (dir) => {
    const file = path.join(dir, 'shop.duckdb');
    await generateDemoWarehouse(file, { scale: DEMO_SCALE });
    return file;
  }));

const duckdb = async (): Promise<EngineUnderTest> => {
  const { connection, close } = await connectDuckdb(await demoWarehouseFile());
  return {
    name: 'duckdb',
    dialect: queryDialect('duckdb'),
    explores: await demoExplores('duckdb'),
    run: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => normaliseRow(r as Record<string, unknown>)),
    close,
  };
};

const postgres = async (url: string): Promise<EngineUnderTest> => {
  await copyDemo(await demoWarehouseFile(), 'postgres', url, 'demo_engine', await demoStamp());
  const client = await connectPostgres(url);
  return {
    name: 'postgres',
    dialect: queryDialect('postgres'),
    explores: await demoExplores('postgres', { schema: 'demo_engine' }),
    run: async (sql) => (await client.query(sql)).rows.map(normaliseRow),
    close: () => client.end(),
  };
};

const mariadb = async (url: string): Promise<EngineUnderTest> => {
  await copyDemo(await demoWarehouseFile(), 'mysql', url, 'demo_engine', await demoStamp());
  // DATETIME as UTC Dates, DATE as its text, as the production MySQL client reads them.
  const connection = await connectMariadb(url, { dateStrings: ['DATE'] });
  return {
    name: 'mysql',
    dialect: queryDialect('mysql'),
    explores: await demoExplores('mysql', { schema: 'demo_engine' }),
    run: async (sql) => ((await connection.query(sql))[0] as Record<string, unknown>[]).map(normaliseRow),
    close: () => connection.end(),
  };
};

export const enginesUnderTest = async (): Promise<EngineUnderTest[]> => {
  const out = [await duckdb()];
  if (process.env.DATABASE_URL) out.push(await postgres(process.env.DATABASE_URL));
  if (process.env.MARIADB_URL) out.push(await mariadb(process.env.MARIADB_URL));
  return out;
};
