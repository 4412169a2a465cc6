/**
 * `node --import tsx bench/query.ts` — the query-engine benchmarks of issue 4, measured in one run
 * against a Tessera server running in this process (PGlite store, HTTP on loopback, a DuckDB
 * warehouse file made here; see query-setup.ts):
 *
 *   - runQuery, small result (5 rows): server time minus warehouse time, from the `Server-Timing`
 *     header (`total` − `warehouse`), over many requests with `invalidateCache: true`;
 *   - cache hit: the same query answered by the results cache, server time (`total`);
 *   - runQuery returning 100,000 rows × 4 columns: wall time of the request (to the last byte of
 *     the body) ÷ the time DuckDB alone takes to produce the same rows from the same SQL in this
 *     process (@duckdb/node-api `runAndReadAll` + `getRowObjectsJS`);
 *   - CSV export of 10,000,000 rows × 4 columns (a dimension-only query, so the warehouse runs a
 *     DISTINCT over the whole table): job start (POST downloadCsv) → file complete (getCsvUrl says
 *     completed), raw and formatted (both written by DuckDB from SQL expressions), and formatted with
 *     timestamps shown in Europe/Paris (no SQL plan: the rows stream through the JS formatters), with
 *     the process's resident memory sampled every 20 ms.
 *     DuckDB's own COPY of the same SQL to a CSV file, in this process, is measured as reference.
 *
 * Each figure is the median over BENCH_ROUNDS rounds (default 3): the machine is shared and noisy.
 *
 *   BENCH_ROUNDS=5 BENCH_CSV_ROWS=2000000 BENCH_REQUESTS=500 node --import tsx bench/query.ts
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createWarehouse, startServer, writeModels, type BenchServer } from './query-setup.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 10_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const LARGE_ROWS = 100_000;
/** BENCH_ONLY=small,hit,large,csv runs only those parts (to iterate on one). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'small,hit,large,csv').split(','));
const root = path.resolve(import.meta.dirname, '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const mb = (bytes: number) => bytes / 1e6;

const query = (exploreName: string, over: Record<string, unknown>) => ({
  exploreName,
  dimensions: [],
  metrics: [],
  filters: {},
  sorts: [],
  limit: 500,
  tableCalculations: [],
  ...over,
});
const columnsOf = (explore: string) => ['id', 'status', 'amount', 'created_at'].map((c) => `${explore}_${c}`);
const small = query('events_small', { dimensions: ['events_small_status'], metrics: ['events_small_count', 'events_small_revenue'], limit: 100 });
const large = query('events_small', { dimensions: columnsOf('events_small'), limit: LARGE_ROWS });
/** The export's body; a display `timezone` other than UTC leaves timestamps without an SQL plan, so the rows stream through the JS formatters. */
const exported = (onlyRaw: boolean, timezone?: string) => ({
  ...query('events', { dimensions: columnsOf('events'), ...(timezone ? { timezone } : {}) }),
  csvLimit: null,
  onlyRaw,
  showTableNames: false,
  columnOrder: [],
  customLabels: {},
  hiddenFields: [],
});

/** `a;dur=1.2, b;dur=3` → {a: 1.2, b: 3}. */
const serverTiming = (header: string | null): Record<string, number> =>
  Object.fromEntries(
    (header ?? '').split(',').map((part) => {
      const [name, dur] = part.trim().split(';dur=');
      return [name!, Number(dur)];
    }),
  );

const call = async (server: BenchServer, method: string, route: string, payload?: unknown) => {
  const started = performance.now();
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: server.authorization, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  const body = Buffer.from(await res.arrayBuffer());
  const wallMs = performance.now() - started;
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${body.toString('utf8', 0, 500)}`);
  return { wallMs, body, json: () => JSON.parse(body.toString()) as { results: unknown }, timing: serverTiming(res.headers.get('server-timing')) };
};

const runQuery = (server: BenchServer, body: Record<string, unknown>) =>
  call(server, 'POST', `/api/v1/projects/${server.projectUuid}/explores/${String(body.exploreName)}/runQuery`, body);

const compiledSql = async (server: BenchServer, body: Record<string, unknown>) =>
  (await call(server, 'POST', `/api/v1/projects/${server.projectUuid}/explores/${String(body.exploreName)}/compileQuery`, body)).json().results as string;

/** Server time minus warehouse time of the small query, run anew each time (`invalidateCache`). */
const smallQueries = async (server: BenchServer) => {
  const overhead: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const { timing } = await runQuery(server, { ...small, invalidateCache: true });
    overhead.push(timing.total! - timing.warehouse!);
  }
  return { p50: percentile(overhead, 50), p95: percentile(overhead, 95) };
};

/** Server time of the small query answered by the results cache. */
const cacheHits = async (server: BenchServer) => {
  await runQuery(server, small);
  const totals: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const { timing } = await runQuery(server, small);
    if (timing.warehouse !== undefined) throw new Error('expected a cache hit');
    totals.push(timing.total!);
  }
  return { p50: percentile(totals, 50), p95: percentile(totals, 95) };
};

type DuckDb = Awaited<ReturnType<typeof openDuckDb>>;

/** DuckDB alone, in this process, on the warehouse file. */
const openDuckDb = async (file: string) => {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  return {
    /** Runs `sql` and produces its rows as JS objects; returns the milliseconds. */
    rows: async (sql: string, expected: number) => {
      const started = performance.now();
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
      if (rows.length !== expected) throw new Error(`DuckDB gave ${rows.length} rows, not ${expected}`);
      return performance.now() - started;
    },
    copy: async (sql: string, file: string) => {
      const started = performance.now();
      await connection.run(`copy (${sql}) to '${file.replace(/'/g, "''")}' (header)`);
      return performance.now() - started;
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
};

/** The 100,000-row query through the server, and the same SQL run by DuckDB alone, alternately. */
const largeQueries = async (server: BenchServer, duck: DuckDb, sql: string) => {
  const duckMs: number[] = [];
  const serverMs: number[] = [];
  const totalMs: number[] = [];
  const json: number[] = [];
  const warehouse: number[] = [];
  for (let i = 0; i < 3; i++) {
    duckMs.push(await duck.rows(sql, LARGE_ROWS));
    const { wallMs, timing, body } = await runQuery(server, { ...large, invalidateCache: true });
    if (!body.includes(`"events_small_id":{"value":{"raw":${LARGE_ROWS - 1},`)) throw new Error('the 100,000-row result is incomplete');
    serverMs.push(wallMs);
    totalMs.push(timing.total!);
    json.push(timing.json!);
    warehouse.push(timing.warehouse!);
  }
  return {
    duckMs: median(duckMs),
    serverMs: median(serverMs),
    ratio: median(serverMs) / median(duckMs),
    totalMs: median(totalMs),
    totalRatio: median(totalMs) / median(duckMs),
    warehouseMs: median(warehouse),
    jsonMs: median(json),
  };
};

/**
 * Samples memory every 20 ms while `work` runs: the resident set (which includes DuckDB's own
 * memory: it runs in this process) and what JS holds (V8 heap + external memory, Buffers included);
 * each as its peak growth over the value before `work`.
 */
const sampledRss = async <T>(work: () => Promise<T>) => {
  const js = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakJs = js(before);
  const sampling = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakJs = Math.max(peakJs, js(m));
  }, 20);
  try {
    return { result: await work(), rssGrowthMb: mb(peakRss - before.rss), jsGrowthMb: mb(peakJs - js(before)) };
  } finally {
    clearInterval(sampling);
  }
};

/** One export, from POST downloadCsv to getCsvUrl saying completed; the file is removed afterwards. */
const csvExport = async (server: BenchServer, home: string, body: ReturnType<typeof exported>) => {
  const { result, rssGrowthMb, jsGrowthMb } = await sampledRss(async () => {
    const started = performance.now();
    const start = await call(server, 'POST', `/api/v1/projects/${server.projectUuid}/explores/events/downloadCsv`, body);
    const { jobId } = start.json().results as { jobId: string };
    for (;;) {
      const { status, error } = (await call(server, 'GET', `/api/v1/csv/${jobId}`)).json().results as { status: string; error?: string };
      if (status === 'completed') break;
      if (status === 'error') throw new Error(`the export failed: ${error}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: performance.now() - started, jobId };
  });
  const file = path.join(home, 'exports', result.jobId);
  const { rowCount, truncated } = JSON.parse(await readFile(`${file}.json`, 'utf8')) as { rowCount: number; truncated: boolean };
  if (rowCount !== CSV_ROWS || truncated) throw new Error(`the export has ${rowCount} rows (truncated: ${truncated}), not ${CSV_ROWS}`);
  await rm(`${file}.csv`, { force: true });
  return { rowsPerSecond: CSV_ROWS / (result.ms / 1000), seconds: result.ms / 1000, rssGrowthMb, jsGrowthMb };
};

/** DuckDB's own COPY of `sql` to a CSV file, in this process. */
const copyReference = async (duck: DuckDb, sql: string, home: string) => {
  const file = path.join(home, 'copy.csv');
  const { result: ms, rssGrowthMb, jsGrowthMb } = await sampledRss(() => duck.copy(sql, file));
  await rm(file, { force: true });
  return { rowsPerSecond: CSV_ROWS / (ms / 1000), seconds: ms / 1000, rssGrowthMb, jsGrowthMb };
};

type Round = {
  small: Awaited<ReturnType<typeof smallQueries>>;
  hit: Awaited<ReturnType<typeof cacheHits>>;
  large: Awaited<ReturnType<typeof largeQueries>>;
  csvRaw: Awaited<ReturnType<typeof csvExport>>;
  csvFormatted: Awaited<ReturnType<typeof csvExport>>;
  csvStreamed: Awaited<ReturnType<typeof csvExport>>;
  copy: Awaited<ReturnType<typeof copyReference>>;
  copyTable: Awaited<ReturnType<typeof copyReference>>;
};

const NONE = { rowsPerSecond: NaN, seconds: NaN, rssGrowthMb: NaN, jsGrowthMb: NaN };

const home = await mkdtemp(path.join(os.tmpdir(), 'tessera-query-bench-'));
try {
  const warehouse = path.join(home, 'warehouse.duckdb');
  const setupStarted = performance.now();
  await createWarehouse(warehouse, CSV_ROWS, LARGE_ROWS);
  await writeModels(path.join(home, 'models'));
  const server = await startServer(home, { TESSERA_QUERY_MAX_LIMIT: String(LARGE_ROWS), TESSERA_CSV_MAX_ROWS: String(CSV_ROWS) }, warehouse, path.join(home, 'models'));
  console.log(`set-up (warehouse of ${CSV_ROWS.toLocaleString('en-US')} + ${LARGE_ROWS.toLocaleString('en-US')} rows, server, project): ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
  const duck = await openDuckDb(warehouse);
  try {
    const largeSql = await compiledSql(server, large);
    const exportSql = (await compiledSql(server, { ...exported(true), limit: LARGE_ROWS })).replace(new RegExp(`LIMIT ${LARGE_ROWS}$`), `LIMIT ${CSV_ROWS + 1}`);
    if (!exportSql.endsWith(`LIMIT ${CSV_ROWS + 1}`)) throw new Error(`unexpected export SQL: ${exportSql}`);
    for (let i = 0; i < 50; i++) await runQuery(server, { ...small, invalidateCache: true });

    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const csv = ONLY.has('csv');
      rounds.push({
        small: ONLY.has('small') ? await smallQueries(server) : { p50: NaN, p95: NaN },
        hit: ONLY.has('hit') ? await cacheHits(server) : { p50: NaN, p95: NaN },
        large: ONLY.has('large') ? await largeQueries(server, duck, largeSql) : { duckMs: NaN, serverMs: NaN, ratio: NaN, totalMs: NaN, totalRatio: NaN, warehouseMs: NaN, jsonMs: NaN },
        csvRaw: csv ? await csvExport(server, home, exported(true)) : NONE,
        csvFormatted: csv ? await csvExport(server, home, exported(false)) : NONE,
        csvStreamed: csv ? await csvExport(server, home, exported(false, 'Europe/Paris')) : NONE,
        copy: csv ? await copyReference(duck, exportSql, home) : NONE,
        copyTable: csv ? await copyReference(duck, 'select * from bench.events', home) : NONE,
      });
      console.log(`round ${round + 1}/${ROUNDS}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const m = (pick: (r: Round) => number) => median(rounds.map(pick));
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const rate = (x: number) => `${Math.round(x).toLocaleString('en-US')} rows/s`;
    const table = [
      { benchmark: 'runQuery 5 rows: server − warehouse, p50', measured: ms(m((r) => r.small.p50)), target: '≤ 2 ms', ok: m((r) => r.small.p50) <= 2 },
      { benchmark: 'runQuery 5 rows: server − warehouse, p95', measured: ms(m((r) => r.small.p95)), target: '≤ 10 ms', ok: m((r) => r.small.p95) <= 10 },
      { benchmark: 'cache hit: server time, p50', measured: ms(m((r) => r.hit.p50)), target: '≤ 2 ms', ok: m((r) => r.hit.p50) <= 2 },
      {
        benchmark: 'runQuery 100,000 rows: server total ÷ DuckDB alone',
        measured: `${m((r) => r.large.totalRatio).toFixed(2)} (${m((r) => r.large.totalMs).toFixed(0)} ms vs ${m((r) => r.large.duckMs).toFixed(0)} ms)`,
        target: '≤ 1.5',
        ok: m((r) => r.large.totalRatio) <= 1.5,
      },
      {
        benchmark: '  the same, client wall time (body received)',
        measured: `${m((r) => r.large.ratio).toFixed(2)} (${m((r) => r.large.serverMs).toFixed(0)} ms)`,
        target: '≤ 1.5',
        ok: m((r) => r.large.ratio) <= 1.5,
      },
      { benchmark: `CSV ${CSV_ROWS.toLocaleString('en-US')} rows, raw: start → complete`, measured: rate(m((r) => r.csvRaw.rowsPerSecond)), target: '≥ 1,000,000 rows/s', ok: m((r) => r.csvRaw.rowsPerSecond) >= 1e6 },
      { benchmark: 'CSV raw: resident memory growth', measured: `${m((r) => r.csvRaw.rssGrowthMb).toFixed(0)} MB (JS: ${m((r) => r.csvRaw.jsGrowthMb).toFixed(0)} MB)`, target: '≤ 100 MB', ok: m((r) => r.csvRaw.rssGrowthMb) <= 100 },
      { benchmark: `CSV ${CSV_ROWS.toLocaleString('en-US')} rows, formatted`, measured: rate(m((r) => r.csvFormatted.rowsPerSecond)), target: '≥ 1,000,000 rows/s', ok: m((r) => r.csvFormatted.rowsPerSecond) >= 1e6 },
      { benchmark: 'CSV formatted: resident memory growth', measured: `${m((r) => r.csvFormatted.rssGrowthMb).toFixed(0)} MB (JS: ${m((r) => r.csvFormatted.jsGrowthMb).toFixed(0)} MB)`, target: '≤ 100 MB', ok: m((r) => r.csvFormatted.rssGrowthMb) <= 100 },
      {
        benchmark: 'reference: formatted, timestamps in Europe/Paris (no SQL plan: streamed through the JS formatters)',
        measured: `${rate(m((r) => r.csvStreamed.rowsPerSecond))}, +${m((r) => r.csvStreamed.rssGrowthMb).toFixed(0)} MB (JS: ${m((r) => r.csvStreamed.jsGrowthMb).toFixed(0)} MB)`,
        target: '',
        ok: '',
      },
      { benchmark: 'reference: DuckDB COPY of the same SQL', measured: `${rate(m((r) => r.copy.rowsPerSecond))}, +${m((r) => r.copy.rssGrowthMb).toFixed(0)} MB`, target: '', ok: '' },
      { benchmark: 'reference: DuckDB COPY of the table (no DISTINCT)', measured: `${rate(m((r) => r.copyTable.rowsPerSecond))}, +${m((r) => r.copyTable.rssGrowthMb).toFixed(0)} MB`, target: '', ok: '' },
    ];
    console.table(table);
    console.log('details (medians): 100,000 rows: warehouse call', ms(m((r) => r.large.warehouseMs)), '· JSON text', ms(m((r) => r.large.jsonMs)));
    await mkdir(path.join(root, 'bench/results'), { recursive: true });
    await writeFile(path.join(root, 'bench/results/query.json'), JSON.stringify({ at: new Date().toISOString(), rounds, table }, null, 2));
  } finally {
    duck.close();
    await server.close();
  }
} finally {
  await rm(home, { recursive: true, force: true });
}
