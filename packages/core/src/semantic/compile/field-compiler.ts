import { dimensionKey, metricKey } from '../parse/table-spec.js';
import type { DimensionSpec } from '../parse/table-spec.js';
import type { CompiledTable } from '../types/explore.js';
import type { FieldPlan, FieldTarget, ResolvedExplore, ResolvedPart, ResolvedTable } from '../resolve/resolve-references.js';
import type { TemplatePart } from '../resolve/sql-template.js';
import { didYouMean } from '../util/suggest.js';
import { ParameterError } from '../../errors/index.js';
import type { FilterDialect } from '../../query/filters/filter-types.js';
import { exploreFilterDialect } from './filter-dialect.js';
import { filterRuleSql } from './filter-sql.js';
import { aggregateSql, filteredValueSql } from './metric-sql.js';
import { UnsupportedSqlError, type SemanticSqlDialect } from './sql-dialect.js';

/** Compiled SQL and every table (by name in the explore) it reaches, its own first. */
export interface SqlFragment {
  sql: string;
  tables: readonly string[];
  /** Aggregate metrics: the (filtered) value inside the aggregate, for fan-out-safe query plans. */
  valueSql?: string;
}

/** One table as the compiler sees it: its name in the explore and its resolved definition. */
export interface TableScope {
  alias: string;
  resolved: ResolvedTable;
  /** An extra explore's own dimensions and `sql_filter`, when this is its base table. */
  overlay?: ResolvedExplore;
  /** The table as compiled under this alias before: its fields need no compiling again. */
  known?: CompiledTable;
  /** `[alias]`, shared by every fragment that stays inside the table. */
  self: readonly string[];
  /** The alias, quoted: what `${TABLE}` compiles to. */
  quoted: string;
}

export type TableLookup = (ref: string) => TableScope | 'missing' | 'ambiguous';

/** Why a field cannot compile in this explore; `missingTable` when only an absent table is to blame. */
export class CompileFailure extends Error {
  constructor(
    message: string,
    readonly missingTable?: string,
  ) {
    super(message);
  }
}

export interface CompilerContext {
  dialect: SemanticSqlDialect;
  quote: (identifier: string) => string;
}

export const tableScope = (alias: string, resolved: ResolvedTable, quote: (identifier: string) => string): TableScope => ({
  alias,
  resolved,
  self: [alias],
  quoted: quote(alias),
});

const union = (a: readonly string[], b: readonly string[]): readonly string[] => {
  if (b === a || b.every((t) => a.includes(t))) return a;
  return [...a, ...b.filter((t) => !a.includes(t))];
};

/**
 * Stage 4 — compiles fields to SQL by inlining references: `${TABLE}` is the quoted table name,
 * a dimension or metric reference its compiled SQL in parentheses, recursively. Results are
 * memoized per table and key (`d:<name>`, `m:<name>`, `where`), so a reference compiles once
 * however often it is used; the stack of fields being compiled catches cycles, across tables too.
 */
export class FieldCompiler {
  private readonly memo = new Map<TableScope, Map<string, SqlFragment | CompileFailure>>();
  /** Fields being compiled, outermost first: a field met again here is a cycle. */
  private readonly stack: { table: TableScope; key: string }[] = [];
  private readonly filterDialect: FilterDialect;

  constructor(
    private readonly ctx: CompilerContext,
    private readonly lookup: TableLookup,
  ) {
    this.filterDialect = exploreFilterDialect(ctx.dialect);
  }

  field(table: TableScope, key: string): SqlFragment {
    const known = this.known(table, key);
    if (known) return known;
    let memo = this.memo.get(table);
    if (!memo) this.memo.set(table, (memo = new Map()));
    const hit = memo.get(key);
    if (hit instanceof CompileFailure) throw hit;
    if (hit) return hit;
    const seen = this.stack.findIndex((f) => f.table === table && f.key === key);
    if (seen >= 0) {
      const label = (f: { table: TableScope; key: string }) => `${f.table.alias}.${f.key === 'where' ? 'sql_filter' : f.key.slice(2)}`;
      throw new CompileFailure(`reference cycle: ${[...this.stack.slice(seen), { table, key }].map(label).join(' → ')}`);
    }
    this.stack.push({ table, key });
    try {
      const fragment = this.compute(table, key);
      memo.set(key, fragment);
      return fragment;
    } catch (e) {
      if (e instanceof CompileFailure) memo.set(key, e);
      throw e;
    } finally {
      this.stack.pop();
    }
  }

  private known(table: TableScope, key: string): SqlFragment | undefined {
    const compiled = table.known;
    if (!compiled) return undefined;
    if (key === 'where') {
      return compiled.sqlWhere !== undefined && !table.overlay?.sqlWhere ? { sql: compiled.sqlWhere, tables: table.self } : undefined;
    }
    const field = key.startsWith('d:') ? compiled.dimensions[key.slice(2)] : compiled.metrics[key.slice(2)];
    return field ? { sql: field.compiledSql, tables: field.tablesReferences ?? table.self } : undefined;
  }

  /** `sql_on` of a join: unqualified names belong to the joined table. */
  sqlOn(joined: TableScope, parts: readonly TemplatePart[]): SqlFragment {
    const resolved: ResolvedPart[] = parts.map((p) =>
      typeof p === 'string' || p.kind === 'table' ? p : { kind: 'dimension', table: p.table, name: p.name, text: p.text },
    );
    return this.render(joined, resolved);
  }

  distinctKeys(table: TableScope, plan: FieldPlan): string[] {
    return plan.distinctKeys.map((t) => this.field(this.targetTable(table, t), dimensionKey(t.name)).sql);
  }

  plan(table: TableScope, key: string): FieldPlan | undefined {
    if (key === 'where') return table.overlay?.sqlWhere ?? table.resolved.sqlWhere;
    const name = key.slice(2);
    if (key.startsWith('d:')) return table.overlay?.dimensions.get(name) ?? table.resolved.dimensions.get(name);
    return table.resolved.metrics.get(name);
  }

  dimensionSpec(table: TableScope, name: string): DimensionSpec | undefined {
    return table.overlay?.dimensionSpecs.get(name) ?? table.resolved.spec.dimensions.get(name);
  }

  private compute(table: TableScope, key: string): SqlFragment {
    const plan = this.plan(table, key);
    if (!plan) throw new CompileFailure(`"${table.alias}" has no field for ${key}`);
    const value = this.render(table, plan.parts);
    const metric = key.startsWith('m:') ? table.resolved.spec.metrics.get(key.slice(2)) : undefined;
    if (!metric?.aggregate) return value;
    let tables = value.tables;
    const conditions: string[] = [];
    for (const { rule, target } of plan.filters) {
      const scope = this.targetTable(table, target);
      const fragment = this.field(scope, dimensionKey(target.name));
      tables = union(tables, fragment.tables);
      const dim = this.dimensionSpec(scope, target.name)!;
      const caseSensitive = dim.caseSensitive ?? scope.resolved.spec.caseSensitive ?? true;
      let condition: string | undefined;
      try {
        condition = filterRuleSql(rule, { sql: fragment.sql, type: dim.type, caseSensitive, fieldId: target.text }, this.filterDialect);
      } catch (e) {
        if (e instanceof ParameterError) throw new CompileFailure(e.message);
        throw e;
      }
      if (condition !== undefined) conditions.push(condition);
    }
    const valueSql = filteredValueSql(value.sql, conditions);
    let sql: string;
    try {
      sql = aggregateSql(metric.draft.type, valueSql, metric.draft.percentile, this.ctx.dialect);
    } catch (e) {
      if (e instanceof UnsupportedSqlError) throw new CompileFailure(e.message);
      throw e;
    }
    return { sql, tables, valueSql };
  }

  private render(table: TableScope, parts: readonly ResolvedPart[]): SqlFragment {
    if (parts.length === 1 && typeof parts[0] === 'string') return { sql: parts[0], tables: table.self };
    let sql = '';
    let tables = table.self;
    for (const part of parts) {
      if (typeof part === 'string') {
        sql += part;
        continue;
      }
      if (part.kind === 'table') {
        sql += table.quoted;
        continue;
      }
      const scope = part.table === undefined ? table : this.targetTable(table, part);
      const fragment = this.field(scope, this.keyOf(scope, part));
      sql += `(${fragment.sql})`;
      tables = union(tables, fragment.tables);
    }
    return { sql, tables };
  }

  private targetTable(table: TableScope, target: FieldTarget): TableScope {
    if (target.table === undefined) return table;
    const found = this.lookup(target.table);
    if (found === 'missing') {
      throw new CompileFailure(`${target.text} references table "${target.table}", which is not joined in this explore`, target.table);
    }
    if (found === 'ambiguous') {
      throw new CompileFailure(`${target.text} is ambiguous: "${target.table}" is joined more than once; reference its alias`);
    }
    return found;
  }

  private keyOf(scope: TableScope, ref: Exclude<ResolvedPart, string | { kind: 'table' }>): string {
    const hasDimension = this.dimensionSpec(scope, ref.name) !== undefined;
    const hasMetric = scope.resolved.spec.metrics.has(ref.name);
    if ((ref.kind === 'dimension' || ref.kind === 'field') && hasDimension) return dimensionKey(ref.name);
    if ((ref.kind === 'metric' || ref.kind === 'field') && hasMetric) return metricKey(ref.name);
    if (ref.kind === 'dimension' && hasMetric) {
      throw new CompileFailure(`${ref.text} is a metric; dimensions, filters and aggregate metrics can only reference dimensions`);
    }
    if (ref.kind === 'metric' && hasDimension) {
      throw new CompileFailure(`${ref.text} is a dimension; a non-aggregate metric references metrics, or dimensions inside an aggregate function`);
    }
    const candidates = [...scope.resolved.spec.dimensions.keys(), ...scope.resolved.spec.metrics.keys()];
    throw new CompileFailure(`${ref.text} matches no ${ref.kind === 'field' ? 'field' : ref.kind} in "${scope.alias}"${didYouMean(ref.name, candidates)}`);
  }
}
