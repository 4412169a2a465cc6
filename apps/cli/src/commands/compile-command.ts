import { parseArgs } from 'node:util';
import path from 'node:path';
import { createIncrementalCompiler, isExploreError } from '@tessera/core';
import type { TargetDatabase } from '@tessera/core';
import { openModelSource, targetDatabaseOf } from '@tessera/models';
import { queryDialect } from '@tessera/warehouses/dialects';
import { formatSummary } from '../output/summary.js';
import { writeExploresJson } from '../output/write-explores-json.js';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export const COMPILE_USAGE = `Usage: tessera compile <dbt project dir | manifest.json | models dir> [options]

Compiles the models into explores and prints a summary; exits with 1 when any explore has errors.

Options:
  --json <file>          write the compiled explores (and explore errors) as JSON
  --target <warehouse>   postgres, redshift, duckdb, snowflake, bigquery, databricks, trino, athena,
                         clickhouse (default: the project's adapter, else postgres)
  --profiles-dir <dir>   where profiles.yml is (dbt project directories)
  --dbt-target <name>    profile target to use (default: the profile's target)
  --schema <name>        schema when no profile gives one
  --database <name>      database when no profile gives one
  --verbose              list warnings too
  -h, --help             show this help`;

/** `tessera compile`: load → compile → summary (→ JSON). Returns the exit code. */
export const runCompile = async (argv: string[], io: CommandIo): Promise<number> => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        target: { type: 'string' },
        'profiles-dir': { type: 'string' },
        'dbt-target': { type: 'string' },
        schema: { type: 'string' },
        database: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${COMPILE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(COMPILE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(COMPILE_USAGE);
    return 2;
  }
  let target: TargetDatabase | undefined;
  if (values.target !== undefined) {
    target = targetDatabaseOf(values.target);
    if (!target) {
      io.err(`Unknown --target "${values.target}"`);
      return 2;
    }
  }

  const location = path.resolve(io.cwd, positionals[0]!);
  const started = performance.now();
  let source;
  try {
    source = await openModelSource(location, {
      env: io.env,
      ...(values['profiles-dir'] ? { profilesDir: path.resolve(io.cwd, values['profiles-dir']) } : {}),
      ...(values['dbt-target'] ? { target: values['dbt-target'] } : {}),
      ...(values.schema ? { defaultSchema: values.schema } : {}),
      ...(values.database ? { defaultDatabase: values.database } : {}),
    });
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  const loaded = await source.load();
  const loadedAt = performance.now();
  const targetDatabase = target ?? loaded.targetDatabase ?? 'postgres';
  // The warehouse's own dialect, as the server compiles: the same quoting and templates.
  const dialect = queryDialect(targetDatabase);
  const compiler = createIncrementalCompiler({ targetDatabase, quote: dialect.quoteIdentifier, sql: dialect.semantic });
  const { explores } = compiler.compile(loaded.models);
  const compiledAt = performance.now();

  io.out(
    formatSummary({
      source: source.kind,
      models: loaded.models.length,
      explores,
      loadDiagnostics: loaded.diagnostics,
      loadMs: loadedAt - started,
      compileMs: compiledAt - loadedAt,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      verbose: values.verbose,
    }),
  );
  if (values.json) {
    const file = path.resolve(io.cwd, values.json);
    await writeExploresJson(file, explores);
    io.out(`Wrote ${explores.length} explore${explores.length === 1 ? '' : 's'} to ${path.relative(io.cwd, file) || file}`);
  }
  const failed = explores.some(isExploreError) || loaded.diagnostics.some((d) => d.severity === 'error');
  return failed ? 1 : 0;
};
