import { ParameterError } from '../errors/index.js';
import { aggregateSql } from '../semantic/compile/metric-sql.js';
import type { DimensionType, MetricType } from '../semantic/types/explore.js';
import { binSql } from './bins.js';
import { compileFilterGroup, compileFilterRule } from './filters/index.js';
import { isAggregate, type DimensionColumn, type MetricColumn, type QueryItems } from './items.js';
import { inflatedTables, JOIN_KEYWORD, neededJoins } from './joins.js';
import { emptySelect, type JoinClause, type OrderItem, type SelectItem, type SelectQuery } from './sql-tree.js';
import { tableCalculationSql, tableCalculationType } from './table-calculations.js';
import type { FilterGroup, FilterGroupItem, FilterRule, QueryWarning, ResultField } from './types.js';

export interface QueryPlan {
  tree: SelectQuery;
  userValues: { attributes: string[]; email: boolean };
  fields: Record<string, ResultField>;
  columns: string[];
  warnings: QueryWarning[];
}

export interface PlanOptions {
  /** Row limit after the server maximum; undefined = no LIMIT (totals). */
  limit: number | undefined;
  /** Totals: no metric or table-calculation filters. */
  skipResultFilters?: boolean;
}

const INFLATION_PROOF = new Set<MetricType>(['count_distinct', 'min', 'max']);

const metricFilterType = (type: MetricType): DimensionType => {
  switch (type) {
    case 'string':
    case 'date':
    case 'timestamp':
    case 'boolean':
      return type;
    default:
      return 'number';
  }
};

const rulesOf = (group: FilterGroup | undefined): FilterRule[] => {
  const out: FilterRule[] = [];
  const walk = (item: FilterGroupItem) => {
    if ('and' in item) item.and.forEach(walk);
    else if ('or' in item) item.or.forEach(walk);
    else out.push(item);
  };
  if (group) walk(group);
  return out;
};

/** Stages 2–3 — plan: which joins, which CTEs (fan-out, bins, calculations, result filters), as an SQL tree. */
export const planQuery = (items: QueryItems, options: PlanOptions): QueryPlan => {
  const { explore, query, dialect } = items;
  const q = items.quote;
  const fctx = items.filterContext();
  const warnings: QueryWarning[] = [];

  // Selected columns.
  const dimensions: DimensionColumn[] = query.dimensions.map((id) => items.dimension(id, true));
  const metrics: MetricColumn[] = query.metrics.map((id) => items.metric(id));
  const selectedIds = new Set([...dimensions.map((d) => d.id), ...metrics.map((m) => m.id)]);
  if (selectedIds.size !== dimensions.length + metrics.length) throw new ParameterError('A field is selected twice: list each field once');
  const tables = new Set<string>([explore.baseTable]);
  const use = (t: readonly string[]) => t.forEach((x) => tables.add(x));
  dimensions.forEach((d) => use(d.tables));
  metrics.forEach((m) => use(m.tables));

  // Dimension filters (WHERE), and required filters of the tables in use that the query does not already filter.
  const dimensionTarget = (rule: FilterRule) => {
    const id = rule.target?.fieldId;
    if (typeof id !== 'string') throw new ParameterError(`Filter ${rule.id ?? ''} has no target field`);
    if (items.isMetric(id) && !items.isDimension(id)) throw new ParameterError(`"${id}" is a metric: filter it under filters.metrics`);
    const d = items.dimension(id);
    use(d.tables);
    return { sql: d.sql, type: d.type, caseSensitive: rule.caseSensitive ?? d.caseSensitive, fieldId: id };
  };
  const where: string[] = [];
  const dimensionFilter = compileFilterGroup(query.filters?.dimensions, dimensionTarget, dialect, fctx);
  const filtered = new Set(rulesOf(query.filters?.dimensions).filter((r) => !r.disabled).map((r) => r.target.fieldId));

  // Metric filters may need metrics that are not selected: computed, then projected away.
  const metricRules = options.skipResultFilters ? [] : rulesOf(query.filters?.metrics);
  const filterOnly: MetricColumn[] = [];
  for (const rule of metricRules) {
    const id = rule.target?.fieldId;
    if (typeof id !== 'string') throw new ParameterError(`Filter ${rule.id ?? ''} has no target field`);
    if (!items.isMetric(id)) throw new ParameterError(`"${id}" is not a metric of this explore: metric filters take metrics`);
    if (!selectedIds.has(id) && !filterOnly.some((m) => m.id === id)) filterOnly.push(items.metric(id));
  }
  filterOnly.forEach((m) => use(m.tables));

  let joins = neededJoins(explore, tables);
  const required: string[] = [];
  const requiredSeen = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of [explore.baseTable, ...joins.map((j) => j.table)]) {
      for (const rule of explore.tables[table]?.requiredFilters ?? []) {
        if (rule.required === false || requiredSeen.has(rule.id)) continue;
        const ref = rule.target.fieldRef;
        const id = ref.includes('.') ? ref.replace('.', '_') : `${table}_${ref}`;
        requiredSeen.add(rule.id);
        if (filtered.has(id)) continue;
        const d = items.dimension(id);
        const before = tables.size;
        use(d.tables);
        if (tables.size !== before) changed = true;
        const filterRule: FilterRule = { id: rule.id, target: { fieldId: id }, operator: rule.operator, values: rule.values, ...(rule.settings ? { settings: rule.settings } : {}) };
        required.push(compileFilterRule(filterRule, { sql: d.sql, type: d.type, caseSensitive: d.caseSensitive, fieldId: id }, dialect, fctx));
      }
    }
    if (changed) joins = neededJoins(explore, tables);
  }

  // FROM, JOINs (joined tables' sql_filter kept in their ON: their rows are hidden, base rows kept) and WHERE.
  const base = explore.tables[explore.baseTable]!;
  const joinClauses: JoinClause[] = joins.map((j) => {
    const t = explore.tables[j.table]!;
    const on = [items.userSql(j.compiledSqlOn), ...(t.sqlWhere ? [items.userSql(t.sqlWhere)] : [])];
    return { type: JOIN_KEYWORD[j.type], source: { kind: 'sql', sql: items.userSql(t.sqlTable) }, alias: j.table, on: on.length > 1 ? on.map((c) => `(${c})`).join(' AND ') : on[0]! };
  });
  if (base.sqlWhere) where.push(items.userSql(base.sqlWhere));
  if (dimensionFilter) where.push(dimensionFilter);
  where.push(...required);
  const from = { source: { kind: 'sql' as const, sql: items.userSql(base.sqlTable) }, alias: explore.baseTable };
  const rowSource = (): SelectQuery => ({ ...emptySelect(from), joins: joinClauses, where });

  // Group columns: dimensions, bins and their sort companions.
  const ctes: { name: string; query: SelectQuery }[] = [];
  const rangeJoins: JoinClause[] = [];
  const groupItems: SelectItem[] = [];
  const sortColumn = new Map<string, string>();
  for (const d of dimensions) {
    const custom = query.customDimensions?.find((c) => c.id === d.id);
    if (custom?.type === 'bin') {
      const bin = binSql(custom, `(${d.sql})`, dialect);
      if (bin.range) {
        const x = bin.range.value;
        const range: SelectQuery = {
          ...rowSource(),
          select: [
            { sql: dialect.castToInteger(`FLOOR(MIN(${x}))`), alias: 'min_id' },
            { sql: dialect.castToInteger(`CEIL(MAX(${x}))`), alias: 'max_id' },
            { sql: dialect.castToInteger(`CEIL(${dialect.castToFloat(`CEIL(MAX(${x})) - FLOOR(MIN(${x}))`)} / ${dialect.literal({ type: 'number', value: custom.binNumber! })})`), alias: 'bin_width' },
          ],
        };
        ctes.push({ name: bin.range.alias, query: range });
        rangeJoins.push({ type: 'CROSS', source: { kind: 'sql', sql: q(bin.range.alias) }, alias: bin.range.alias });
      }
      groupItems.push({ sql: bin.sql, alias: d.id }, { sql: bin.orderSql, alias: `${d.id}__order` });
      sortColumn.set(d.id, `${d.id}__order`);
      continue;
    }
    groupItems.push({ sql: d.sql, alias: d.id });
    if (d.orderSql) {
      groupItems.push({ sql: d.orderSql, alias: `${d.id}__order` });
      sortColumn.set(d.id, `${d.id}__order`);
    }
  }
  const groupAliases = groupItems.map((g) => g.alias!);
  const positions = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

  // Fan-out: metrics of tables whose rows the joins repeat are computed over de-duplicated rows.
  const { inflated, unknown } = inflatedTables(explore, joins);
  // A metric over other metrics (`${revenue} / ${orders}`) whose parts the joins repeat is computed
  // after aggregation from its parts' exact columns.
  const post = new Map<string, string>();
  const parts: MetricColumn[] = [];
  for (const m of [...metrics, ...filterOnly]) {
    if (isAggregate(m.type) || !m.tables.some((t) => inflated.has(t))) continue;
    const split = splitOverMetrics(m, items);
    if (!split) continue;
    post.set(m.id, split.sql);
    for (const p of split.parts) if (!parts.some((x) => x.id === p.id)) parts.push(p);
  }
  const allMetrics = [...metrics, ...filterOnly].filter((m) => !post.has(m.id));
  for (const p of parts) if (!allMetrics.some((m) => m.id === p.id)) allMetrics.push(p);
  const affected = new Map<string, MetricColumn[]>();
  const unaffected: MetricColumn[] = [];
  for (const m of allMetrics) {
    const repeated = m.tables.some((t) => inflated.has(t));
    if (!repeated || INFLATION_PROOF.has(m.type)) {
      unaffected.push(m);
      continue;
    }
    const table = explore.tables[m.table];
    const pk = table?.primaryKey ?? [];
    if (!isAggregate(m.type)) {
      warnings.push({ fieldId: m.id, message: `"${m.id}" combines metrics of a table whose rows the joins repeat; its value may be inflated` });
    } else if (m.valueSql === undefined || m.tables.some((t) => t !== m.table)) {
      warnings.push({ fieldId: m.id, message: `"${m.id}" reads other tables, so it cannot be protected from the joins repeating rows of "${m.table}"; its value may be inflated` });
    } else if (pk.length === 0) {
      warnings.push({ fieldId: m.id, message: `"${m.id}" may be inflated by the joins: declare a primary_key on "${m.table}" to compute it exactly` });
    } else {
      affected.set(m.table, [...(affected.get(m.table) ?? []), m]);
      continue;
    }
    unaffected.push(m);
  }
  if (unknown.length && allMetrics.some((m) => !INFLATION_PROOF.has(m.type))) {
    for (const j of unknown) warnings.push({ message: `The join to "${j.table}" declares no relationship, so metrics cannot be protected from repeated rows; add relationship: many-to-one (or the right one)` });
  }

  // Dimensions only: rows are made distinct, unless they already are — the base table's primary key
  // is selected and no join repeats base rows (then DISTINCT would only cost a hash of every row).
  const basePk = base.primaryKey ?? [];
  const uniqueRows = basePk.length > 0 && !inflated.has(explore.baseTable)
    && basePk.every((name) => dimensions.some((d) => d.id === `${explore.baseTable}_${name}` && d.sql === items.userSql(base.dimensions[name]?.compiledSql ?? '')));
  const aggregate = (metricItems: SelectItem[]): SelectQuery => ({
    ...rowSource(),
    joins: [...joinClauses, ...rangeJoins],
    select: [...groupItems, ...metricItems],
    groupBy: groupItems.length && metricItems.length ? positions(groupItems.length) : [],
    distinct: groupItems.length > 0 && metricItems.length === 0 && !uniqueRows,
  });
  let relation: SelectQuery;
  if (affected.size === 0) {
    relation = aggregate(unaffected.map((m) => ({ sql: m.sql, alias: m.id })));
  } else {
    const parts: { name: string; metrics: string[] }[] = [];
    if (groupItems.length || unaffected.length) {
      ctes.push({ name: 'unaffected', query: aggregate(unaffected.map((m) => ({ sql: m.sql, alias: m.id }))) });
      parts.push({ name: 'unaffected', metrics: unaffected.map((m) => m.id) });
    }
    for (const [tableName, list] of affected) {
      const table = explore.tables[tableName]!;
      const pkItems = (table.primaryKey ?? []).map((name, i) => {
        const key = table.dimensions[name];
        if (!key) throw new ParameterError(`The primary key of "${tableName}" names "${name}", which is not one of its dimensions`);
        return { sql: items.userSql(key.compiledSql), alias: `__pk_${i}` };
      });
      const rows = `${tableName}__rows`;
      ctes.push({
        name: rows,
        query: { ...rowSource(), joins: [...joinClauses, ...rangeJoins], distinct: true, select: [...groupItems, ...pkItems, ...list.map((m) => ({ sql: m.valueSql!, alias: m.id }))] },
      });
      const name = `${tableName}__metrics`;
      ctes.push({
        name,
        query: {
          ...emptySelect({ source: { kind: 'sql', sql: q(rows) }, alias: rows }),
          select: [...groupAliases.map((a) => ({ sql: q(a), alias: a })), ...list.map((m) => ({ sql: aggregateSql(m.type, q(m.id), m.percentile, dialect.semantic), alias: m.id }))],
          groupBy: groupAliases.length ? positions(groupAliases.length) : [],
        },
      });
      parts.push({ name, metrics: list.map((m) => m.id) });
    }
    const [driver, ...others] = parts as [(typeof parts)[number], ...typeof parts];
    relation = {
      ...emptySelect({ source: { kind: 'sql', sql: q(driver.name) }, alias: driver.name }),
      select: [
        ...groupAliases.map((a) => ({ sql: `${q(driver.name)}.${q(a)}`, alias: a })),
        ...parts.flatMap((p) => p.metrics.map((id) => ({ sql: `${q(p.name)}.${q(id)}`, alias: id }))),
      ],
      joins: others.map((p) => ({
        type: groupAliases.length ? 'LEFT OUTER' : 'CROSS',
        source: { kind: 'sql', sql: q(p.name) },
        alias: p.name,
        on: groupAliases.map((a) => dialect.nullSafeEquals(`${q(driver.name)}.${q(a)}`, `${q(p.name)}.${q(a)}`)).join(' AND ') || 'TRUE',
      })),
    };
  }

  // Table calculations and result filters over the aggregated rows.
  const calcs = query.tableCalculations ?? [];
  const calcSql = tableCalculationSql(calcs, selectedIds, q);
  const metricFilter = options.skipResultFilters
    ? undefined
    : compileFilterGroup(query.filters?.metrics, (rule) => {
        const m = items.metric(rule.target.fieldId);
        return { sql: q(m.id), type: metricFilterType(m.type), caseSensitive: true, fieldId: m.id };
      }, dialect, fctx);
  const calcFilter = options.skipResultFilters
    ? undefined
    : compileFilterGroup(query.filters?.tableCalculations, (rule) => {
        const calc = calcs.find((c) => c.name === rule.target.fieldId);
        if (!calc) throw new ParameterError(`"${rule.target.fieldId}" is not a table calculation of this query`);
        return { sql: q(calc.name), type: tableCalculationType(calc), caseSensitive: true, fieldId: calc.name };
      }, dialect, fctx);

  const calcIds = new Set(calcs.map((c) => c.name));
  const orderBy: OrderItem[] = (query.sorts ?? []).map((s) => {
    if (!selectedIds.has(s.fieldId) && !calcIds.has(s.fieldId)) {
      throw new ParameterError(`Cannot sort by "${s.fieldId}": it is not a selected field or table calculation`);
    }
    return { sql: q(sortColumn.get(s.fieldId) ?? s.fieldId), descending: s.descending };
  });

  if (post.size) {
    ctes.push({ name: 'aggregated', query: relation });
    relation = {
      ...emptySelect({ source: { kind: 'sql', sql: q('aggregated') }, alias: 'aggregated' }),
      select: [{ sql: `${q('aggregated')}.*` }, ...[...post].map(([id, sql]) => ({ sql, alias: id }))],
    };
  }

  let tree: SelectQuery;
  const wrapped = affected.size > 0 || calcs.length > 0 || metricFilter !== undefined || calcFilter !== undefined;
  if (!wrapped) {
    tree = { ...relation, ctes, orderBy, ...(options.limit !== undefined ? { limit: options.limit } : {}) };
  } else {
    ctes.push({ name: 'metrics', query: relation });
    let outer: SelectQuery = {
      ...emptySelect({ source: { kind: 'sql', sql: q('metrics') }, alias: 'metrics' }),
      select: calcs.length ? [{ sql: `${q('metrics')}.*` }, ...calcs.map((c) => ({ sql: calcSql.get(c.name)!, alias: c.name }))] : [],
      where: metricFilter ? [metricFilter] : [],
    };
    if (calcFilter) {
      ctes.push({ name: 'table_calculations', query: outer });
      outer = { ...emptySelect({ source: { kind: 'sql', sql: q('table_calculations') }, alias: 'table_calculations' }), where: [calcFilter] };
    }
    tree = { ...outer, ctes, orderBy, ...(options.limit !== undefined ? { limit: options.limit } : {}) };
  }

  const fields: Record<string, ResultField> = {};
  for (const d of dimensions) fields[d.id] = d.field;
  for (const m of metrics) fields[m.id] = m.field;
  for (const c of calcs) fields[c.name] = c;
  return { tree, userValues: { attributes: [...items.userValues.attributes].sort(), email: items.userValues.email }, fields, columns: [...dimensions.map((d) => d.id), ...metrics.map((m) => m.id), ...calcs.map((c) => c.name)], warnings };
};

/**
 * `m`'s SQL with each aggregate metric it inlines (the explore compiler writes a reference as the
 * referenced metric's SQL in parentheses) replaced by that metric's result column. Undefined when
 * an aggregate is left over that is not a known metric.
 */
const splitOverMetrics = (m: MetricColumn, items: QueryItems): { sql: string; parts: MetricColumn[] } | undefined => {
  const candidates = [...items.index.metrics.values()]
    .filter((c) => isAggregate(c.type) && m.tables.includes(c.table) && c.compiledSql.length > 0)
    .sort((a, b) => b.compiledSql.length - a.compiledSql.length);
  let sql = m.sql;
  const parts: MetricColumn[] = [];
  for (const c of candidates) {
    const text = `(${items.userSql(c.compiledSql)})`;
    if (!sql.includes(text)) continue;
    const id = `${c.table}_${c.name}`;
    sql = sql.split(text).join(items.quote(id));
    parts.push(items.metric(id));
  }
  if (parts.length === 0 || /\b(SUM|COUNT|AVG|MIN|MAX|MEDIAN|PERCENTILE_CONT|QUANTILE\w*|APPROX_\w+)\s*\(/i.test(sql)) return undefined;
  return { sql, parts };
};
