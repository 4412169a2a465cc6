import type { ColumnDefinition } from '@tessera/core';
import { childrenOf, filterMapOf, numberOf, textOf, yesNoOf } from './lookml-object.js';
import type { LookmlObject } from './lookml-object.js';
import { filterValueOf } from './filter-values.js';
import { hasLiquid, rewriteReferences, singleReference } from './references.js';
import type { ReferenceScope } from './references.js';
import { tesseraFrameOf } from './timeframes.js';
import { formatKeysOf } from './value-format.js';

/** Problems found converting one view's fields (file-level diagnostics are made by the caller). */
export interface FieldIssues {
  errors: string[];
  warnings: string[];
}

export interface FieldContext {
  scope: ReferenceScope;
  namedValueFormats: Record<string, string>;
  issues: FieldIssues;
}

const DIMENSION_TYPES: Record<string, string> = {
  string: 'string',
  zipcode: 'string',
  tier: 'string',
  number: 'number',
  yesno: 'boolean',
  date: 'date',
  date_time: 'timestamp',
  time: 'timestamp',
};

const MEASURE_TYPES: Record<string, string> = {
  count: 'count',
  count_distinct: 'count_distinct',
  sum: 'sum',
  sum_distinct: 'sum_distinct',
  average: 'average',
  average_distinct: 'average_distinct',
  min: 'min',
  max: 'max',
  median: 'median',
  median_distinct: 'median',
  percentile: 'percentile',
  percentile_distinct: 'percentile',
  number: 'number',
  string: 'string',
  date: 'date',
  yesno: 'boolean',
  running_total: 'running_total',
  percent_of_total: 'percent_of_total',
  percent_of_previous: 'percent_of_previous',
};

/** label, description, hidden, group_label and formats: the display keys both field kinds share. */
const displayKeys = (field: LookmlObject, ctx: FieldContext, crumb: string): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const label = textOf(field.label);
  if (label) out.label = label;
  const description = textOf(field.description);
  if (description) out.description = description;
  if (yesNoOf(field.hidden)) out.hidden = true;
  const groupLabel = textOf(field.group_label);
  if (groupLabel) out.group_label = groupLabel;
  const format = formatKeysOf(textOf(field.value_format_name), textOf(field.value_format), ctx.namedValueFormats);
  if (typeof format === 'string') ctx.issues.warnings.push(`${crumb}: ${format}`);
  else Object.assign(out, format);
  return out;
};

const sqlOf = (field: LookmlObject, ctx: FieldContext, crumb: string, fallback?: string): string | undefined => {
  const raw = textOf(field.sql) ?? fallback;
  if (raw === undefined) return undefined;
  if (hasLiquid(raw)) ctx.issues.warnings.push(`${crumb}: Liquid templating in "sql" is not evaluated; the SQL is used as written`);
  return rewriteReferences(raw, ctx.scope);
};

/** `dimension: x {}` → a column whose `meta.dimension` the explore compiler reads. */
const dimensionColumn = (name: string, field: LookmlObject, ctx: FieldContext): ColumnDefinition | undefined => {
  const crumb = `dimension ${name}`;
  const lookmlType = textOf(field.type) ?? 'string';
  const type = DIMENSION_TYPES[lookmlType];
  if (!type) {
    ctx.issues.warnings.push(`${crumb}: type "${lookmlType}" is not supported; the dimension is left out`);
    return undefined;
  }
  if (lookmlType === 'tier') ctx.issues.warnings.push(`${crumb}: "tier" bins are not supported; the raw value is used`);
  const dimension: Record<string, unknown> = { type, sql: sqlOf(field, ctx, crumb, `\${TABLE}.${name}`), ...displayKeys(field, ctx, crumb) };
  if (type === 'date' || type === 'timestamp') dimension.time_intervals = 'OFF';
  return { name, meta: { dimension } };
};

/** Looker's timeframes when a group lists none. */
const DEFAULT_TIMEFRAMES = ['raw', 'time', 'date', 'week', 'month', 'quarter', 'year'];

const timeframesOf = (group: LookmlObject): string[] =>
  Array.isArray(group.timeframes) ? group.timeframes.map((t) => String(t).trim()) : DEFAULT_TIMEFRAMES;

/** `dimension_group: created { type: time timeframes: [...] }` → a date/timestamp column with time intervals. */
const dimensionGroupColumn = (name: string, field: LookmlObject, ctx: FieldContext): ColumnDefinition | undefined => {
  const crumb = `dimension_group ${name}`;
  const groupType = textOf(field.type) ?? 'time';
  if (groupType !== 'time') {
    ctx.issues.warnings.push(`${crumb}: dimension groups of type "${groupType}" are not supported; left out`);
    return undefined;
  }
  const datatype = textOf(field.datatype) ?? 'timestamp';
  if (datatype === 'epoch' || datatype === 'yyyymmdd') {
    ctx.issues.warnings.push(`${crumb}: datatype "${datatype}" is not converted; the SQL is read as a timestamp`);
  }
  const timeframes = timeframesOf(field);
  const frames: string[] = [];
  for (const timeframe of timeframes) {
    const frame = tesseraFrameOf(timeframe);
    if (!frame) ctx.issues.warnings.push(`${crumb}: timeframe "${timeframe}" has no Tessera equivalent; left out`);
    else if (!frames.includes(frame)) frames.push(frame);
  }
  const dimension: Record<string, unknown> = {
    type: datatype === 'date' ? 'date' : 'timestamp',
    sql: sqlOf(field, ctx, crumb, `\${TABLE}.${name}`),
    time_intervals: frames.length ? frames : 'OFF',
    ...displayKeys(field, ctx, crumb),
  };
  if (yesNoOf(field.convert_tz) === false) dimension.convert_timezone = false;
  return { name, meta: { dimension } };
};

/** `measure: x {}` → a model-level metric. `count` without SQL counts distinct primary keys (Looker's semantics). */
const measureMetric = (name: string, field: LookmlObject, primaryKey: string | undefined, ctx: FieldContext): Record<string, unknown> | undefined => {
  const crumb = `measure ${name}`;
  const lookmlType = textOf(field.type) ?? 'string';
  let type = MEASURE_TYPES[lookmlType];
  if (!type) {
    ctx.issues.warnings.push(`${crumb}: type "${lookmlType}" is not supported; the measure is left out`);
    return undefined;
  }
  let sql = sqlOf(field, ctx, crumb);
  if (lookmlType === 'count' && sql === undefined) {
    if (primaryKey) {
      type = 'count_distinct';
      sql = `\${${primaryKey}}`;
    } else {
      // Not `*`: the compiler wraps SQL in parentheses and metric filters in CASE WHEN.
      sql = '1';
    }
  }
  if (sql === undefined) {
    ctx.issues.errors.push(`${crumb}: a measure of type "${lookmlType}" needs "sql"`);
    return undefined;
  }
  const metric: Record<string, unknown> = { type, sql, ...displayKeys(field, ctx, crumb) };
  if (lookmlType.startsWith('percentile')) metric.percentile = numberOf(field.percentile) ?? 50;
  if (lookmlType === 'sum_distinct' || lookmlType === 'average_distinct') {
    const key = singleReference(rewriteReferences(textOf(field.sql_distinct_key) ?? '', ctx.scope));
    if (key) metric.distinct_keys = [key];
    else if (primaryKey) metric.distinct_keys = [primaryKey];
    else ctx.issues.errors.push(`${crumb}: "${lookmlType}" needs a sql_distinct_key that names one dimension, or a primary key`);
  }
  if (lookmlType === 'median_distinct' || lookmlType === 'percentile_distinct') {
    ctx.issues.warnings.push(`${crumb}: "${lookmlType}" is computed without de-duplication`);
  }
  const filters = filterMapOf(field.filters);
  if (Object.keys(filters).length) {
    const rules: Record<string, unknown>[] = [];
    for (const [target, expression] of Object.entries(filters)) {
      const value = filterValueOf(expression);
      if (value === undefined) {
        ctx.issues.errors.push(`${crumb}: filter "${target}: ${expression}" uses Looker filter syntax Tessera cannot translate; write it as a dimension in sql instead`);
        return undefined;
      }
      const [table, dim] = target.includes('.') ? (target.split('.') as [string, string]) : [undefined, target];
      const ref = rewriteReferences(table ? `\${${table}.${dim}}` : `\${${dim}}`, ctx.scope).slice(2, -1);
      rules.push({ [ref]: value });
    }
    metric.filters = rules;
  }
  return metric;
};

export interface ViewFields {
  columns: ColumnDefinition[];
  metrics: Record<string, Record<string, unknown>>;
  primaryKey?: string;
}

/** Dimensions, dimension groups and measures of one view, in declaration order per kind. */
export const convertViewFields = (view: LookmlObject, ctx: FieldContext): ViewFields => {
  const columns: ColumnDefinition[] = [];
  let primaryKey: string | undefined;
  for (const [name, field] of childrenOf(view, 'dimension')) {
    const column = dimensionColumn(name, field, ctx);
    if (!column) continue;
    columns.push(column);
    if (yesNoOf(field.primary_key)) primaryKey = name;
  }
  for (const [name, field] of childrenOf(view, 'dimension_group')) {
    const column = dimensionGroupColumn(name, field, ctx);
    if (column) columns.push(column);
  }
  const metrics: Record<string, Record<string, unknown>> = {};
  for (const [name, field] of childrenOf(view, 'measure')) {
    const metric = measureMetric(name, field, primaryKey, ctx);
    if (metric) metrics[name] = metric;
  }
  return primaryKey ? { columns, metrics, primaryKey } : { columns, metrics };
};

/**
 * LookML field name → Tessera field name for a view's dimension groups (`created_date` →
 * `created_day`, `created_time` → `created_raw`). Other fields keep their names.
 */
export const fieldRenamesOf = (view: LookmlObject): Map<string, string> => {
  const renames = new Map<string, string>();
  for (const [name, field] of childrenOf(view, 'dimension_group')) {
    if ((textOf(field.type) ?? 'time') !== 'time') continue;
    for (const timeframe of timeframesOf(field)) {
      const frame = tesseraFrameOf(timeframe);
      if (frame) renames.set(`${name}_${timeframe}`, `${name}_${frame.toLowerCase()}`);
    }
  }
  return renames;
};
