import { compiledDimension, compiledMetric } from '../compile/compile-table.js';
import type { AttributesOf, TableView } from '../compile/compile-table.js';
import { CompileFailure, FieldCompiler } from '../compile/field-compiler.js';
import type { CompilerContext, TableLookup, TableScope } from '../compile/field-compiler.js';
import { ErrorReporter } from '../diagnostics/error-reporter.js';
import { crumbOf } from '../parse/table-spec.js';
import type { ResolvedExplore, ResolvedJoin } from '../resolve/resolve-references.js';
import type { TableUnit } from '../table-unit.js';
import type {
  CompiledDimension,
  CompiledExploreJoin,
  CompiledMetric,
  CompiledTable,
  Explore,
  ExploreError,
  MetricFilterRule,
  TargetDatabase,
} from '../types/explore.js';
import { friendlyName } from '../util/friendly-name.js';
import { newRecord } from '../util/record.js';
import { didYouMean } from '../util/suggest.js';
import { compileWarning, exploreError, inExplore } from './explore-error.js';
import { JoinVisibility } from './join-visibility.js';

export interface AssemblyContext extends CompilerContext {
  targetDatabase: TargetDatabase;
  unit(model: string): TableUnit | undefined;
  modelNames(): Iterable<string>;
}

interface JoinedTable {
  resolved: ResolvedJoin;
  unit: TableUnit;
  view: TableView;
  scope: TableScope;
}

/**
 * Stage 5 — one explore: its base table, the tables its joins bring (compiled under their alias),
 * each join's `sql_on`, and the fields that reach across tables, compiled here because they
 * depend on what this explore joins. Tables nobody changed are shared with other explores.
 */
export const assembleExplore = (
  name: string,
  base: TableUnit,
  explore: ResolvedExplore | undefined,
  ctx: AssemblyContext,
): Explore | ExploreError => {
  const label = explore ? (explore.spec.label ?? friendlyName(name)) : undefined;
  if (base.failed) return exploreError(name, base, inExplore(base.diagnostics, name), label);
  const reporter = ErrorReporter.forFile(base.spec.file, [`explore ${name}`]);
  const assembly = new Assembly(name, base, explore, ctx, reporter);
  const result = assembly.build();
  const diagnostics = [...inExplore(base.diagnostics, name), ...reporter.diagnostics];
  if (reporter.hasErrors()) return exploreError(name, base, diagnostics, label);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').map(compileWarning);
  if (warnings.length) result.warnings = warnings;
  return result;
};

class Assembly {
  private readonly scopes = new Map<string, TableScope>();
  private readonly joined: JoinedTable[] = [];
  private readonly compiler: FieldCompiler;
  private readonly baseScope: TableScope;
  private readonly attributesOf: AttributesOf;
  /** A failure reaches every field that depends on the failing one; it is reported once. */
  private readonly reported = new Set<CompileFailure>();

  constructor(
    private readonly name: string,
    private readonly base: TableUnit,
    private readonly explore: ResolvedExplore | undefined,
    private readonly ctx: AssemblyContext,
    private readonly reporter: ErrorReporter,
  ) {
    const view = base.view(base.name);
    this.baseScope = explore ? { ...view.scope, overlay: explore } : view.scope;
    this.scopes.set(base.name, this.baseScope);
    for (const resolved of explore?.joins ?? base.resolved.joins) {
      const { join } = resolved;
      const r = reporter.inContext(join.crumb);
      const unit = ctx.unit(join.model);
      if (!unit) r.error(`joins "${join.model}", which is not a model of this project${didYouMean(join.model, ctx.modelNames())}`);
      else if (unit.failed) r.error(`joins "${join.model}", which has errors (see the explore "${join.model}")`);
      else {
        const joinedView = unit.view(join.alias);
        this.scopes.set(join.alias, joinedView.scope);
        this.joined.push({ resolved, unit, view: joinedView, scope: joinedView.scope });
      }
    }
    const lookup: TableLookup = (ref) => {
      const exact = this.scopes.get(ref);
      if (exact) return exact;
      let found: TableScope | undefined;
      for (const s of this.scopes.values()) {
        if (s.resolved.spec.name !== ref) continue;
        if (found) return 'ambiguous';
        found = s;
      }
      return found ?? 'missing';
    };
    this.compiler = new FieldCompiler(ctx, lookup);
    const overrides = explore?.spec.requiredAttributes;
    this.attributesOf = (alias) =>
      alias === base.name && overrides ? overrides : this.scopes.get(alias)?.resolved.spec.draft.requiredAttributes;
  }

  build(): Explore {
    const joinedTables: CompiledExploreJoin[] = [];
    const sqlOnDimensions = new Map<string, Set<string>>();
    for (const j of this.joined) {
      const compiled = this.compileJoin(j, sqlOnDimensions);
      if (compiled) joinedTables.push(compiled);
    }
    const tables = newRecord<CompiledTable>();
    tables[this.base.name] = this.baseTable();
    for (const j of this.joined) tables[j.resolved.join.alias] = this.joinedTable(j, sqlOnDimensions.get(j.resolved.join.alias) ?? new Set());
    this.checkCrossTableReferences(tables);

    const { spec } = this.base;
    const defaults = spec.exploreDefaults;
    const config = this.explore?.spec;
    const explore: Explore = {
      name: this.name,
      label: config ? (config.label ?? friendlyName(this.name)) : spec.draft.label,
      tags: config?.tags ?? defaults.tags,
      baseTable: this.base.name,
      joinedTables,
      tables,
      targetDatabase: this.ctx.targetDatabase,
      ymlPath: spec.file,
      type: 'default',
    };
    const groupLabel = config?.groupLabel ?? defaults.groupLabel;
    if (groupLabel) explore.groupLabel = groupLabel;
    if (spec.sqlPath) explore.sqlPath = spec.sqlPath;
    const groups = config?.groups ?? defaults.groups;
    if (groups) explore.groups = groups;
    const caseSensitive = config?.caseSensitive ?? defaults.caseSensitive;
    if (caseSensitive !== undefined) explore.caseSensitive = caseSensitive;
    if (defaults.parameters) explore.parameters = defaults.parameters;
    if (defaults.spotlight !== undefined) explore.spotlight = defaults.spotlight;
    if (defaults.aiHint !== undefined) explore.aiHint = defaults.aiHint;
    return explore;
  }

  /** Runs `compile`; a failure is an error, or (with `onMissingTable`) handled by the caller when only an absent table is to blame. */
  private attempt<T>(r: ErrorReporter, compile: () => T, onMissingTable?: (failure: CompileFailure) => void): T | undefined {
    try {
      return compile();
    } catch (e) {
      if (!(e instanceof CompileFailure)) throw e;
      if (e.missingTable !== undefined && onMissingTable) onMissingTable(e);
      else if (!this.reported.has(e)) {
        this.reported.add(e);
        r.error(e.message);
      }
      return undefined;
    }
  }

  private compileJoin(j: JoinedTable, sqlOnDimensions: Map<string, Set<string>>): CompiledExploreJoin | undefined {
    const { join, parts } = j.resolved;
    const fragment = this.attempt(this.reporter.inContext(join.crumb).inContext('sql_on'), () => this.compiler.sqlOn(j.scope, parts));
    if (!fragment) return undefined;
    for (const p of parts) {
      if (typeof p === 'string' || p.kind !== 'ref') continue;
      const scope = p.table === undefined ? j.scope : this.scopes.get(p.table) ?? [...this.scopes.values()].find((s) => s.resolved.spec.name === p.table);
      if (!scope) continue;
      let set = sqlOnDimensions.get(scope.alias);
      if (!set) sqlOnDimensions.set(scope.alias, (set = new Set()));
      set.add(p.name);
    }
    const compiled: CompiledExploreJoin = {
      table: join.alias,
      sqlOn: join.sqlOn,
      compiledSqlOn: fragment.sql,
      type: join.type,
      hidden: join.hidden ?? false,
      always: join.always ?? false,
      tablesReferences: [...fragment.tables],
    };
    if (join.relationship) compiled.relationship = join.relationship;
    return compiled;
  }

  /** The base table: shared as compiled, unless cross-table fields or the extra explore's settings change it. */
  private baseTable(): CompiledTable {
    const view = this.base.view(this.base.name);
    const scope = this.baseScope;
    const extra = this.externalFields(view, scope, view.table.label, undefined);
    for (const [name, plan] of this.explore?.dimensions ?? []) {
      const draft = this.explore!.dimensionSpecs.get(name)!;
      const r = this.reporter.inContext(crumbOf(plan.key));
      const fragment = this.attempt(r, () => this.compiler.field(scope, plan.key));
      if (fragment) extra.dimensions[name] = compiledDimension(draft, this.base.name, view.table.label, fragment, this.attributesOf);
    }
    const config = this.explore?.spec;
    if (!config && !extra.changed && !view.external.where) return view.table;
    const table: CompiledTable = {
      ...view.table,
      dimensions: { ...view.table.dimensions, ...extra.dimensions },
      metrics: { ...view.table.metrics, ...extra.metrics },
    };
    if (config?.description) table.description = config.description;
    if (config?.requiredAttributes) table.requiredAttributes = config.requiredAttributes;
    if (config?.anyAttributes) table.anyAttributes = config.anyAttributes;
    if (config?.requiredFilters) table.requiredFilters = config.requiredFilters;
    if (config?.caseSensitive !== undefined) table.caseSensitive = config.caseSensitive;
    if (config?.sqlWhere !== undefined) table.uncompiledSqlWhere = config.sqlWhere;
    if (config?.sqlWhere !== undefined || view.external.where) {
      const fragment = this.attempt(this.reporter.inContext('sql_filter'), () => this.compiler.field(scope, 'where'));
      if (fragment) table.sqlWhere = fragment.sql;
    }
    return table;
  }

  private joinedTable(j: JoinedTable, sqlOnDimensions: ReadonlySet<string>): CompiledTable {
    const { join } = j.resolved;
    const { view, unit } = j;
    const visibility = new JoinVisibility(view.table, join, sqlOnDimensions, unit.spec.draft.sets, this.reporter);
    visibility.checkListed((n) => unit.spec.dimensions.has(n) || unit.spec.metrics.has(n), this.reporter);
    let shown = view.table;
    if (!visibility.unchanged) {
      const key = JSON.stringify([join.alias, visibility.label, visibility.description, join.hidden, join.fields, [...sqlOnDimensions].sort()]);
      shown = unit.variants.get(key) ?? visibility.shownTable();
      unit.variants.set(key, shown);
    }

    // Fields reaching other tables: a table this explore does not join leaves the field out.
    const r = this.reporter.inContext(join.crumb);
    const extra = this.externalFields(view, j.scope, visibility.label, (crumb, failure) =>
      r.inContext(crumb).warning(`left out of this explore: ${failure.message}`),
    );
    if (!extra.changed && !view.external.where) return shown;
    const dimensions = { ...shown.dimensions };
    for (const [name, field] of Object.entries(extra.dimensions)) {
      const visible = visibility.apply(field);
      if (visible) dimensions[name] = visible;
    }
    const metrics = { ...shown.metrics };
    for (const [name, field] of Object.entries(extra.metrics)) {
      const visible = visibility.apply(field);
      if (visible) metrics[name] = visible;
    }
    const table: CompiledTable = { ...shown, dimensions, metrics };
    if (view.external.where) {
      const fragment = this.attempt(r.inContext('sql_filter'), () => this.compiler.field(j.scope, 'where'), (failure) =>
        r.inContext('sql_filter').warning(`left out of this explore: ${failure.message}`),
      );
      if (fragment) table.sqlWhere = fragment.sql;
    }
    return table;
  }

  /** Compiles a table's cross-table fields in this explore. */
  private externalFields(
    view: TableView,
    scope: TableScope,
    tableLabel: string,
    onMissingTable: ((crumb: string, failure: CompileFailure) => void) | undefined,
  ) {
    const dimensions: Record<string, CompiledDimension> = {};
    const metrics: Record<string, CompiledMetric> = {};
    const { spec } = scope.resolved;
    const alias = scope.alias;
    const r = onMissingTable ? this.reporter.inContext(`join ${alias}`) : this.reporter;
    for (const name of view.external.dimensions) {
      const plan = scope.resolved.dimensions.get(name)!;
      const crumb = crumbOf(plan.key);
      const fragment = this.attempt(r.inContext(crumb), () => this.compiler.field(scope, plan.key), onMissingTable && ((f) => onMissingTable(crumb, f)));
      if (fragment) dimensions[name] = compiledDimension(spec.dimensions.get(name)!, alias, tableLabel, fragment, this.attributesOf);
    }
    for (const name of view.external.metrics) {
      const plan = scope.resolved.metrics.get(name)!;
      const crumb = crumbOf(plan.key);
      const compiled = this.attempt(
        r.inContext(crumb),
        () => ({ fragment: this.compiler.field(scope, plan.key), keys: plan.distinctKeys.length ? this.compiler.distinctKeys(scope, plan) : undefined }),
        onMissingTable && ((f) => onMissingTable(crumb, f)),
      );
      if (compiled) metrics[name] = compiledMetric(spec.metrics.get(name)!, alias, tableLabel, compiled.fragment, this.attributesOf, compiled.keys);
    }
    const changed = view.external.dimensions.length + view.external.metrics.length > 0 || Object.keys(dimensions).length > 0;
    return { dimensions, metrics, changed };
  }

  /** Required-filter targets and drill fields of the base table that name other tables. */
  private checkCrossTableReferences(tables: Record<string, CompiledTable>): void {
    const base = tables[this.base.name]!;
    const find = (ref: string) => {
      const [table, field] = ref.split('.', 2) as [string, string];
      const scope = this.scopes.get(table) ?? [...this.scopes.values()].find((s) => s.resolved.spec.name === table);
      return { table, field, compiled: scope ? tables[scope.alias] : undefined };
    };
    const rules: MetricFilterRule[] = base.requiredFilters ?? [];
    for (const rule of rules) {
      const ref = rule.target.fieldRef;
      if (!ref.includes('.') || ref.startsWith(`${this.base.name}.`)) continue;
      const { table, field, compiled } = find(ref);
      const r = this.reporter.inContext('default_filters');
      const dim = compiled?.dimensions[field];
      if (!compiled) r.error(`filter on "${ref}": table "${table}" is not joined in this explore`);
      else if (!dim) r.error(`filter on "${ref}": no such dimension in "${table}"`);
      else if (dim.hidden) r.error(`filter on "${ref}": the dimension is hidden; default filters need a visible dimension`);
    }
    for (const metric of Object.values(base.metrics)) {
      for (const ref of metric.showUnderlyingValues ?? []) {
        if (!ref.includes('.') || ref.startsWith(`${this.base.name}.`)) continue;
        const { table, field, compiled } = find(ref);
        const r = this.reporter.inContext(`metric ${metric.name}`).inContext('show_underlying_values');
        if (!compiled) r.warning(`"${ref}": table "${table}" is not joined in this explore`);
        else if (!compiled.dimensions[field] && !compiled.metrics[field]) r.error(`"${ref}" is not a field of "${table}"`);
      }
    }
  }
}
