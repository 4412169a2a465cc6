import { compileExplores } from '../compiler.js';
import { defaultQuote } from '../compile/sql-dialect.js';
import type { CompileOptions } from '../types/compile-options.js';
import { isExploreError } from '../types/explore.js';
import type { CompiledDimension, CompiledMetric, Explore, ExploreError, TargetDatabase } from '../types/explore.js';
import type { ColumnDefinition, ModelDefinition } from '../types/model-definition.js';

/** Test helper: a model definition with sensible defaults; `columns` maps name → column meta. */
export const model = (
  name: string,
  opts: {
    meta?: Record<string, unknown>;
    columns?: Record<string, Record<string, unknown>>;
    column?: Partial<Record<string, Partial<ColumnDefinition>>>;
    description?: string;
    tags?: string[];
  } = {},
): ModelDefinition => ({
  name,
  path: `models/${name}.yml`,
  sqlPath: `models/${name}.sql`,
  relation: { kind: 'table', database: 'db', schema: 'public', identifier: name },
  tags: opts.tags ?? [],
  meta: opts.meta ?? {},
  columns: Object.entries(opts.columns ?? { id: { dimension: { type: 'number' } } }).map(([column, meta]) => ({
    name: column,
    meta,
    ...opts.column?.[column],
  })),
  ...(opts.description ? { description: opts.description } : {}),
});

export const compile = (models: ModelDefinition[], target: TargetDatabase = 'postgres', extra: Partial<CompileOptions> = {}) =>
  compileExplores(models, { targetDatabase: target, quote: defaultQuote(target), ...extra }).explores;

/** The explore named `name`, failing the test when it is missing or has errors. */
export const explore = (explores: (Explore | ExploreError)[], name: string): Explore => {
  const found = explores.find((e) => e.name === name);
  if (!found) throw new Error(`no explore ${name} among ${explores.map((e) => e.name).join(', ')}`);
  if (isExploreError(found)) throw new Error(`explore ${name} has errors:\n${found.errors.map((e) => e.message).join('\n')}`);
  return found;
};

/** The explore error named `name`, failing the test when the explore compiled. */
export const exploreError = (explores: (Explore | ExploreError)[], name: string): ExploreError => {
  const found = explores.find((e) => e.name === name);
  if (!found || !isExploreError(found)) throw new Error(`expected explore ${name} to have errors`);
  return found;
};

/** One compiled model's own explore, its table. */
export const table = (m: ModelDefinition, others: ModelDefinition[] = [], target: TargetDatabase = 'postgres') =>
  explore(compile([m, ...others], target), m.name).tables[m.name]!;

export const dimension = (m: ModelDefinition, name: string, target: TargetDatabase = 'postgres'): CompiledDimension => {
  const d = table(m, [], target).dimensions[name];
  if (!d) throw new Error(`no dimension ${name}`);
  return d;
};

export const metric = (m: ModelDefinition, name: string, target: TargetDatabase = 'postgres'): CompiledMetric => {
  const found = table(m, [], target).metrics[name];
  if (!found) throw new Error(`no metric ${name}`);
  return found;
};

export const warningsOf = (e: Explore): string[] => (e.warnings ?? []).map((w) => w.message);
export const errorsOf = (e: ExploreError): string[] => e.errors.map((x) => x.message);
