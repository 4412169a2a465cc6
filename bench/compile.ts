/**
 * Explore-compiler benchmark: generates a dbt manifest of 10,000 models × 20 columns × 3 metrics,
 * each model joining two others, then measures in separate processes (so peak RSS is the
 * compile's own):
 *   - in-process: load the manifest and compile with the library, then change one model and
 *     recompile incrementally;
 *   - the CLI: `tessera compile manifest.json` (and with `--json`, streaming the output file).
 *
 *   node --import tsx bench/compile.ts            (BENCH_MODELS=… to change the size)
 *
 * Targets: full compile ≤ 5 s and ≤ 500 MB peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createIncrementalCompiler, defaultQuote, isExploreError } from '@tessera/core';
import type { ModelDefinition } from '@tessera/core';
import { DbtManifestSource } from '@tessera/models';

const root = path.resolve(import.meta.dirname, '..');
const MODELS = Number(process.env.BENCH_MODELS ?? 10_000);
const COLUMNS = 20;
const TARGET_MS = 5_000;
const TARGET_MB = 500;

/** Column i of every model: an id, two foreign keys, two timestamps, numbers and text. */
const columnOf = (m: number, i: number) => {
  if (i === 0) return { name: 'id', data_type: 'integer', meta: { dimension: { type: 'number' }, metrics: { [`m${m}_count`]: { type: 'count_distinct' } } } };
  if (i === 1 || i === 2) return { name: `fk_${i}`, data_type: 'integer', meta: { dimension: { type: 'number', hidden: true } } };
  if (i === 3) return { name: 'created_at', data_type: 'timestamp', meta: {} };
  if (i === 4) return { name: 'updated_on', data_type: 'date', meta: { dimension: { time_intervals: ['DAY', 'MONTH', 'YEAR'] } } };
  if (i === 5) return { name: 'amount', data_type: 'numeric', meta: { dimension: { type: 'number', format: 'usd' }, metrics: { [`m${m}_total`]: { type: 'sum', filters: [{ status: '!cancelled' }] } } } };
  if (i % 2 === 0) return { name: `measure_${i}`, data_type: 'double precision', meta: { dimension: { label: `Measure ${i}`, round: 2 } } };
  return { name: i === 7 ? 'status' : `attribute_${i}`, data_type: 'varchar', description: `Attribute ${i} of model ${m}`, meta: {} };
};

const nodeOf = (m: number) => {
  const name = `model_${m}`;
  const a = `model_${(m + 1) % MODELS}`;
  const b = `model_${(m + 7) % MODELS}`;
  const columns = Object.fromEntries(Array.from({ length: COLUMNS }, (_, i) => columnOf(m, i)).map((c) => [c.name, c]));
  return [
    `model.bench.${name}`,
    {
      unique_id: `model.bench.${name}`,
      resource_type: 'model',
      name,
      alias: name,
      database: 'analytics',
      schema: 'marts',
      relation_name: `"analytics"."marts"."${name}"`,
      description: `Model ${m}`,
      original_file_path: `models/${name}.sql`,
      patch_path: `bench://models/${name}.yml`,
      config: { materialized: 'table', tags: ['bench'], meta: {} },
      tags: ['bench'],
      depends_on: { nodes: [`model.bench.${a}`] },
      meta: {
        primary_key: 'id',
        joins: [
          { join: a, sql_on: `\${${name}.fk_1} = \${${a}.id}`, relationship: 'many-to-one' },
          { join: b, sql_on: `\${${name}.fk_2} = \${${b}.id}`, relationship: 'many-to-one', type: 'inner' },
        ],
        metrics: { [`m${m}_average`]: { type: 'number', sql: `\${m${m}_total} / NULLIF(\${m${m}_count}, 0)` } },
      },
      columns,
    },
  ] as const;
};

const generate = async (file: string) => {
  const nodes = Object.fromEntries(Array.from({ length: MODELS }, (_, m) => nodeOf(m)));
  const manifest = { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json', adapter_type: 'postgres' }, nodes };
  await writeFile(file, JSON.stringify(manifest));
};

const mb = (kb: number) => Math.round(kb / 1024);

/** Child mode: the library in this process; prints one JSON line of figures. */
const worker = async (file: string) => {
  const t0 = performance.now();
  const loaded = await new DbtManifestSource(file).load();
  const t1 = performance.now();
  const compiler = createIncrementalCompiler({ targetDatabase: 'postgres', quote: defaultQuote('postgres') });
  const first = compiler.compile(loaded.models);
  const t2 = performance.now();
  const errors = first.explores.filter(isExploreError).length;
  // One model changes (a new metric): only it and the explores that use it are redone.
  const changed: ModelDefinition[] = loaded.models.slice();
  const target = changed[42]!;
  changed[42] = { ...target, meta: { ...target.meta, metrics: { ...(target.meta.metrics as object), extra: { type: 'max', sql: '${TABLE}.amount' } } } };
  const t3 = performance.now();
  const second = compiler.compile(changed);
  const t4 = performance.now();
  console.log(
    JSON.stringify({
      models: loaded.models.length,
      explores: first.explores.length,
      errors,
      loadMs: Math.round(t1 - t0),
      compileMs: Math.round(t2 - t1),
      totalMs: Math.round(t2 - t0),
      recompileMs: Math.round(t4 - t3),
      recompiledTables: second.stats.tablesCompiled,
      reassembledExplores: second.stats.exploresAssembled,
      peakRssMB: mb(process.resourceUsage().maxRSS),
    }),
  );
};

const runNode = (args: string[]) => {
  const started = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: Math.round(performance.now() - started), status: res.status, out: `${res.stdout}${res.stderr}` };
};

const cliRow = (label: string, args: string[]) => {
  const res = runNode([path.join(root, 'apps/cli/bin/tessera.mjs'), 'compile', ...args]);
  const rss = /peak RSS (\d+) MB/.exec(res.out)?.[1];
  const compile = /explores: .* — ([\d.]+ m?s)/.exec(res.out)?.[1];
  if (res.status !== 0) throw new Error(`${label} exited ${res.status}:\n${res.out}`);
  return { run: label, wallMs: res.ms, compile, peakRssMB: Number(rss) };
};

if (process.argv[2] === '--worker') {
  await worker(process.argv[3]!);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-bench-compile-'));
  try {
    const file = path.join(dir, 'manifest.json');
    const t = performance.now();
    await generate(file);
    console.log(`generated ${MODELS} models × ${COLUMNS} columns × 3 metrics (2 joins each) in ${Math.round(performance.now() - t)} ms`);

    const res = runNode(['--import', 'tsx', path.join(root, 'bench/compile.ts'), '--worker', file]);
    if (res.status !== 0) throw new Error(`worker exited ${res.status}:\n${res.out}`);
    const inProcess = JSON.parse(res.out.trim().split('\n').pop()!) as {
      models: number; explores: number; errors: number; loadMs: number; compileMs: number; totalMs: number;
      recompileMs: number; recompiledTables: number; reassembledExplores: number; peakRssMB: number;
    };
    const rows = [
      { run: 'in-process (load + compile)', wallMs: inProcess.totalMs, compile: `${inProcess.compileMs} ms`, peakRssMB: inProcess.peakRssMB },
      cliRow('CLI', [file]),
      cliRow('CLI --json', [file, '--json', path.join(dir, 'explores.json')]),
    ];
    console.table(rows);
    console.log(
      `in-process: load ${inProcess.loadMs} ms, compile ${inProcess.compileMs} ms, ${inProcess.explores} explores (${inProcess.errors} errors); ` +
        `recompile after one model changed: ${inProcess.recompileMs} ms (${inProcess.recompiledTables} table, ${inProcess.reassembledExplores} explores redone)`,
    );
    const ok = inProcess.totalMs <= TARGET_MS && inProcess.peakRssMB <= TARGET_MB;
    console.log(`target: ≤ ${TARGET_MS} ms and ≤ ${TARGET_MB} MB peak RSS — ${ok ? 'met' : 'NOT met'}`);
    await mkdir(path.join(root, 'bench/results'), { recursive: true });
    await writeFile(
      path.join(root, 'bench/results/compile.json'),
      JSON.stringify({ at: new Date().toISOString(), models: MODELS, columns: COLUMNS, metrics: 3, inProcess, rows }, null, 2),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
