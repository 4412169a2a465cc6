import { randomUUID } from 'node:crypto';
import type { FilterGroupItem, FilterRule, MetricQuery, SortField } from '@tessera/core';
import type { ChartContent } from '../charts/saved-chart-repository.js';
import { chartConfigFor, lookerTypeOf } from './looker-vis.js';
import type { ExploreFields } from './looker-explore-fields.js';
import { parseLookerFilter, toLookerFilter } from './looker-filter-expressions.js';
import { dynamicFieldsOf, toTableCalculation } from './looker-table-calculations.js';

/** The part of Looker's `Query` Tessera keeps. */
export type LookerQueryInput = {
  model: string;
  view: string;
  fields?: string[] | null | undefined;
  pivots?: string[] | null | undefined;
  filters?: Record<string, string | null> | null | undefined;
  sorts?: string[] | null | undefined;
  limit?: string | number | null | undefined;
  vis_config?: Record<string, unknown> | null | undefined;
  query_timezone?: string | null | undefined;
  /** Not mappable when set: table calculations, custom fields, free filter expressions, fill, totals. */
  dynamic_fields?: unknown;
  column_limit?: string | number | null | undefined;
  filter_expression?: string | null | undefined;
  fill_fields?: string[] | null | undefined;
  total?: boolean | null | undefined;
  row_total?: string | null | undefined;
  subtotals?: string[] | null | undefined;
};

/** Why a query cannot be mapped: the field of the request (a path) and the reason. */
export type MappingProblem = { field: string; message: string };

const DEFAULT_LIMIT = 500;

/**
 * How strictly to map. `strict` (the API): every part without a Tessera equivalent is a problem.
 * `lenient` (LookML imports): display-only parts (fill_fields, totals, column_limit), table
 * calculations Tessera cannot compute and selected/sorted/pivoted fields the explore lacks (LookML
 * fields the model source could not convert) are left out, each with a note saying so. Filters are
 * never left out, and neither is an explore the project lacks.
 */
export type MappingMode = 'strict' | 'lenient';

/**
 * A Looker query → a saved chart's content on `fields.explore`: `view.field` references name field
 * ids (dimensions and measures sorted out by the explore), filters are Looker expressions parsed
 * per field kind, sorts are `view.field [desc]`, pivots the pivot columns, arithmetic table
 * calculations become Tessera ones. Every problem is listed with the path of the offending part
 * (`path` is where the query sits in the request).
 */
export const toChartContent = (
  query: LookerQueryInput,
  fields: ExploreFields,
  path: string,
  visType: string | null,
  mode: MappingMode = 'strict',
): { content: ChartContent; notes: string[] } | { problems: MappingProblem[] } => {
  const problems: MappingProblem[] = [];
  const notes: string[] = [];
  const unsupported = (key: keyof LookerQueryInput, what: string) => {
    const value = query[key];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || value === false) return;
    if (mode === 'lenient') notes.push(`${what} left out`);
    else problems.push({ field: `${path}.${key}`, message: `${what} cannot be mapped to a Tessera query: leave ${key} out` });
  };
  unsupported('filter_expression', 'A custom filter expression');
  unsupported('fill_fields', 'Filling in missing dates (fill_fields)');
  unsupported('total', 'Column totals');
  unsupported('row_total', 'Row totals');
  unsupported('subtotals', 'Subtotals');
  if (mode === 'strict') unsupported('column_limit', 'A pivot column limit');

  const tableCalculations: MetricQuery['tableCalculations'] = [];
  const dynamic = dynamicFieldsOf(query.dynamic_fields);
  if (dynamic === null) problems.push({ field: `${path}.dynamic_fields`, message: 'dynamic_fields must be a JSON array of table calculations' });
  const declared = new Set((dynamic ?? []).map((d) => d.table_calculation).filter((n): n is string => typeof n === 'string'));
  const dropped = new Set<string>();
  const candidates = (dynamic ?? []).map((field, i) => ({ i, mapped: toTableCalculation(field, fields, declared), name: field.table_calculation }));
  // A calculation that refers to one left out goes too (until none does).
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of candidates) {
      const mapped = c.mapped;
      if ('unmappable' in mapped) {
        if (c.name && !dropped.has(c.name)) {
          dropped.add(c.name);
          changed = true;
        }
        continue;
      }
      const gone = [...dropped].find((name) => mapped.sql.includes(`\${${name}}`));
      if (gone) c.mapped = { unmappable: `table calculation "${c.name}" refers to "${gone}", which cannot be mapped` };
    }
  }
  for (const { i, mapped } of candidates) {
    if (!('unmappable' in mapped)) tableCalculations.push({ ...mapped, index: tableCalculations.length });
    else if (mode === 'lenient') notes.push(`${mapped.unmappable}: left out`);
    else problems.push({ field: `${path}.dynamic_fields[${i}]`, message: mapped.unmappable });
  }
  const calculations = new Set(tableCalculations.map((c) => c.name));

  const dimensions: string[] = [];
  const metrics: string[] = [];
  /** A referenced field; one the explore lacks is a problem, except in lenient mode where a selected, sorted or pivoted one is left out (noted). */
  const resolve = (ref: string, at: string, droppable = true) => {
    const found = fields.byRef(ref);
    if (found) return found;
    const message = `"${ref}" is not a field of explore "${fields.explore.name}"`;
    if (mode === 'lenient' && droppable) notes.push(`${message}: left out`);
    else problems.push({ field: at, message: `${message} (write fields as view.field_name)` });
    return undefined;
  };
  (query.fields ?? []).forEach((ref, i) => {
    if (calculations.has(ref) || dropped.has(ref)) return; // table calculations are selected by being defined
    const found = resolve(ref, `${path}.fields[${i}]`);
    if (!found) return;
    const list = found.field.fieldType === 'dimension' ? dimensions : metrics;
    if (!list.includes(found.id)) list.push(found.id);
  });
  if (dimensions.length + metrics.length === 0 && problems.length === 0) {
    problems.push({ field: `${path}.fields`, message: notes.length > 0 ? `None of the fields exist in explore "${fields.explore.name}" (${notes.join('; ')})` : 'A query needs at least one field' });
  }

  const dimensionRules: FilterRule[] = [];
  const metricRules: FilterRule[] = [];
  for (const [ref, expression] of Object.entries(query.filters ?? {})) {
    const at = `${path}.filters.${ref}`;
    // Never left out: without its filter a query shows rows it should not.
    const found = resolve(ref, at, false);
    if (!found || expression === null || expression === '') continue;
    const condition = parseLookerFilter(expression, found.kind);
    if ('unmappable' in condition) {
      problems.push({ field: at, message: condition.unmappable });
      continue;
    }
    const rule: FilterRule = { id: randomUUID(), target: { fieldId: found.id }, operator: condition.operator, values: condition.values, ...(condition.settings ? { settings: condition.settings } : {}) };
    (found.field.fieldType === 'dimension' ? dimensionRules : metricRules).push(rule);
  }

  const sorts: SortField[] = [];
  (query.sorts ?? []).forEach((clause, i) => {
    const match = /^\s*(\S+?)(?:\s+(asc|desc))?\s*$/i.exec(clause);
    if (match && (calculations.has(match[1]!) || dropped.has(match[1]!))) {
      if (calculations.has(match[1]!)) sorts.push({ fieldId: match[1]!, descending: match[2]?.toLowerCase() === 'desc' });
      return;
    }
    const found = match ? resolve(match[1]!, `${path}.sorts[${i}]`) : undefined;
    if (!match) problems.push({ field: `${path}.sorts[${i}]`, message: `"${clause}" is not "view.field" or "view.field desc"` });
    if (found) sorts.push({ fieldId: found.id, descending: match![2]?.toLowerCase() === 'desc' });
  });

  const pivots: string[] = [];
  (query.pivots ?? []).forEach((ref, i) => {
    const found = resolve(ref, `${path}.pivots[${i}]`);
    if (found && found.field.fieldType !== 'dimension') problems.push({ field: `${path}.pivots[${i}]`, message: `"${ref}" is a measure: only dimensions can be pivoted` });
    else if (found) pivots.push(found.id);
  });

  const limit = query.limit === undefined || query.limit === null || query.limit === '' ? DEFAULT_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1) problems.push({ field: `${path}.limit`, message: `"${query.limit}" is not a positive whole number of rows` });
  if (problems.length > 0) return { problems };

  const filters: MetricQuery['filters'] = {};
  if (dimensionRules.length > 0) filters.dimensions = { id: randomUUID(), and: dimensionRules };
  if (metricRules.length > 0) filters.metrics = { id: randomUUID(), and: metricRules };
  const metricQuery: MetricQuery = {
    exploreName: fields.explore.name,
    dimensions,
    metrics,
    filters,
    sorts,
    limit,
    tableCalculations,
    ...(query.query_timezone ? { timezone: query.query_timezone } : {}),
  };
  return {
    content: {
      tableName: fields.explore.name,
      metricQuery,
      chartConfig: chartConfigFor(visType, dimensions, metrics, query.vis_config ?? null),
      tableConfig: { columnOrder: [...dimensions, ...metrics, ...calculations] },
      pivotConfig: pivots.length > 0 ? { columns: pivots } : null,
    },
    notes,
  };
};

/** Looker's `Query` for a chart's content (`model` is the project's name). */
export const toLookerQuery = (content: ChartContent, fields: ExploreFields | undefined, model: string) => {
  const { metricQuery } = content;
  const refOf = (id: string) => fields?.byFieldId(id)?.ref ?? `${content.tableName}.${id.startsWith(`${content.tableName}_`) ? id.slice(content.tableName.length + 1) : id}`;
  const filters: Record<string, string> = {};
  const collect = (item: FilterGroupItem | undefined) => {
    if (!item) return;
    if ('and' in item) return item.and.forEach(collect);
    if ('or' in item) return item.or.forEach(collect);
    if (item.disabled) return;
    const kind = fields?.byFieldId(item.target.fieldId)?.kind ?? 'string';
    const expression = toLookerFilter(item, kind);
    if (expression !== null) filters[refOf(item.target.fieldId)] = expression;
  };
  collect(metricQuery.filters.dimensions);
  collect(metricQuery.filters.metrics);
  const visConfig = content.chartConfig.config?.lookerVisConfig;
  const calculations = metricQuery.tableCalculations.map((c) => ({
    table_calculation: c.name,
    label: c.displayName,
    expression: c.sql.replace(/\$\{([^}.]+)\.([^}]+)\}/g, (_w, table: string, name: string) => `\${${refOf(`${table}_${name}`)}}`),
  }));
  return {
    can: {},
    model,
    view: content.tableName,
    fields: [...[...metricQuery.dimensions, ...metricQuery.metrics].map(refOf), ...calculations.map((c) => c.table_calculation)],
    pivots: content.pivotConfig?.columns.map(refOf) ?? null,
    fill_fields: null,
    filters,
    filter_expression: null,
    sorts: metricQuery.sorts.map((s) => `${metricQuery.tableCalculations.some((c) => c.name === s.fieldId) ? s.fieldId : refOf(s.fieldId)}${s.descending ? ' desc' : ''}`),
    limit: String(metricQuery.limit),
    column_limit: null,
    total: null,
    row_total: null,
    subtotals: null,
    // The 3.0 spec types vis_config as a map of strings: other values go out as their JSON text.
    vis_config: Object.fromEntries(
      Object.entries({ type: lookerTypeOf(content.chartConfig), ...(typeof visConfig === 'object' && visConfig !== null ? visConfig : {}) }).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
    filter_config: null,
    visible_ui_sections: null,
    dynamic_fields: calculations.length > 0 ? JSON.stringify(calculations) : null,
    client_id: null,
    query_timezone: metricQuery.timezone ?? null,
    has_table_calculations: metricQuery.tableCalculations.length > 0,
    runtime: null,
  };
};
