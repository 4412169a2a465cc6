import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import type { SemanticSqlDialect } from '../compile/sql-dialect.js';
import type { ColumnTypeCatalog } from '../types/compile-options.js';
import type { GroupDetails, LineageNodeDependency, TargetDatabase } from '../types/explore.js';
import type { ModelDefinition, ModelRelation } from '../types/model-definition.js';
import { friendlyName } from '../util/friendly-name.js';
import { isRecord, MetaReader } from '../util/meta-reader.js';
import { catalogType, dimensionTypeOfWarehouseType } from './column-types.js';
import { readDefaultTimeDimension } from './field-display.js';
import { parseFilterList } from './filter-grammar.js';
import { parseColumnDimensions } from './parse-dimensions.js';
import { parseExplores } from './parse-explores.js';
import { parseJoins } from './parse-joins.js';
import { parseMetric } from './parse-metrics.js';
import type { DimensionSpec, MetricSpec, TableDraft, TableSpec } from './table-spec.js';

export interface ParseOptions {
  targetDatabase: TargetDatabase;
  quote: (identifier: string) => string;
  dialect: SemanticSqlDialect;
  catalog?: ColumnTypeCatalog;
}

const PARAMETER_NAME = /^[a-zA-Z0-9_-]+$/;
const QUERY = /^\s*\(?\s*(select|with)\b/i;

const unquote = (part: string | undefined) => (part ?? '').trim().replace(/^["`[]|["`\]]$/g, '');

/** `sqlTable`, `database` and `schema` of the relation (a hand-written `sql_from` wins). */
const relationOf = (relation: ModelRelation, sqlFrom: string | undefined, quote: (s: string) => string) => {
  if (sqlFrom === undefined && relation.kind === 'table') {
    const sqlTable = [relation.database, relation.schema, relation.identifier]
      .filter((p): p is string => p !== undefined && p !== '')
      .map(quote)
      .join('.');
    return { sqlTable, database: relation.database ?? '', schema: relation.schema ?? '' };
  }
  const sql = (sqlFrom ?? (relation.kind === 'sql' ? relation.sql : '')).trim();
  // A query must be a derived table to sit after FROM.
  if (QUERY.test(sql)) return { sqlTable: sql.startsWith('(') ? sql : `(${sql})`, database: '', schema: '' };
  const parts = sql.split('.');
  return {
    sqlTable: sql,
    database: parts.length === 3 ? unquote(parts[0]) : '',
    schema: parts.length >= 2 ? unquote(parts[parts.length - 2]) : '',
  };
};

/**
 * Stage 1 — parse one model into a `TableSpec`: every model, column, dimension, metric, join and
 * explore key read, typed and defaulted, time-interval children expanded. Problems are reported on
 * `reporter` (the model's file), never thrown; the spec is built as far as possible regardless.
 */
export const parseTable = (model: ModelDefinition, opts: ParseOptions, reporter: ErrorReporter): TableSpec => {
  const read = new MetaReader(model.meta, reporter);
  const name = model.name;
  const sqlFrom = read.string('sql_from');
  const relation = relationOf(model.relation, sqlFrom, opts.quote);
  if (!relation.sqlTable) reporter.error(`model "${name}" is missing a table reference (relation or sql_from)`);

  const lineage: LineageNodeDependency[] = (model.dependsOn ?? []).map((d) => ({ type: d.type, name: d.name }));
  const draft: TableDraft = {
    label: read.string('label') ?? friendlyName(name),
    description: model.description || `${name} table`,
    database: relation.database,
    schema: relation.schema,
    sqlTable: relation.sqlTable,
    orderFieldsBy: read.oneOf('order_fields_by', ['LABEL', 'INDEX'] as const, (s) => s.toUpperCase()) ?? 'LABEL',
    lineageGraph: { [name]: lineage },
  };
  const groupLabel = read.string('group_label');
  if (groupLabel) draft.groupLabel = groupLabel;
  const groups = read.stringList('groups');
  if (groups?.length) {
    if (groups.length > 5) reporter.error(`"groups" nests at most 5 levels, got ${groups.length}`);
    draft.groups = groups;
  }
  const groupDetails = readGroupDetails(read);
  if (groupDetails) draft.groupDetails = groupDetails;
  const sqlWhere = read.string('sql_filter') ?? read.string('sql_where');
  if (sqlWhere !== undefined) draft.uncompiledSqlWhere = sqlWhere;
  const requiredFilters = [
    ...parseFilterList(read.raw('default_filters'), reporter.inContext('default_filters'), `${name}.default_filters`, { allowRequired: true }),
    ...parseFilterList(read.raw('required_filters'), reporter.inContext('required_filters'), `${name}.required_filters`, { allowRequired: true }),
  ];
  if (requiredFilters.length) draft.requiredFilters = requiredFilters;
  const requiredAttributes = read.attributes('required_attributes');
  if (requiredAttributes) draft.requiredAttributes = requiredAttributes;
  const anyAttributes = read.attributes('any_attributes');
  if (anyAttributes) draft.anyAttributes = anyAttributes;
  const primaryKey = read.stringList('primary_key');
  if (primaryKey?.length) draft.primaryKey = primaryKey;
  const defaultTime = readDefaultTimeDimension(read);
  if (defaultTime) draft.defaultTimeDimension = defaultTime;
  const hidden = read.boolean('hidden');
  if (hidden) draft.hidden = true;
  const sets = readSets(read);
  if (sets) draft.sets = sets;
  const caseSensitive = read.boolean('case_sensitive');
  if (caseSensitive !== undefined) draft.caseSensitive = caseSensitive;

  let dimensionIndex = 0;
  const dimCtx = { dialect: opts.dialect, quote: opts.quote, nextIndex: () => dimensionIndex++ };
  const dimensions = new Map<string, DimensionSpec>();
  const columnMetrics: { column: { name: string; sql: string }; metrics: Record<string, unknown> }[] = [];
  if (model.columns.length === 0) {
    reporter.error(`model "${name}" has no columns: declare them in its YAML`, 'NO_DIMENSIONS_FOUND');
  }
  for (const column of model.columns) {
    const type =
      (column.dataType ? dimensionTypeOfWarehouseType(column.dataType) : undefined) ??
      catalogType(opts.catalog, model.relation, column.name) ??
      'string';
    const drafts = parseColumnDimensions(column, type, dimCtx, reporter);
    for (const d of drafts) addUnique(dimensions, d.name, d, reporter, 'dimension');
    const metrics = column.meta.metrics;
    if (isRecord(metrics)) columnMetrics.push({ column: { name: column.name, sql: drafts[0]!.sql }, metrics });
    else if (metrics !== undefined && metrics !== null) reporter.inContext(`dimension ${column.name}`).error('"metrics" must be a mapping of name → metric');
  }

  // The anchor's order: model-level metrics first, then column metrics in column order.
  const metricCtx = { table: name, defaultShowUnderlyingValues: read.stringList('default_show_underlying_values') };
  const metrics = new Map<string, MetricSpec>();
  const addMetric = (spec: MetricSpec | undefined) => {
    if (!spec) return;
    const name = spec.draft.name;
    if (dimensions.has(name)) {
      reporter.inContext(`metric ${name}`).warning(`a dimension is also named "${name}"; the metric is dropped (DUPLICATE_FIELD_NAME)`);
      return;
    }
    addUnique(metrics, name, spec, reporter, 'metric');
  };
  for (const [metricName, raw] of Object.entries(read.record('metrics') ?? {})) {
    addMetric(parseMetric(metricName, raw, metricCtx, undefined, reporter));
  }
  for (const { column, metrics: defs } of columnMetrics) {
    for (const [metricName, raw] of Object.entries(defs)) addMetric(parseMetric(metricName, raw, metricCtx, column, reporter));
  }
  let index = 0;
  for (const m of metrics.values()) m.draft.index = index++;

  const parameters = read.record('parameters');
  for (const key of Object.keys(parameters ?? {})) {
    if (!PARAMETER_NAME.test(key)) reporter.inContext('parameters').error(`invalid parameter name "${key}": use letters, digits, _ and -`);
  }
  const spec: TableSpec = {
    name,
    file: model.path,
    targetDatabase: opts.targetDatabase,
    draft,
    dimensions,
    metrics,
    joins: parseJoins(read.raw('joins'), reporter),
    explores: parseExplores(read.raw('explores'), name, dimCtx, reporter),
    exploreDefaults: { tags: model.tags },
  };
  if (model.sqlPath) spec.sqlPath = model.sqlPath;
  if (sqlWhere !== undefined) spec.sqlWhere = sqlWhere;
  if (caseSensitive !== undefined) spec.caseSensitive = caseSensitive;
  const defaults = spec.exploreDefaults;
  if (groupLabel) defaults.groupLabel = groupLabel;
  if (groups?.length) defaults.groups = groups;
  if (caseSensitive !== undefined) defaults.caseSensitive = caseSensitive;
  if (parameters) defaults.parameters = parameters;
  if (read.has('spotlight')) defaults.spotlight = read.raw('spotlight');
  if (read.has('ai_hint')) defaults.aiHint = read.raw('ai_hint');
  return spec;
};

const addUnique = <T>(map: Map<string, T>, key: string, value: T, reporter: ErrorReporter, what: string) => {
  if (map.has(key)) reporter.inContext(`${what} ${key}`).error(`duplicate ${what} name "${key}"`);
  else map.set(key, value);
};

const readGroupDetails = (read: MetaReader): Record<string, GroupDetails> | undefined => {
  const rec = read.record('group_details');
  if (!rec) return undefined;
  const out: Record<string, GroupDetails> = {};
  for (const [key, value] of Object.entries(rec)) {
    if (!isRecord(value) || typeof value.label !== 'string') {
      read.reporter.inContext('group_details').error(`group "${key}" needs a text "label"`);
      continue;
    }
    out[key] = typeof value.description === 'string' ? { label: value.label, description: value.description } : { label: value.label };
  }
  return out;
};

const readSets = (read: MetaReader): TableDraft['sets'] | undefined => {
  const rec = read.record('sets');
  if (!rec) return undefined;
  const out: NonNullable<TableDraft['sets']> = {};
  for (const [key, value] of Object.entries(rec)) {
    const fields = isRecord(value) ? value.fields : undefined;
    if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) {
      read.reporter.inContext(`set ${key}`).error('a set needs "fields": a list of field names');
      continue;
    }
    out[key] = { fields: fields as string[] };
    if (isRecord(value) && typeof value.label === 'string') out[key].label = value.label;
    if (isRecord(value) && typeof value.description === 'string') out[key].description = value.description;
  }
  return out;
};
