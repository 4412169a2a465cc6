import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import { crumbOf } from '../parse/table-spec.js';
import type { DimensionDraft, MetricSpec } from '../parse/table-spec.js';
import type { ResolvedTable } from '../resolve/resolve-references.js';
import type { AttributeValues, CompiledDimension, CompiledMetric, CompiledTable } from '../types/explore.js';
import { newRecord } from '../util/record.js';
import { CompileFailure, FieldCompiler, tableScope } from './field-compiler.js';
import type { CompilerContext, SqlFragment, TableScope } from './field-compiler.js';

/**
 * A table compiled under one name (its model name, or a join alias): every field that stays inside
 * the table, ready to share between explores, and the keys of those that reach other tables and
 * so compile per explore.
 */
export interface TableView {
  scope: TableScope;
  table: CompiledTable;
  external: { dimensions: string[]; metrics: string[]; where: boolean };
}

/** A table's own attribute requirements, for `tablesRequiredAttributes`. */
export type AttributesOf = (alias: string) => AttributeValues | undefined;

const tablesRequiredAttributes = (tables: readonly string[], attributesOf: AttributesOf) => {
  let out: Record<string, AttributeValues> | undefined;
  for (const t of tables) {
    const attrs = attributesOf(t);
    if (attrs) (out ??= {})[t] = attrs;
  }
  return out;
};

/**
 * The compiled field: `target` gets the table, its label, the compiled SQL and the tables it
 * reaches. `target` is the draft itself when compiling a table under its own name (each field then
 * exists once in memory), else a copy.
 */
const complete = <F extends CompiledDimension | CompiledMetric>(
  target: F,
  alias: string,
  tableLabel: string,
  fragment: SqlFragment,
  attributesOf: AttributesOf,
): F => {
  const out = target as F;
  out.table = alias;
  out.tableLabel = tableLabel;
  out.compiledSql = fragment.sql;
  out.tablesReferences = fragment.tables as string[];
  const required = tablesRequiredAttributes(fragment.tables, attributesOf);
  if (required) out.tablesRequiredAttributes = required;
  else if (out.tablesRequiredAttributes) delete out.tablesRequiredAttributes;
  return out;
};

export const compiledDimension = (
  draft: DimensionDraft,
  alias: string,
  tableLabel: string,
  fragment: SqlFragment,
  attributesOf: AttributesOf,
  inPlace = false,
): CompiledDimension => complete<CompiledDimension>(inPlace ? draft : { ...draft }, alias, tableLabel, fragment, attributesOf);

export const compiledMetric = (
  metric: MetricSpec,
  alias: string,
  tableLabel: string,
  fragment: SqlFragment,
  attributesOf: AttributesOf,
  distinctKeys: string[] | undefined,
  inPlace = false,
): CompiledMetric => {
  const out = complete<CompiledMetric>(inPlace ? metric.draft : { ...metric.draft }, alias, tableLabel, fragment, attributesOf);
  if (fragment.valueSql !== undefined) out.compiledValueSql = fragment.valueSql;
  if (metric.column !== undefined) out.dimensionReference = `${alias}_${metric.column}`;
  if (distinctKeys) out.compiledDistinctKeys = distinctKeys;
  return out;
};

const keep = <V>(map: ReadonlyMap<string, V>, names: readonly string[]): Map<string, V> =>
  new Map(names.map((n) => [n, map.get(n)!]));

/**
 * Stage 4, per table — compiles every field that references only its own table, under `alias`.
 * Runs once per table content and alias; explores then share the result. Under the model's own
 * name the drafts are completed in place.
 */
export const compileTableView = (resolved: ResolvedTable, alias: string, ctx: CompilerContext, reporter: ErrorReporter): TableView => {
  const { spec } = resolved;
  const inPlace = alias === spec.name;
  const scope = tableScope(alias, resolved, ctx.quote);
  const compiler = new FieldCompiler(ctx, () => 'missing');
  const attributesOf: AttributesOf = (t) => (t === alias ? spec.draft.requiredAttributes : undefined);
  const label = spec.draft.label;
  const external: TableView['external'] = { dimensions: [], metrics: [], where: false };
  const compile = (key: string): SqlFragment | undefined => {
    try {
      return compiler.field(scope, key);
    } catch (e) {
      if (!(e instanceof CompileFailure)) throw e;
      reporter.inContext(crumbOf(key)).error(e.message);
      return undefined;
    }
  };

  // Compiling reads plans, never drafts, so completing a draft in place as soon as it compiles is safe.
  const dimensions = newRecord<CompiledDimension>();
  for (const [name, plan] of resolved.dimensions) {
    if (plan.external) {
      external.dimensions.push(name);
      continue;
    }
    const fragment = compile(plan.key);
    if (fragment) dimensions[name] = compiledDimension(spec.dimensions.get(name)!, alias, label, fragment, attributesOf, inPlace);
  }
  const metrics = newRecord<CompiledMetric>();
  for (const [name, plan] of resolved.metrics) {
    if (plan.external) {
      external.metrics.push(name);
      continue;
    }
    const fragment = compile(plan.key);
    const keys = fragment && plan.distinctKeys.length ? compiler.distinctKeys(scope, plan) : undefined;
    if (fragment) metrics[name] = compiledMetric(spec.metrics.get(name)!, alias, label, fragment, attributesOf, keys, inPlace);
  }
  const where = resolved.sqlWhere && !resolved.sqlWhere.external ? compile('where') : undefined;
  if (resolved.sqlWhere?.external) external.where = true;
  const table: CompiledTable = inPlace
    ? { name: alias, ...spec.draft, dimensions, metrics }
    : { name: alias, originalName: spec.name, ...spec.draft, dimensions, metrics };
  if (where) table.sqlWhere = where.sql;
  // Compiled fields are now known by the table itself; only the plans of fields that compile per
  // explore are still needed (a third of the memory of a large project otherwise).
  const pruned: ResolvedTable = {
    ...resolved,
    dimensions: keep(resolved.dimensions, external.dimensions),
    metrics: keep(resolved.metrics, external.metrics),
  };
  if (!external.where) delete pruned.sqlWhere;
  return { scope: { ...scope, resolved: pruned, known: table }, table, external };
};
