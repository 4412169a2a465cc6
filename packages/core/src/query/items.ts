import { ForbiddenError, ParameterError } from '../errors/index.js';
import { aggregateSql } from '../semantic/compile/metric-sql.js';
import { timeFrameSql } from '../semantic/compile/sql-dialect.js';
import type { CompiledDimension, CompiledMetric, DimensionType, Explore, MetricType, TimeFrame } from '../semantic/types/explore.js';
import type { QueryDialect } from './dialect.js';
import { fieldId, indexExplore } from './explore-index.js';
import { compileFilterRule } from './filters/index.js';
import { renderTemplate, type Fragment } from './template.js';
import type { AdditionalMetric, CustomDimension, DateGranularity, FilterRule, MetricQueryRequest, QueryContext, ResultField } from './types.js';
import { meetsAll, meetsAny, substituteUserValues, type UserValuesUsed } from './user-values.js';

/** A dimension-like column of the query: explore dimension or custom dimension. */
export interface DimensionColumn {
  id: string;
  sql: string;
  tables: readonly string[];
  type: DimensionType;
  caseSensitive: boolean;
  field: ResultField;
  /** Sort companion (bins, month and day names): grouped with the dimension, sorted instead of it. */
  orderSql?: string;
}

export interface MetricColumn {
  id: string;
  /** Aggregate SQL (or the non-aggregate expression over aggregates). */
  sql: string;
  /** Aggregate metrics: the value inside the aggregate. */
  valueSql?: string;
  tables: readonly string[];
  table: string;
  type: MetricType;
  percentile?: number;
  field: ResultField;
}

const GRANULARITY_FRAME: Record<DateGranularity, TimeFrame> = { Day: 'DAY', Week: 'WEEK', Month: 'MONTH', Quarter: 'QUARTER', Year: 'YEAR' };
const ZOOMABLE = new Set<TimeFrame>(['RAW', 'MILLISECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);
/** Frames that stay UTC instants (shown in the query zone by the formatter): raw and sub-day truncations. */
const INSTANT_FRAMES = new Set<TimeFrame>(['RAW', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND']);
const AGGREGATES = new Set<MetricType>(['count', 'count_distinct', 'sum', 'average', 'min', 'max', 'median', 'percentile']);

/**
 * Stage 1 — resolve: field ids to columns with their SQL, user values substituted, access checked,
 * date zoom applied, and the request's own fields (additional metrics, custom dimensions) compiled.
 */
export class QueryItems {
  readonly index;
  private readonly dimensionCache = new Map<string, DimensionColumn>();
  private readonly metricCache = new Map<string, MetricColumn>();
  private readonly additional = new Map<string, AdditionalMetric>();
  private readonly custom = new Map<string, CustomDimension>();

  constructor(
    readonly explore: Explore,
    readonly query: MetricQueryRequest,
    readonly dialect: QueryDialect,
    readonly ctx: QueryContext,
  ) {
    this.index = indexExplore(explore);
    for (const m of query.additionalMetrics ?? []) this.additional.set(fieldId(m), m);
    for (const c of query.customDimensions ?? []) this.custom.set(c.id, c);
    for (const table of Object.values(explore.tables)) {
      if (!meetsAll(table.requiredAttributes, ctx) || !meetsAny(table.anyAttributes, ctx)) this.forbiddenTables.add(table.name);
    }
  }

  readonly forbiddenTables = new Set<string>();

  quote = (name: string): string => this.dialect.quoteIdentifier(name);

  isCustomDimension(id: string): boolean {
    return this.custom.has(id);
  }

  isMetric(id: string): boolean {
    return this.index.metrics.has(id) || this.additional.has(id);
  }

  isDimension(id: string): boolean {
    return this.index.dimensions.has(id) || this.custom.has(id);
  }

  dimension(id: string, selected = false): DimensionColumn {
    const key = `${selected ? 's' : 'f'}:${id}`;
    let column = this.dimensionCache.get(key);
    if (!column) {
      column = this.custom.has(id) ? this.customDimension(this.custom.get(id)!) : this.exploreDimension(id, selected);
      this.dimensionCache.set(key, column);
    }
    return column;
  }

  metric(id: string): MetricColumn {
    let column = this.metricCache.get(id);
    if (!column) {
      const additional = this.additional.get(id);
      column = additional ? this.additionalMetric(additional) : this.exploreMetric(id);
      this.metricCache.set(id, column);
    }
    return column;
  }

  /** The base table's (or a joined table's) SQL with the user's values in. */
  userSql(sql: string): string {
    return substituteUserValues(sql, this.ctx, this.dialect, this.userValues);
  }

  /** The user values the query's SQL read so far. */
  readonly userValues: UserValuesUsed = { attributes: [], email: false };

  private checkAccess(id: string, field: CompiledDimension | CompiledMetric): void {
    for (const table of field.tablesReferences ?? [field.table]) {
      if (this.forbiddenTables.has(table)) throw new ForbiddenError(`You don't have access to the table "${table}" that "${id}" uses`);
    }
    if (!meetsAll(field.requiredAttributes, this.ctx) || !meetsAny(field.anyAttributes, this.ctx)) {
      throw new ForbiddenError(`You don't have access to the field "${id}" (it requires user attributes you do not have)`);
    }
    for (const attrs of Object.values(field.tablesRequiredAttributes ?? {})) {
      if (!meetsAll(attrs, this.ctx)) throw new ForbiddenError(`You don't have access to the field "${id}" (it requires user attributes you do not have)`);
    }
  }

  private unknown(id: string, kind: 'dimension' | 'metric'): never {
    if (kind === 'metric' && this.index.dimensions.has(id)) throw new ParameterError(`"${id}" is a dimension, not a metric: move it to "dimensions"`);
    if (kind === 'dimension' && this.index.metrics.has(id)) throw new ParameterError(`"${id}" is a metric, not a dimension: move it to "metrics"`);
    throw new ParameterError(`"${id}" is not a ${kind} of the explore "${this.explore.name}"`);
  }

  private exploreDimension(id: string, selected: boolean): DimensionColumn {
    const d = this.index.dimensions.get(id);
    if (!d) return this.unknown(id, 'dimension');
    this.checkAccess(id, d);
    const table = this.explore.tables[d.table];
    let sql = this.userSql(d.compiledSql);
    let field: ResultField = d;
    const base = d.timeInterval && d.timeIntervalBaseDimensionName
      ? this.index.dimensions.get(`${d.table}_${d.timeIntervalBaseDimensionName}`)
      : undefined;
    const zoom = selected && this.query.granularity ? GRANULARITY_FRAME[this.query.granularity] : undefined;
    const baseType = (base?.type ?? d.type) === 'date' ? 'date' : 'timestamp';
    // Timestamps hold UTC; in another query zone, days and longer (and date parts, names) follow
    // that zone's calendar. Raw and sub-day frames stay instants, shown in the zone when formatted.
    const zone = this.zone();
    const frame = zoom && (d.type === 'date' || d.type === 'timestamp') && (!d.timeInterval || ZOOMABLE.has(d.timeInterval)) ? zoom : d.timeInterval;
    const convert = zone !== undefined && base !== undefined && baseType === 'timestamp' && frame !== undefined
      && !INSTANT_FRAMES.has(frame) && !d.skipTimezoneConversion;
    const raw = base ? this.userSql(base.compiledSql) : sql;
    const local = convert ? this.dialect.convertTimezone(raw, zone) : raw;
    if (frame !== d.timeInterval || convert) {
      sql = timeFrameSql(this.dialect.semantic, frame ?? 'RAW', local, baseType);
      if (frame !== d.timeInterval) field = { ...d, timeInterval: frame!, type: 'date' };
    }
    let orderSql: string | undefined;
    if (base && (d.timeInterval === 'MONTH_NAME' || d.timeInterval === 'DAY_OF_WEEK_NAME')) {
      const order = d.timeInterval === 'MONTH_NAME' ? 'MONTH_NUM' : 'DAY_OF_WEEK_INDEX';
      orderSql = timeFrameSql(this.dialect.semantic, order, local, baseType);
    }
    return {
      id,
      sql,
      tables: d.tablesReferences ?? [d.table],
      type: field.fieldType === 'dimension' ? field.type : d.type,
      caseSensitive: d.caseSensitive ?? table?.caseSensitive ?? true,
      field,
      ...(orderSql ? { orderSql } : {}),
    };
  }

  private exploreMetric(id: string): MetricColumn {
    const m = this.index.metrics.get(id);
    if (!m) return this.unknown(id, 'metric');
    this.checkAccess(id, m);
    return {
      id,
      sql: this.userSql(m.compiledSql),
      ...(m.compiledValueSql !== undefined ? { valueSql: this.userSql(m.compiledValueSql) } : {}),
      tables: m.tablesReferences ?? [m.table],
      table: m.table,
      type: m.type,
      ...(m.percentile !== undefined ? { percentile: m.percentile } : {}),
      field: m,
    };
  }

  private lookupDimension = (table: string, name: string): Fragment | undefined => {
    const id = `${table}_${name}`;
    if (!this.index.dimensions.has(id)) return undefined;
    const column = this.dimension(id);
    return { sql: column.sql, tables: column.tables };
  };

  private tableOf(name: string, what: string): string {
    if (!this.explore.tables[name]) throw new ParameterError(`${what}: the explore "${this.explore.name}" has no table "${name}"`);
    if (this.forbiddenTables.has(name)) throw new ForbiddenError(`You don't have access to the table "${name}"`);
    return name;
  }

  private additionalMetric(m: AdditionalMetric): MetricColumn {
    const id = fieldId(m);
    const what = `custom metric "${id}"`;
    const table = this.tableOf(m.table, what);
    if (!AGGREGATES.has(m.type)) throw new ParameterError(`${what}: type "${m.type}" is not an aggregate (use one of ${[...AGGREGATES].join(', ')})`);
    const value = renderTemplate(m.sql, table, this.quote(table), this.lookupDimension, what);
    const tables = new Set(value.tables);
    const conditions = (m.filters ?? []).map((rule) => {
      const ref = rule.target.fieldRef;
      const targetId = ref.includes('.') ? ref.replace('.', '_') : `${table}_${ref}`;
      if (!this.index.dimensions.has(targetId)) throw new ParameterError(`${what}: the filter on "${ref}" matches no dimension`);
      const target = this.dimension(targetId);
      for (const t of target.tables) tables.add(t);
      const filterRule: FilterRule = { id: rule.id, target: { fieldId: targetId }, operator: rule.operator, values: rule.values, ...(rule.settings ? { settings: rule.settings } : {}) };
      return compileFilterRule(filterRule, { sql: target.sql, type: target.type, caseSensitive: target.caseSensitive, fieldId: targetId }, this.dialect, this.filterContext());
    });
    const valueSql = this.userSql(conditions.length ? `CASE WHEN (${conditions.join(' AND ')}) THEN (${value.sql}) ELSE NULL END` : value.sql);
    const sql = aggregateSql(m.type, valueSql, m.percentile, this.dialect.semantic);
    const explore = this.explore.tables[table]!;
    const field: CompiledMetric = {
      fieldType: 'metric',
      name: m.name,
      label: m.label ?? m.name,
      table,
      tableLabel: explore.label,
      sql: m.sql,
      compiledSql: sql,
      hidden: m.hidden ?? false,
      type: m.type,
      isAutoGenerated: false,
      tablesReferences: [...tables],
      ...(m.description !== undefined ? { description: m.description } : {}),
      ...(m.format !== undefined ? { format: m.format } : {}),
      ...(m.round !== undefined ? { round: m.round } : {}),
      ...(m.compact !== undefined ? { compact: m.compact } : {}),
      ...(m.percentile !== undefined ? { percentile: m.percentile } : {}),
    };
    const out: ResultField = m.formatOptions ? ({ ...field, formatOptions: m.formatOptions } as ResultField) : field;
    return { id, sql, valueSql, tables: [...tables], table, type: m.type, ...(m.percentile !== undefined ? { percentile: m.percentile } : {}), field: out };
  }

  private zoneChecked = false;

  /** The query's zone when it is not UTC (validated once). */
  zone(): string | undefined {
    const zone = this.ctx.timezone;
    if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return undefined;
    if (!this.zoneChecked) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
      } catch {
        throw new ParameterError(`"${zone}" is not a time zone: use an IANA name such as Europe/London`);
      }
      this.zoneChecked = true;
    }
    return zone;
  }

  filterContext() {
    return { now: this.ctx.now, timezone: this.ctx.timezone ?? 'UTC', ...(this.ctx.weekStart !== undefined ? { weekStart: this.ctx.weekStart } : {}) };
  }

  private customDimension(c: CustomDimension): DimensionColumn {
    const what = `custom dimension "${c.id}"`;
    const table = this.tableOf(c.table, what);
    if (c.type === 'sql') {
      if (this.ctx.allowCustomSql === false) {
        throw new ForbiddenError(`${what}: custom SQL dimensions can only be run by developers and admins of this project`);
      }
      const rendered = renderTemplate(c.sql, table, this.quote(table), this.lookupDimension, what);
      return { id: c.id, sql: this.userSql(`(${rendered.sql})`), tables: rendered.tables, type: c.dimensionType, caseSensitive: true, field: c };
    }
    const base = this.index.dimensions.has(c.dimensionId) ? this.dimension(c.dimensionId) : undefined;
    if (!base) throw new ParameterError(`${what}: its dimension "${c.dimensionId}" is not in the explore`);
    if (base.type !== 'number') throw new ParameterError(`${what}: bins need a number dimension, "${c.dimensionId}" is a ${base.type}`);
    return { id: c.id, sql: base.sql, tables: base.tables, type: 'string', caseSensitive: true, field: c };
  }
}

export const isAggregate = (type: MetricType): boolean => AGGREGATES.has(type);
