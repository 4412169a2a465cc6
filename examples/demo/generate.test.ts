import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_COUNTS,
  DEMO_END_DATE,
  DEMO_PRIMARY_KEYS,
  DEMO_SCHEMA,
  DEMO_START_DATE,
  DEMO_TABLES,
  generateDemoWarehouse,
} from './generate.js';
import type { DemoTable, GenerateResult } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SMALL = 0.01;
const DOUBLE = 0.02;

interface Db {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
}

async function open(file: string): Promise<Db> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  return { instance, conn: await instance.connect() };
}

function close(db: Db | undefined): void {
  db?.conn.closeSync();
  db?.instance.closeSync();
}

async function rows(db: Db, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await db.conn.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

async function scalar(db: Db, sql: string): Promise<unknown> {
  const first = (await rows(db, sql))[0];
  return first === undefined ? undefined : Object.values(first)[0];
}

async function num(db: Db, sql: string): Promise<number> {
  return Number(await scalar(db, sql));
}

/** Row count and an md5 over every row rendered as text, in primary-key order. */
async function checksum(db: Db, table: DemoTable): Promise<string> {
  const pk = DEMO_PRIMARY_KEYS[table];
  const r = await rows(
    db,
    `SELECT count(*) AS n, md5(string_agg(CAST(t AS VARCHAR), chr(10) ORDER BY t.${pk})) AS h FROM ${DEMO_SCHEMA}.${table} t`,
  );
  return `${String(r[0]?.n)}:${String(r[0]?.h)}`;
}

// ---------------------------------------------------------------------------------------------
// Minimal reading of the models' YAML (dbt ≥1.10 `config.meta`, with dbt ≤1.9 `meta` merged in)
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObj = (v: unknown): Obj => (isObj(v) ? v : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function metaOf(node: Obj): Obj {
  return { ...asObj(node.meta), ...asObj(asObj(node.config).meta) };
}

interface ModelSpec {
  name: string;
  file: string;
  description: string;
  meta: Obj;
  columns: { name: string; description: string; meta: Obj }[];
  /** dimension names (columns + additional dimensions) and metric names with their metric types */
  dimensions: Set<string>;
  metrics: Map<string, string>;
}

const TIME_SUFFIXES = /_(raw|millisecond|second|minute|hour|day|week|month|quarter|year|day_of_week_index|day_of_month_num|day_of_year_num|week_num|month_num|quarter_num|year_num|hour_of_day_num|minute_of_hour_num|day_of_week_name|month_name|quarter_name)$/;
const AGGREGATE_TYPES = new Set(['count', 'count_distinct', 'sum', 'average', 'min', 'max', 'median', 'percentile']);
const NON_AGGREGATE_TYPES = new Set(['number', 'string', 'date', 'timestamp', 'boolean']);

function loadModels(): ModelSpec[] {
  const dir = join(HERE, 'models');
  const specs: ModelSpec[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml')).sort()) {
    const doc = asObj(parse(readFileSync(join(dir, file), 'utf8')));
    for (const model of asList(doc.models).filter(isObj)) {
      const meta = metaOf(model);
      const columns = asList(model.columns)
        .filter(isObj)
        .map((c) => ({ name: String(c.name), description: String(c.description ?? ''), meta: metaOf(c) }));
      const dimensions = new Set<string>();
      const metrics = new Map<string, string>();
      for (const c of columns) {
        dimensions.add(c.name);
        for (const extra of Object.keys(asObj(c.meta.additional_dimensions))) dimensions.add(extra);
        for (const [m, def] of Object.entries(asObj(c.meta.metrics))) metrics.set(m, String(asObj(def).type));
      }
      for (const [m, def] of Object.entries(asObj(meta.metrics))) metrics.set(m, String(asObj(def).type));
      specs.push({ name: String(model.name), description: String(model.description ?? ''), file, meta, columns, dimensions, metrics });
    }
  }
  return specs;
}

/** Every `${...}` reference in a string. */
function refs(sql: string): string[] {
  return [...sql.matchAll(/\$\{\s*([^}]+?)\s*\}/g)].map((m) => m[1] as string);
}

/** Every string under an object, with its path (to find all SQL snippets and filter keys). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (isObj(value)) for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

// ---------------------------------------------------------------------------------------------

describe('demo warehouse generator', () => {
  let dir: string;
  let runA: GenerateResult;
  let runB: GenerateResult;
  let runDouble: GenerateResult;
  let a: Db | undefined;
  let b: Db | undefined;
  let d: Db | undefined;
  const progress: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-demo-'));
    // a stale file and WAL at the target must be replaced, not merged
    writeFileSync(join(dir, 'a.duckdb'), 'not a database');
    writeFileSync(join(dir, 'a.duckdb.wal'), 'stale wal');
    runA = await generateDemoWarehouse(join(dir, 'a.duckdb'), {
      scale: SMALL,
      onProgress: (step, done, total) => progress.push(`${done}/${total} ${step}`),
    });
    runB = await generateDemoWarehouse(join(dir, 'b.duckdb'), { scale: SMALL });
    runDouble = await generateDemoWarehouse(join(dir, 'double.duckdb'), { scale: DOUBLE });
    a = await open(runA.file);
    b = await open(runB.file);
    d = await open(runDouble.file);
  }, 120_000);

  afterAll(() => {
    close(a);
    close(b);
    close(d);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes only the final files (temporary file renamed, stale WAL removed) and reports progress', () => {
    expect(readdirSync(dir).sort()).toEqual(['a.duckdb', 'b.duckdb', 'double.duckdb']);
    expect(progress[0]).toMatch(/^0\/\d+ /);
    expect(progress.at(-1)).toMatch(/^(\d+)\/\1 done$/);
    expect(runA.rowCounts).toEqual(runB.rowCounts);
  });

  it('creates exactly the demo tables in schema demo', async () => {
    const found = await rows(a!, `SELECT table_name FROM information_schema.tables WHERE table_schema = '${DEMO_SCHEMA}' ORDER BY 1`);
    expect(found.map((r) => r.table_name)).toEqual([...DEMO_TABLES].sort());
  });

  it('is deterministic: two runs at the same scale give identical tables', async () => {
    for (const table of DEMO_TABLES) {
      expect(await checksum(a!, table), table).toBe(await checksum(b!, table));
    }
    // and a different scale gives different data
    expect(await checksum(d!, 'orders')).not.toBe(await checksum(a!, 'orders'));
  });

  it('has unique, non-null primary keys', async () => {
    for (const db of [a!, d!]) {
      for (const table of DEMO_TABLES) {
        const pk = DEMO_PRIMARY_KEYS[table];
        const r = (await rows(db, `SELECT count(*) AS n, count(DISTINCT ${pk}) AS k, count(${pk}) AS nn FROM ${DEMO_SCHEMA}.${table}`))[0]!;
        expect(Number(r.k), `${table}.${pk} distinct`).toBe(Number(r.n));
        expect(Number(r.nn), `${table}.${pk} not null`).toBe(Number(r.n));
      }
    }
  });

  it('keeps referential integrity', async () => {
    const orphans: [string, string][] = [
      ['order_items → orders', `SELECT count(*) FROM demo.order_items i ANTI JOIN demo.orders o USING (order_id)`],
      ['order_items → products', `SELECT count(*) FROM demo.order_items i ANTI JOIN demo.products p USING (product_id)`],
      ['orders → customers', `SELECT count(*) FROM demo.orders o ANTI JOIN demo.customers c USING (customer_id)`],
      ['orders without items', `SELECT count(*) FROM demo.orders o ANTI JOIN demo.order_items i USING (order_id)`],
      ['payments → orders', `SELECT count(*) FROM demo.payments p ANTI JOIN demo.orders o USING (order_id)`],
      ['orders without payment', `SELECT count(*) FROM demo.orders o ANTI JOIN demo.payments p USING (order_id)`],
      ['web_events → customers', `SELECT count(*) FROM demo.web_events e ANTI JOIN demo.customers c USING (customer_id) WHERE e.customer_id IS NOT NULL`],
      ['web_events → products', `SELECT count(*) FROM demo.web_events e ANTI JOIN demo.products p USING (product_id) WHERE e.product_id IS NOT NULL`],
    ];
    for (const db of [a!, d!]) {
      for (const [label, sql] of orphans) expect(await num(db, sql), label).toBe(0);
    }
  });

  it('keeps business invariants (totals, time order, date range)', async () => {
    const db = d!;
    // order totals are the exact sum of their lines, and successful payments add up to the total
    expect(
      await num(db, `SELECT count(*) FROM demo.orders o JOIN (SELECT order_id, sum(gross_amount_usd) g, sum(discount_usd) s, count(*) n FROM demo.order_items GROUP BY 1) i USING (order_id)
                     WHERE o.subtotal_usd <> i.g OR o.discount_usd <> i.s OR o.item_count <> i.n OR o.total_usd <> o.subtotal_usd - o.discount_usd + o.shipping_usd + o.tax_usd`),
    ).toBe(0);
    expect(
      await num(db, `SELECT count(*) FROM demo.orders o JOIN (SELECT order_id, sum(amount_usd) paid FROM demo.payments WHERE status <> 'failed' GROUP BY 1) p USING (order_id) WHERE p.paid <> o.total_usd`),
    ).toBe(0);
    // nobody orders before signing up, no product is sold before its launch
    expect(await num(db, `SELECT count(*) FROM demo.orders o JOIN demo.customers c USING (customer_id) WHERE o.ordered_at < c.signed_up_at`)).toBe(0);
    expect(await num(db, `SELECT count(*) FROM demo.order_items i JOIN demo.orders o USING (order_id) JOIN demo.products p ON p.product_id = i.product_id WHERE p.launched_on > o.order_date`)).toBe(0);
    // fixed date range, up to and including the end date (not "now")
    const outside = (table: string, column: string) =>
      num(db, `SELECT count(*) FROM demo.${table} WHERE ${column} < DATE '${DEMO_START_DATE}' OR ${column} >= DATE '${DEMO_END_DATE}' + 1`);
    expect(await outside('orders', 'ordered_at')).toBe(0);
    expect(await outside('web_events', 'event_at')).toBe(0);
    expect(await num(db, `SELECT year(max(ordered_at)) * 100 + month(max(ordered_at)) FROM demo.orders`)).toBe(
      Number(DEMO_END_DATE.slice(0, 4)) * 100 + Number(DEMO_END_DATE.slice(5, 7)),
    );
    // realistic mix: cancellations, returns, NULLs, several currencies and regions
    expect(await num(db, `SELECT count(DISTINCT status) FROM demo.orders`)).toBeGreaterThanOrEqual(5);
    expect(await num(db, `SELECT count(DISTINCT currency) FROM demo.orders`)).toBeGreaterThanOrEqual(5);
    expect(await num(db, `SELECT count(DISTINCT region) FROM demo.customers`)).toBe(4);
    expect(await num(db, `SELECT count(*) FROM demo.customers WHERE email IS NULL`)).toBeGreaterThan(0);
    expect(await num(db, `SELECT count(*) FROM demo.web_events WHERE customer_id IS NULL`)).toBeGreaterThan(0);
  });

  it('scales row counts with the scale factor', async () => {
    const counts = async (db: Db) =>
      Object.fromEntries(
        await Promise.all(DEMO_TABLES.map(async (t) => [t, await num(db, `SELECT count(*) FROM demo.${t}`)] as const)),
      ) as Record<DemoTable, number>;
    const small = await counts(a!);
    const double = await counts(d!);
    expect(small).toEqual(runA.rowCounts);
    expect(double).toEqual(runDouble.rowCounts);
    // exact for the driving tables
    expect(small.customers).toBe(Math.round(BASE_COUNTS.customers * SMALL));
    expect(small.orders).toBe(Math.round(BASE_COUNTS.orders * SMALL));
    expect(double.orders).toBe(Math.round(BASE_COUNTS.orders * DOUBLE));
    expect(await num(a!, `SELECT count(DISTINCT session_id) FROM demo.web_events`)).toBe(Math.round(BASE_COUNTS.sessions * SMALL));
    // proportional (within 10 %) for the derived ones
    for (const t of ['order_items', 'payments', 'web_events'] as const) {
      expect(double[t] / small[t], t).toBeGreaterThan(1.8);
      expect(double[t] / small[t], t).toBeLessThan(2.2);
    }
  });

  it('rejects an invalid scale or a file name that would clash with the schema, without writing anything', async () => {
    const target = join(dir, 'invalid.duckdb');
    await expect(generateDemoWarehouse(target, { scale: 0 })).rejects.toThrow(RangeError);
    await expect(generateDemoWarehouse(target, { scale: Number.NaN })).rejects.toThrow(RangeError);
    expect(existsSync(target)).toBe(false);
    // DuckDB would name the catalog `demo`, making `demo.orders` ambiguous
    await expect(generateDemoWarehouse(join(dir, 'demo.duckdb'), { scale: SMALL })).rejects.toThrow(/another file name/);
    expect(existsSync(join(dir, 'demo.duckdb'))).toBe(false);
  });

  describe('dbt project', () => {
    const models = loadModels();
    const byName = new Map(models.map((m) => [m.name, m]));

    it('declares one model per demo table, each with a description, a SQL file and a primary key', () => {
      expect(models.map((m) => m.name).sort()).toEqual([...DEMO_TABLES].sort());
      for (const m of models) {
        expect(existsSync(join(HERE, 'models', `${m.name}.sql`)), `${m.name}.sql`).toBe(true);
        expect(readFileSync(join(HERE, 'models', `${m.name}.sql`), 'utf8')).toContain(`${DEMO_SCHEMA}.${m.name}`);
        expect(m.meta.primary_key, m.name).toBe(DEMO_PRIMARY_KEYS[m.name as DemoTable]);
        expect(m.description.length, `${m.name} description`).toBeGreaterThan(20);
        for (const c of m.columns) expect(c.description, `${m.name}.${c.name} description`).not.toBe('');
      }
      const project = asObj(parse(readFileSync(join(HERE, 'dbt_project.yml'), 'utf8')));
      expect(asObj(project.vars).schema).toBe(DEMO_SCHEMA);
    });

    it('only references columns that exist in the generated tables', async () => {
      const found = await rows(a!, `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = '${DEMO_SCHEMA}'`);
      const columns = new Map<string, Set<string>>();
      for (const r of found) {
        const set = columns.get(String(r.table_name)) ?? new Set<string>();
        set.add(String(r.column_name));
        columns.set(String(r.table_name), set);
      }
      for (const m of models) {
        const actual = columns.get(m.name);
        expect(actual, `table demo.${m.name}`).toBeDefined();
        for (const c of m.columns) expect(actual?.has(c.name), `${m.name}.${c.name}`).toBe(true);
        // raw column references in SQL snippets: ${TABLE}.column
        const rawRefs = [...strings(m.meta, 'meta'), ...m.columns.flatMap((c) => [...strings(c.meta, c.name)])];
        for (const [path, text] of rawRefs) {
          for (const match of text.matchAll(/\$\{TABLE\}\.(\w+)/g)) {
            expect(actual?.has(match[1] as string), `${m.name} ${path}: ${match[0]}`).toBe(true);
          }
        }
      }
    });

    it('resolves every field reference, join and metric filter', () => {
      const resolves = (model: ModelSpec, ref: string, visible: Set<string>): boolean => {
        if (ref === 'TABLE' || ref.startsWith('lightdash.') || ref.startsWith('ld.')) return true;
        const [table, field] = ref.includes('.') ? (ref.split('.', 2) as [string, string]) : [model.name, ref];
        const target = byName.get(table);
        if (!target || !visible.has(table)) return false;
        const base = field.replace(TIME_SUFFIXES, '');
        return target.dimensions.has(field) || target.dimensions.has(base) || target.metrics.has(field);
      };
      let metricCount = 0;
      const metricTypes = new Set<string>();
      for (const m of models) {
        const joins = asList(m.meta.joins).filter(isObj);
        const visible = new Set([m.name, ...joins.map((j) => String(j.join))]);
        for (const j of joins) {
          expect(byName.has(String(j.join)), `${m.name} joins ${String(j.join)}`).toBe(true);
          expect(['one-to-many', 'many-to-one', 'one-to-one', 'many-to-many']).toContain(j.relationship);
          for (const r of refs(String(j.sql_on))) expect(resolves(m, r, visible), `${m.name} join ${String(j.join)}: ${r}`).toBe(true);
        }
        for (const [path, text] of [...strings(m.meta, 'meta'), ...m.columns.flatMap((c) => [...strings(c.meta, c.name)])]) {
          if (path.includes('.urls[') || path.includes('.explores.')) continue;
          for (const r of refs(text)) expect(resolves(m, r, visible), `${m.name} ${path}: \${${r}}`).toBe(true);
        }
        // extra explores: their own joins define what is visible
        for (const [name, explore] of Object.entries(asObj(m.meta.explores))) {
          const eJoins = asList(asObj(explore).joins).filter(isObj);
          const eVisible = new Set([m.name, ...eJoins.map((j) => String(j.join))]);
          for (const [path, text] of strings(explore, name)) {
            for (const r of refs(text)) expect(resolves(m, r, eVisible), `${m.name} explore ${path}: \${${r}}`).toBe(true);
          }
        }
        // metrics: valid types, filters only on aggregates and on existing dimensions
        const allMetrics = [
          ...Object.entries(asObj(m.meta.metrics)),
          ...m.columns.flatMap((c) => Object.entries(asObj(c.meta.metrics))),
        ];
        for (const [name, def] of allMetrics) {
          const type = String(asObj(def).type);
          metricCount++;
          metricTypes.add(type);
          expect(AGGREGATE_TYPES.has(type) || NON_AGGREGATE_TYPES.has(type), `${m.name}.${name} type ${type}`).toBe(true);
          const filters = asList(asObj(def).filters);
          if (filters.length > 0) expect(AGGREGATE_TYPES.has(type), `${m.name}.${name} filters on ${type}`).toBe(true);
          for (const f of filters) {
            for (const key of Object.keys(asObj(f))) expect(resolves(m, key, visible), `${m.name}.${name} filter ${key}`).toBe(true);
          }
          expect(m.dimensions.has(name), `${m.name}.${name} clashes with a dimension`).toBe(false);
        }
      }
      expect(metricCount).toBeGreaterThanOrEqual(20);
      expect([...metricTypes].sort()).toEqual([...AGGREGATE_TYPES, ...NON_AGGREGATE_TYPES].sort());
      // the features the demo is meant to show
      expect(models.some((m) => String(m.meta.sql_filter ?? '').includes('${lightdash.attributes.'))).toBe(true);
      expect(models.some((m) => Object.keys(asObj(m.meta.explores)).length > 0)).toBe(true);
    });
  });

  it('generates the demo through the CLI with a progress line on stderr', async () => {
    const target = join(dir, 'cli.duckdb');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(HERE, 'generate-cli.ts'), target, '--scale', '0.005'],
      { cwd: HERE },
    );
    expect(stderr).toMatch(/\[\d+\/\d+\] orders/);
    expect(stderr).toMatch(/wrote .*cli\.duckdb \(scale 0\.005\)/);
    expect(existsSync(target)).toBe(true);
    const db = await open(target);
    try {
      expect(await num(db, `SELECT count(*) FROM demo.orders`)).toBe(Math.round(BASE_COUNTS.orders * 0.005));
    } finally {
      close(db);
    }
  }, 60_000);
});

describe('demo warehouse at scale 1', () => {
  it('has at least 1,000,000 rows in the largest table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-demo-full-'));
    try {
      const result = await generateDemoWarehouse(join(dir, 'tessera-demo.duckdb'));
      const largest = Math.max(...Object.values(result.rowCounts));
      process.stderr.write(
        `demo warehouse at scale 1: ${(result.elapsedMs / 1000).toFixed(1)} s, ${JSON.stringify(result.rowCounts)}\n`,
      );
      expect(largest).toBeGreaterThanOrEqual(1_000_000);
      const db = await open(result.file);
      try {
        expect(await num(db, `SELECT count(*) FROM demo.web_events`)).toBe(result.rowCounts.web_events);
      } finally {
        close(db);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
