import type { ErrorReporter } from '../diagnostics/error-reporter.js';
import { timeFrameSql } from '../compile/sql-dialect.js';
import type { SemanticSqlDialect } from '../compile/sql-dialect.js';
import { DIMENSION_TYPES } from '../types/explore.js';
import type { DimensionType, TimeFrame } from '../types/explore.js';
import type { ColumnDefinition } from '../types/model-definition.js';
import { friendlyName } from '../util/friendly-name.js';
import { memoize } from '../util/memo.js';
import { isRecord, MetaReader } from '../util/meta-reader.js';
import { applyDisplayKey } from './field-display.js';
import { NOT_COMPILED } from './table-spec.js';
import type { DimensionDraft } from './table-spec.js';
import { defaultFrames, FRAME_LABELS, frameType, readTimeIntervals } from './time-intervals.js';

const BARE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

export interface DimensionContext {
  dialect: SemanticSqlDialect;
  quote: (identifier: string) => string;
  /** Position of the next dimension in its table (`index`). */
  nextIndex(): number;
}

const bareColumnSql = memoize((column: string) => `\${TABLE}.${column}`);

/**
 * The anchor's default dimension SQL: `${TABLE}.<column>`, the column unquoted so warehouses fold
 * its case as they always have; a name that is not a bare identifier (spaces, dashes) is quoted,
 * since it could never work unquoted.
 */
export const defaultColumnSql = (column: string, quote: (identifier: string) => string): string =>
  BARE_IDENTIFIER.test(column) ? bareColumnSql(column) : `\${TABLE}.${quote(column)}`;

/** Interval SQL per dialect, base SQL and frame: equal columns across tables share the strings. */
const frameCache = new WeakMap<SemanticSqlDialect, Map<string, Map<TimeFrame, string>>>();
const frameSql = (dialect: SemanticSqlDialect, frame: TimeFrame, sql: string, type: 'date' | 'timestamp'): string => {
  let bySql = frameCache.get(dialect);
  if (!bySql) frameCache.set(dialect, (bySql = new Map()));
  const key = `${type}:${sql}`;
  let byFrame = bySql.get(key);
  if (!byFrame) {
    if (bySql.size > 100_000) bySql.clear();
    bySql.set(key, (byFrame = new Map()));
  }
  let out = byFrame.get(frame);
  if (out === undefined) byFrame.set(frame, (out = timeFrameSql(dialect, frame, sql, type)));
  return out;
};

const isDimensionType = (s: string): s is DimensionType => (DIMENSION_TYPES as readonly string[]).includes(s);

/**
 * One dimension and, for dates and timestamps, its time-interval children (`<name>_<frame>`).
 * `fallback.type` is the column's type from YAML `data_type`, the catalog or `string`; the keys
 * the dimension has are walked once (most have few), unknown ones are warnings.
 */
export const parseDimension = (
  name: string,
  config: Record<string, unknown>,
  fallback: { type: DimensionType; sql: string; description?: string; isAdditionalDimension?: boolean },
  ctx: DimensionContext,
  reporter: ErrorReporter,
): DimensionDraft[] => {
  const read = new MetaReader(config, reporter, `dimension ${name}`);
  const draft: DimensionDraft = {
    fieldType: 'dimension',
    type: fallback.type,
    name,
    label: '',
    table: '',
    tableLabel: '',
    sql: fallback.sql,
    compiledSql: '',
    tablesReferences: NOT_COMPILED as string[],
    hidden: false,
    index: ctx.nextIndex(),
  };
  let intervals: unknown;
  for (const key in config) {
    switch (key) {
      case 'type': {
        const declared = read.string(key);
        if (declared === undefined) break;
        if (isDimensionType(declared)) draft.type = declared;
        else read.reporter.error(`unknown dimension type "${declared}"; expected one of ${DIMENSION_TYPES.join(', ')}`);
        break;
      }
      case 'sql':
        draft.sql = read.string(key) ?? fallback.sql;
        break;
      case 'time_intervals':
        intervals = config[key];
        break;
      case 'colors': {
        const colors = read.record(key);
        if (colors) draft.colors = Object.fromEntries(Object.entries(colors).map(([k, v]) => [k, String(v)]));
        break;
      }
      case 'case_sensitive': {
        const caseSensitive = read.boolean(key);
        if (caseSensitive !== undefined) draft.caseSensitive = caseSensitive;
        break;
      }
      case 'convert_timezone':
        if (read.boolean(key) === false) draft.skipTimezoneConversion = true;
        break;
      case 'timestamp_domain': {
        const domain = read.oneOf(key, ['aware', 'naive'] as const);
        if (domain) draft.timestampDomain = domain;
        break;
      }
      case 'rich_text': {
        const richText = read.string(key);
        if (richText !== undefined) draft.richText = richText;
        break;
      }
      case 'filter_autocomplete': {
        const autocomplete = read.boolean(key);
        if (autocomplete !== undefined) draft.filterAutocomplete = autocomplete;
        break;
      }
      default:
        if (!applyDisplayKey(read, key, draft)) read.reporter.warning(`unknown dimension key "${key}" is ignored`);
    }
  }
  if (!draft.label) draft.label = friendlyName(name);
  if (draft.description === undefined && fallback.description) draft.description = fallback.description;
  if (fallback.isAdditionalDimension) draft.isAdditionalDimension = true;
  const { type, sql } = draft;

  if (type !== 'date' && type !== 'timestamp') {
    if (intervals !== undefined) read.reporter.warning(`"time_intervals" only applies to date and timestamp dimensions; ignored`);
    return [draft];
  }
  const frames = intervals !== undefined && intervals !== null ? readTimeIntervals(intervals, type, read.reporter) : defaultFrames(type);
  if (frames.length === 0) return [draft];
  draft.isIntervalBase = true;
  const children = frames.map((frame): DimensionDraft => {
    const child: DimensionDraft = {
      fieldType: 'dimension',
      type: frameType(frame, type),
      name: `${name}_${frame.toLowerCase()}`,
      label: `${draft.label} ${FRAME_LABELS[frame].toLowerCase()}`,
      table: '',
      tableLabel: '',
      sql: frameSql(ctx.dialect, frame, sql, type),
      compiledSql: '',
      tablesReferences: NOT_COMPILED as string[],
      hidden: draft.hidden,
      index: ctx.nextIndex(),
      timeInterval: frame,
      timeIntervalBaseDimensionName: name,
      group: name,
    };
    if (draft.description) child.description = draft.description;
    if (draft.groups) child.groups = draft.groups;
    if (draft.groupLabel) child.groupLabel = draft.groupLabel;
    if (draft.requiredAttributes) child.requiredAttributes = draft.requiredAttributes;
    if (draft.anyAttributes) child.anyAttributes = draft.anyAttributes;
    if (draft.tags) child.tags = draft.tags;
    if (draft.isAdditionalDimension) child.isAdditionalDimension = true;
    if (draft.skipTimezoneConversion) child.skipTimezoneConversion = true;
    return child;
  });
  return [draft, ...children];
};

/** A column's dimension (`meta.dimension`) and its `additional_dimensions`. */
export const parseColumnDimensions = (
  column: ColumnDefinition,
  type: DimensionType,
  ctx: DimensionContext,
  reporter: ErrorReporter,
): DimensionDraft[] => {
  const meta = column.meta;
  let config: Record<string, unknown> = {};
  if (isRecord(meta.dimension)) config = meta.dimension;
  else if (meta.dimension !== undefined && meta.dimension !== null) {
    reporter.inContext(`dimension ${column.name}`).error('"meta.dimension" must be a mapping');
  }
  const sql = typeof config.sql === 'string' ? config.sql : defaultColumnSql(column.name, ctx.quote);
  const specs = parseDimension(column.name, config, { type, sql, description: column.description || undefined }, ctx, reporter);
  const base = specs[0]!;

  const additional = meta.additional_dimensions;
  if (additional === undefined || additional === null) return specs;
  if (!isRecord(additional)) {
    reporter.inContext(`dimension ${column.name}`).error('"additional_dimensions" must be a mapping of name → dimension');
    return specs;
  }
  for (const [name, raw] of Object.entries(additional)) {
    if (!isRecord(raw)) {
      reporter.inContext(`dimension ${name}`).error('an additional dimension must be a mapping');
      continue;
    }
    specs.push(...parseDimension(name, raw, { type: base.type, sql: base.sql, isAdditionalDimension: true }, ctx, reporter));
  }
  return specs;
};
