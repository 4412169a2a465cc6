import { ParameterError } from '../errors/index.js';
import type { Explore } from '../semantic/types/explore.js';
import type { QueryDialect } from './dialect.js';
import { QueryItems } from './items.js';
import { planQuery } from './plan.js';
import { renderSelect } from './render.js';
import type { CompiledMetricQuery, FieldId, Filters, FilterGroup, MetricQueryRequest, QueryContext, QueryWarning } from './types.js';

/** The anchor's default maximum (`LIGHTDASH_QUERY_MAX_LIMIT`). */
export const DEFAULT_MAX_LIMIT = 5000;

const checkShape = (query: MetricQueryRequest): void => {
  for (const key of ['dimensions', 'metrics'] as const) {
    if (!Array.isArray(query[key]) || query[key].some((id) => typeof id !== 'string')) {
      throw new ParameterError(`"${key}" must be a list of field ids`);
    }
  }
};

const rowLimit = (query: MetricQueryRequest, ctx: QueryContext, warnings: QueryWarning[]): number => {
  const max = ctx.maxLimit ?? DEFAULT_MAX_LIMIT;
  const limit = query.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new ParameterError(`"limit" must be a whole number of rows (0 to ${max}), got ${JSON.stringify(limit)}`);
  }
  if (limit > max) {
    warnings.push({ message: `The row limit ${limit} is above this server's maximum; ${max} rows at most are returned` });
    return max;
  }
  return limit;
};

/**
 * `(explore, metricQuery, dialect, context) → {sql, fields, columns, warnings}`: resolve (field ids
 * to SQL, access, user values) → plan (joins, fan-out, bins, calculations, result filters as an SQL
 * tree) → render. Pure. Throws ParameterError for a bad query, ForbiddenError when the user's
 * attributes do not grant what it reads.
 */
export const compileMetricQuery = (
  explore: Explore,
  query: MetricQueryRequest,
  dialect: QueryDialect,
  context: QueryContext,
): CompiledMetricQuery => {
  checkShape(query);
  const warnings: QueryWarning[] = [];
  const limit = rowLimit(query, context, warnings);
  const plan = planQuery(new QueryItems(explore, query, dialect, context), { limit });
  return { sql: renderSelect(plan.tree, dialect), fields: plan.fields, columns: plan.columns, warnings: [...warnings, ...plan.warnings], userValues: plan.userValues };
};

/** Drill into the rows behind a result cell: every dimension of the explore's tables in use, filtered. */
export interface UnderlyingDataRequest {
  /** The original query, whose filters apply. */
  query: MetricQueryRequest;
  /** Extra dimension filters for the clicked cell (AND-ed). */
  filters?: Filters;
  /** The metric clicked: its `showUnderlyingValues` pick the columns. */
  underlyingDataItemId?: FieldId;
}

const and = (...groups: (FilterGroup | undefined)[]): FilterGroup | undefined => {
  const present = groups.filter((g): g is FilterGroup => g !== undefined);
  if (present.length <= 1) return present[0];
  return { id: 'underlying', and: present };
};

/**
 * The rows behind a result: the dimensions of the tables the query reads (or the clicked metric's
 * `show_underlying_values`), under the query's dimension filters and the cell's own filters.
 */
export const compileUnderlyingDataQuery = (
  explore: Explore,
  request: UnderlyingDataRequest,
  dialect: QueryDialect,
  context: QueryContext,
): CompiledMetricQuery => {
  const { query } = request;
  checkShape(query);
  const probe = new QueryItems(explore, { ...query, dimensions: [], metrics: [] }, dialect, context);
  const tables = new Set<string>([explore.baseTable]);
  for (const id of query.dimensions) if (probe.isDimension(id) && !probe.isCustomDimension(id)) for (const t of probe.dimension(id).tables) tables.add(t);
  for (const id of query.metrics) if (probe.isMetric(id)) for (const t of probe.metric(id).tables) tables.add(t);
  const clicked = request.underlyingDataItemId && probe.isMetric(request.underlyingDataItemId) ? probe.metric(request.underlyingDataItemId) : undefined;
  const show = clicked && 'showUnderlyingValues' in clicked.field ? clicked.field.showUnderlyingValues : undefined;
  let dimensions: string[];
  if (show?.length) {
    dimensions = show.map((ref) => (ref.includes('.') ? ref.replace('.', '_') : `${clicked!.table}_${ref}`));
  } else {
    dimensions = [];
    for (const t of tables) {
      const table = explore.tables[t];
      if (!table || probe.forbiddenTables.has(t)) continue;
      for (const d of Object.values(table.dimensions)) {
        const interval = d.timeInterval && d.timeInterval !== 'RAW' && !d.isIntervalBase;
        if (!d.hidden && !interval) dimensions.push(`${d.table}_${d.name}`);
      }
    }
  }
  const underlying: MetricQueryRequest = {
    exploreName: query.exploreName,
    dimensions,
    metrics: [],
    filters: { ...(and(query.filters?.dimensions, request.filters?.dimensions) ? { dimensions: and(query.filters?.dimensions, request.filters?.dimensions)! } : {}) },
    sorts: [],
    limit: query.limit,
    tableCalculations: [],
    ...(query.customDimensions ? { customDimensions: query.customDimensions } : {}),
    ...(query.timezone ? { timezone: query.timezone } : {}),
  };
  return compileMetricQuery(explore, underlying, dialect, context);
};

/** Totals of the query's metrics over every row its dimension filters keep (no dimensions, no limit). */
export const compileTotalQuery = (
  explore: Explore,
  query: MetricQueryRequest,
  dialect: QueryDialect,
  context: QueryContext,
): CompiledMetricQuery => {
  checkShape(query);
  const total: MetricQueryRequest = { ...query, dimensions: [], sorts: [], tableCalculations: [], filters: query.filters?.dimensions ? { dimensions: query.filters.dimensions } : {} };
  delete total.granularity;
  const plan = planQuery(new QueryItems(explore, total, dialect, context), { limit: undefined, skipResultFilters: true });
  return { sql: renderSelect(plan.tree, dialect), fields: plan.fields, columns: plan.columns, warnings: plan.warnings, userValues: plan.userValues };
};
