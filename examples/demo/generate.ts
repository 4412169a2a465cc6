/**
 * Deterministic generator for the Tessera demo warehouse: an online shop in schema `demo`.
 *
 * Every row is produced inside DuckDB from `range()` and a hash-based pseudo-random function,
 * `rnd(key, salt)` = DuckDB's 64-bit `hash(key * 4096 + salt)` scaled to [0, 1). No JavaScript loops, no
 * Math.random: the same scale yields the same data whatever the thread count (money is DECIMAL so every
 * aggregate is exact, and window sums run over integers). The values depend on DuckDB's `hash()`, which
 * is pinned with `@duckdb/node-api` in package-lock.json; a DuckDB upgrade could reshuffle values (never
 * the shapes or the invariants the tests check).
 *
 * Performance notes (≈2.7M rows at scale 1, about 8–10 s of CPU time, i.e. well under 10 s on two cores):
 * - random numbers are computed once per row as plain columns, and categorical values are drawn from
 *   constant "slot" lists (`list[1 + floor(r * n)]`, flat: indexing a nested list literal copies the
 *   inner list per row) instead of CASE chains, which DuckDB evaluates branch by branch;
 * - customer and product attributes are macros of the id, so no join is needed (joins cost time and
 *   break the natural row order, which is kept so that ids follow time);
 * - per-day id allocation (a 2,130-row source) is materialised first so that the heavy projections
 *   scan a real table in parallel, and prefix sums (ids of child rows) are computed before unnesting.
 *
 * The SQL lives in ./generator/ (one file per table, shared helpers alongside); this module runs it.
 *
 * The database is written to a temporary file next to the target and renamed on success, so an
 * interrupted run never leaves a half-written database behind.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEMO_SCHEMA, DEMO_TABLES, sizes } from './generator/constants.js';
import type { DemoTable } from './generator/constants.js';
import { SETUP_SQL, buildSteps } from './generator/steps.js';

export {
  BASE_COUNTS,
  DEMO_END_DATE,
  DEMO_PRIMARY_KEYS,
  DEMO_SCHEMA,
  DEMO_START_DATE,
  DEMO_TABLES,
} from './generator/constants.js';
export type { DemoTable } from './generator/constants.js';
export { demoWarehouseSql } from './generator/steps.js';

export interface GenerateOptions {
  /** Multiplies every row count (default 1: ~0.8M order items, ~1.1M web events). At most 100. */
  scale?: number;
  /** Called before each step and once at the end (`done === total`). */
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface GenerateResult {
  file: string;
  scale: number;
  rowCounts: Record<DemoTable, number>;
  elapsedMs: number;
}

async function readRowCounts(conn: DuckDBConnection): Promise<Record<DemoTable, number>> {
  const sql = DEMO_TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${DEMO_SCHEMA}.${t}`).join(' UNION ALL ');
  const reader = await conn.runAndReadAll(sql);
  const out = {} as Record<DemoTable, number>;
  for (const [t, n] of reader.getRows()) out[t as DemoTable] = Number(n);
  return out;
}

const OUTPUT_ALIAS = 'tessera_demo_output';

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function removeDatabaseFiles(path: string): void {
  for (const p of [path, `${path}.wal`, `${path}.spill`]) rmSync(p, { force: true, recursive: true });
}

/**
 * Writes the demo warehouse (schema `demo`) to `file`, replacing any existing file.
 * Deterministic: the same scale always yields identical data.
 */
export async function generateDemoWarehouse(file: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new RangeError(`scale must be a number in (0, 100], got ${String(options.scale)}`);
  }
  const target = resolve(file);
  const stem = basename(target).split('.')[0] ?? '';
  if (stem.toLowerCase() === DEMO_SCHEMA) {
    // DuckDB names a database after its file: `demo.duckdb` would be catalog `demo`, and every
    // `demo.<table>` reference (as in the models) would be ambiguous between catalog and schema.
    throw new Error(
      `${basename(target)}: DuckDB would name this database "${stem}" like the schema "${DEMO_SCHEMA}"; ` +
        'choose another file name, e.g. tessera-demo.duckdb',
    );
  }
  const started = performance.now();
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now()}.tmp`);
  removeDatabaseFiles(tmp);

  const steps = buildSteps(sizes(scale));
  const total = steps.length + 1;
  const progress = options.onProgress ?? (() => undefined);

  let rowCounts: Record<DemoTable, number>;
  try {
    // Attach the file under a fixed alias so that the temporary file name does not matter.
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const conn = await instance.connect();
      try {
        // large scales may spill; keep spill files next to the output rather than in the cwd
        await conn.run(`SET temp_directory = ${sqlString(`${tmp}.spill`)}`);
        await conn.run(`ATTACH ${sqlString(tmp)} AS ${OUTPUT_ALIAS}`);
        await conn.run(`USE ${OUTPUT_ALIAS}`);
        for (const sql of SETUP_SQL) await conn.run(sql);
        for (const [i, step] of steps.entries()) {
          progress(step.name, i, total);
          for (const sql of step.sql) await conn.run(sql);
        }
        progress('checkpoint', steps.length, total);
        rowCounts = await readRowCounts(conn);
        await conn.run(`CHECKPOINT ${OUTPUT_ALIAS}`);
        await conn.run('USE memory');
        await conn.run(`DETACH ${OUTPUT_ALIAS}`);
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    // A stale WAL next to the target would be replayed against the new file: remove it first.
    rmSync(`${target}.wal`, { force: true });
    renameSync(tmp, target);
    removeDatabaseFiles(tmp);
  } catch (err) {
    removeDatabaseFiles(tmp);
    throw err;
  }
  progress('done', total, total);
  return { file: target, scale, rowCounts, elapsedMs: Math.round(performance.now() - started) };
}
