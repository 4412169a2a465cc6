import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import { crumbOf, dimensionKey, metricKey } from '../parse/table-spec.js';
import type { DimensionSpec, ExploreSpec, JoinSpec, MetricSpec, TableSpec } from '../parse/table-spec.js';
import type { MetricFilterRule } from '../types/explore.js';
import { didYouMean } from '../util/suggest.js';
import { parseTemplate } from './sql-template.js';
import type { TemplatePart } from './sql-template.js';

/**
 * A reference whose kind is settled: `dimension` / `metric`, or `field` (a non-aggregate metric
 * with an aggregate function may reference either; a cross-table one is looked up in the explore).
 * `table` is set only for references to *other* tables.
 */
export type ResolvedRef = { kind: 'dimension' | 'metric' | 'field'; table?: string; name: string; text: string };
export type ResolvedPart = string | { kind: 'table' } | ResolvedRef;
export type FieldTarget = { table?: string; name: string; text: string };

export interface FieldPlan {
  /** `d:<name>`, `m:<name>` or `where`. */
  key: string;
  parts: readonly ResolvedPart[];
  filters: readonly { rule: MetricFilterRule; target: FieldTarget }[];
  distinctKeys: readonly FieldTarget[];
  /** Depends, directly or through local fields, on another table: compiled per explore. */
  external: boolean;
  /** References nothing (most columns): no edges to walk. */
  plain: boolean;
}

export interface ResolvedJoin {
  join: JoinSpec;
  /** `sql_on`, resolved at assembly (its unqualified names belong to the joined table). */
  parts: TemplatePart[];
}

export interface ResolvedExplore {
  spec: ExploreSpec;
  /** Explore-level `additional_dimensions`, added to the base table in this explore only. */
  dimensions: Map<string, FieldPlan>;
  dimensionSpecs: Map<string, DimensionSpec>;
  sqlWhere?: FieldPlan;
  joins?: ResolvedJoin[];
}

export interface ResolvedTable {
  spec: TableSpec;
  dimensions: Map<string, FieldPlan>;
  metrics: Map<string, FieldPlan>;
  sqlWhere?: FieldPlan;
  joins: ResolvedJoin[];
  explores: ResolvedExplore[];
}

type Mode = 'dimension' | 'metric' | 'field';

const AGGREGATE_CALL =
  /\b(sum|count|count_if|avg|min|max|median|mode|percentile_cont|percentile_disc|percentile|approx_quantiles|approx_percentile|approx_count_distinct|quantile|quantile_cont|quantile_disc|array_agg|listagg|string_agg|group_concat|stddev|stddev_pop|stddev_samp|variance|var_pop|var_samp|any_value|bool_and|bool_or|every|corr|covar_pop|covar_samp)\s*\(/i;

/** Whether SQL calls an aggregate function (string literals ignored). */
export const callsAggregate = (sql: string): boolean => AGGREGATE_CALL.test(sql.replace(/'(?:[^']|'')*'/g, "''"));

const modeOf = (metric: MetricSpec | undefined): Mode => {
  if (!metric || metric.aggregate) return 'dimension';
  if (metric.draft.postCalculation) return 'metric';
  return callsAggregate(metric.draft.sql) ? 'field' : 'metric';
};

const NONE: readonly never[] = Object.freeze([]);

const splitRef = (ref: string): FieldTarget | undefined => {
  const parts = ref.split('.');
  if (parts.length === 1) return { name: parts[0]!, text: ref };
  if (parts.length === 2) return { table: parts[0]!, name: parts[1]!, text: ref };
  return undefined;
};

/**
 * Stage 3 — resolve every `${...}` of one table: settle each reference's kind by the anchor's rules
 * (dimensions and aggregate metrics reference dimensions; non-aggregate metrics reference metrics,
 * or anything when their SQL calls an aggregate), name unknown references precisely, detect
 * reference cycles, and mark the fields that depend on other tables.
 */
export const resolveTable = (spec: TableSpec, reporter: ErrorReporter): ResolvedTable => {
  const resolver = new Resolver(spec, reporter);
  const dimensions = new Map<string, FieldPlan>();
  const metrics = new Map<string, FieldPlan>();
  for (const [name, d] of spec.dimensions) dimensions.set(name, resolver.plan(dimensionKey(name), d, undefined));
  for (const [name, m] of spec.metrics) metrics.set(name, resolver.plan(metricKey(name), m.draft, m));
  const resolved: ResolvedTable = { spec, dimensions, metrics, joins: resolver.joins(spec.joins, reporter), explores: [] };
  if (spec.sqlWhere !== undefined) resolved.sqlWhere = resolver.where(spec.sqlWhere, reporter.inContext('sql_filter'));
  new Graph(resolved, reporter).check([...dimensions.values(), ...metrics.values(), ...(resolved.sqlWhere ? [resolved.sqlWhere] : [])]);

  for (const explore of spec.explores) {
    const r = reporter.inContext(explore.crumb);
    const overlay = new Map<string, FieldPlan>();
    const dimensionSpecs = new Map<string, DimensionSpec>();
    for (const d of explore.additionalDimensions) {
      if (spec.dimensions.has(d.name) || spec.metrics.has(d.name) || dimensionSpecs.has(d.name)) {
        r.inContext(`dimension ${d.name}`).error(`"${d.name}" is already a field of "${spec.name}"`);
      } else {
        dimensionSpecs.set(d.name, d);
      }
    }
    const local = new Resolver(spec, r, dimensionSpecs);
    for (const [name, d] of dimensionSpecs) overlay.set(name, { ...local.plan(dimensionKey(name), d, undefined), external: true });
    const entry: ResolvedExplore = { spec: explore, dimensions: overlay, dimensionSpecs };
    if (explore.sqlWhere !== undefined) entry.sqlWhere = { ...local.where(explore.sqlWhere, r.inContext('sql_filter')), external: true };
    if (explore.joins) entry.joins = local.joins(explore.joins, r);
    const graph = new Graph({ ...resolved, dimensions: new Map([...dimensions, ...overlay]) }, r, [...dimensions.values()]);
    graph.check([...overlay.values()]);
    resolved.explores.push(entry);
  }
  return resolved;
};

class Resolver {
  constructor(
    private readonly spec: TableSpec,
    private readonly reporter: ErrorReporter,
    private readonly overlay?: Map<string, DimensionSpec>,
  ) {}

  /** `metric` is set for metrics; `draft` is the field's draft (a dimension's spec is its draft). */
  plan(key: string, draft: DimensionSpec | MetricSpec['draft'], metric: MetricSpec | undefined): FieldPlan {
    // Interval children repeat their base's SQL: report its problems once, on the base.
    const quiet = !metric && (draft as DimensionSpec).timeIntervalBaseDimensionName !== undefined;
    const parts = this.parts(draft.sql, modeOf(metric), key, quiet);
    const plain = !metric?.draft.filters?.length && !metric?.draft.distinctKeys?.length && parts.every((p) => typeof p === 'string' || p.kind === 'table');
    const plan: FieldPlan = { key, parts, filters: NONE, distinctKeys: NONE, external: false, plain };
    if (plain) return plan;
    // Reporting contexts are made only when there is something to report (most fields are fine).
    const at = () => this.reporter.inContext(crumbOf(key));
    if (metric?.draft.filters?.length) {
      const filters: { rule: MetricFilterRule; target: FieldTarget }[] = [];
      for (const rule of metric.draft.filters) {
        const target = this.target(rule.target.fieldRef, () => at().inContext('filters'), 'filter');
        if (target) filters.push({ rule, target });
      }
      plan.filters = filters;
    }
    if (metric?.draft.distinctKeys?.length) {
      const keys: FieldTarget[] = [];
      for (const k of metric.draft.distinctKeys) {
        const target = this.target(k, () => at().inContext('distinct_keys'), 'distinct key');
        if (target) keys.push(target);
      }
      plan.distinctKeys = keys;
    }
    return plan;
  }

  where(sql: string, r: ErrorReporter): FieldPlan {
    return { key: 'where', parts: this.parts(sql, 'dimension', r, false), filters: NONE, distinctKeys: NONE, external: false, plain: false };
  }

  joins(joins: JoinSpec[], reporter: ErrorReporter): ResolvedJoin[] {
    return joins.map((join) => {
      const { parts, errors } = parseTemplate(join.sqlOn);
      for (const e of errors) reporter.inContext(join.crumb).inContext('sql_on').error(e);
      return { join, parts };
    });
  }

  private isDimension(name: string): boolean {
    return this.spec.dimensions.has(name) || (this.overlay?.has(name) ?? false);
  }

  /** `context`: the reporter, or the key of the field whose context is made on the first problem. */
  private parts(sql: string, mode: Mode, context: string | ErrorReporter, quiet: boolean): readonly ResolvedPart[] {
    const { parts, errors } = parseTemplate(sql);
    const refFree = parts.every((p) => typeof p === 'string' || p.kind === 'table');
    if (refFree && errors.length === 0) return parts as readonly ResolvedPart[];
    const at = () => (typeof context === 'string' ? this.reporter.inContext(crumbOf(context)) : context);
    if (!quiet) for (const e of errors) at().error(e);
    if (refFree) return parts as readonly ResolvedPart[];
    const out: ResolvedPart[] = [];
    for (const part of parts) {
      if (typeof part === 'string' || part.kind === 'table') {
        out.push(part);
        continue;
      }
      if (part.table !== undefined && part.table !== this.spec.name) {
        out.push({ kind: mode, table: part.table, name: part.name, text: part.text });
        continue;
      }
      const kind = this.localKind(part.name, part.text, mode, quiet ? undefined : at);
      if (kind) out.push({ kind, name: part.name, text: part.text });
    }
    return out;
  }

  private localKind(name: string, text: string, mode: Mode, at: (() => ErrorReporter) | undefined): 'dimension' | 'metric' | undefined {
    const isDim = this.isDimension(name);
    const isMetric = this.spec.metrics.has(name);
    if (mode === 'dimension' && isDim) return 'dimension';
    if (mode === 'metric' && isMetric) return 'metric';
    if (mode === 'field' && (isDim || isMetric)) return isDim ? 'dimension' : 'metric';
    if (!at) return undefined;
    const r = at();
    if (mode === 'dimension' && isMetric) {
      r.error(`${text} is a metric; dimensions, filters and aggregate metrics can only reference dimensions`);
    } else if (mode === 'metric' && isDim) {
      r.error(`${text} is a dimension; a non-aggregate metric references metrics, or dimensions inside an aggregate function such as SUM(${text})`);
    } else {
      const what = mode === 'dimension' ? 'dimension' : mode === 'metric' ? 'metric' : 'dimension or metric';
      const candidates = mode === 'metric' ? this.spec.metrics.keys() : this.allDimensionNames();
      r.error(`${text} matches no ${what} in "${this.spec.name}"${didYouMean(name, candidates)}`);
    }
    return undefined;
  }

  private *allDimensionNames(): Iterable<string> {
    yield* this.spec.dimensions.keys();
    if (this.overlay) yield* this.overlay.keys();
  }

  private target(ref: string, at: () => ErrorReporter, what: string): FieldTarget | undefined {
    const target = splitRef(ref);
    if (!target) {
      at().error(`${what} "${ref}" must be "dimension" or "table.dimension"`);
      return undefined;
    }
    if (target.table !== undefined && target.table !== this.spec.name) return target;
    if (this.isDimension(target.name)) return { name: target.name, text: ref };
    at().error(`${what} "${ref}" matches no dimension in "${this.spec.name}"${didYouMean(target.name, this.allDimensionNames())}`);
    return undefined;
  }
}

/** Depth-first walk over local references: reports cycles, propagates `external`. */
class Graph {
  private readonly state = new Map<string, 'visiting' | 'done'>();
  private readonly stack: FieldPlan[] = [];

  constructor(
    private readonly table: Pick<ResolvedTable, 'dimensions' | 'metrics'>,
    private readonly reporter: ErrorReporter,
    /** Plans already checked (the base table's, when checking an explore's own dimensions). */
    done: FieldPlan[] = [],
  ) {
    for (const plan of done) this.state.set(plan.key, 'done');
  }

  check(plans: FieldPlan[]): void {
    for (const plan of plans) if (!plan.plain) this.visit(plan);
  }

  /** Calls `each` for every local field `plan` references; returns whether it references another table. */
  private forEachEdge(plan: FieldPlan, each: (local: FieldPlan | undefined) => void): boolean {
    let external = false;
    for (const p of plan.parts) {
      if (typeof p === 'string' || p.kind === 'table') continue;
      if (p.table !== undefined) external = true;
      else each(p.kind === 'metric' ? this.table.metrics.get(p.name) : this.table.dimensions.get(p.name));
    }
    for (const f of plan.filters) {
      if (f.target.table !== undefined) external = true;
      else each(this.table.dimensions.get(f.target.name));
    }
    for (const t of plan.distinctKeys) {
      if (t.table !== undefined) external = true;
      else each(this.table.dimensions.get(t.name));
    }
    return external;
  }

  private visit(plan: FieldPlan): void {
    const state = this.state.get(plan.key);
    if (state === 'done') return;
    if (state === 'visiting') {
      const start = this.stack.findIndex((p) => p.key === plan.key);
      const cycle = [...this.stack.slice(start), plan].map((p) => crumbOf(p.key));
      const message = cycle.length === 2 ? `${cycle[0]} references itself` : `reference cycle: ${cycle.join(' → ')}`;
      this.reporter.inContext(cycle[0]!).error(message);
      return;
    }
    this.state.set(plan.key, 'visiting');
    this.stack.push(plan);
    const external = this.forEachEdge(plan, (local) => {
      if (!local) return;
      this.visit(local);
      if (local.external) plan.external = true;
    });
    if (external) plan.external = true;
    this.stack.pop();
    this.state.set(plan.key, 'done');
  }
}
