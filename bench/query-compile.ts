/**
 * Metric-query compiler benchmark: a 10-field, 3-join, 5-filter query on an explore of 200 fields
 * (a base table joined to three others, 50 fields each), compiled for PostgreSQL. Target (issue 4):
 * p50 ≤ 0.3 ms per compile.
 *
 *   node --import tsx bench/query-compile.ts
 */
import { compileExplores, compileMetricQuery, isExploreError, type Explore, type MetricQueryRequest, type ModelDefinition } from '@tessera/core';
import { queryDialect } from '@tessera/warehouses';

const TARGET_P50_MS = 0.3;
const TABLES = ['orders', 'customers', 'products', 'stores'];

/** 40 dimensions and 10 metrics per table; every table joins the base by a key. */
const model = (name: string, i: number): ModelDefinition => ({
  name,
  path: `models/${name}.yml`,
  relation: { kind: 'table', schema: 'bench', identifier: name },
  tags: [],
  meta: {
    primary_key: 'id',
    ...(i === 0
      ? { joins: TABLES.slice(1).map((t) => ({ join: t, sql_on: `\${orders.${t}_id} = \${${t}.id}`, relationship: 'many-to-one' })) }
      : {}),
  },
  columns: Array.from({ length: 40 }, (_, c) => {
    const column = c === 0 ? 'id' : c < 4 ? `${TABLES[c]}_id` : c === 4 ? 'created_at' : c % 3 === 0 ? `amount_${c}` : `attribute_${c}`;
    const type = c < 4 || column.startsWith('amount') ? 'number' : c === 4 ? 'timestamp' : 'string';
    return { name: column, meta: { dimension: { type, ...(c === 4 ? { time_intervals: ['DAY', 'MONTH'] } : {}) } } };
  }).map((col, c) => (c < 10 ? { ...col, meta: { ...col.meta, metrics: { [`m_${c}`]: { type: c % 2 ? 'sum' : 'count_distinct', sql: c % 2 ? '${TABLE}.amount_6' : undefined } } } } : col)),
});

const dialect = queryDialect('postgres');
const { explores } = compileExplores(TABLES.map(model), { targetDatabase: 'postgres', quote: dialect.quoteIdentifier, sql: dialect.semantic });
const explore = explores.find((e) => e.name === 'orders');
if (!explore || isExploreError(explore)) throw new Error(`bench explore failed: ${JSON.stringify(explore).slice(0, 500)}`);
const e = explore as Explore;
const fieldCount = Object.values(e.tables).reduce((n, t) => n + Object.keys(t.dimensions).length + Object.keys(t.metrics).length, 0);

const rule = (fieldId: string, operator: string, values: unknown[]) => ({ id: fieldId + operator, target: { fieldId }, operator, values }) as never;
const query: MetricQueryRequest = {
  exploreName: 'orders',
  dimensions: ['orders_attribute_5', 'customers_attribute_7', 'products_attribute_8', 'stores_attribute_10', 'orders_created_at_month', 'customers_attribute_11'],
  metrics: ['orders_m_0', 'orders_m_1', 'customers_m_3', 'products_m_5'],
  filters: {
    dimensions: {
      id: 'root',
      and: [
        rule('orders_attribute_5', 'equals', ['a', 'b']),
        rule('customers_attribute_7', 'startsWith', ['x_%']),
        rule('orders_amount_6', 'greaterThan', [10]),
        rule('orders_created_at_day', 'inBetween', ['2024-01-01', '2024-12-31']),
        rule('stores_attribute_10', 'notEquals', ["O'Brien"]),
      ],
    },
  },
  sorts: [{ fieldId: 'orders_m_1', descending: true }],
  limit: 500,
  tableCalculations: [],
};
const context = { userAttributes: {}, now: new Date('2026-06-15T12:00:00Z'), timezone: 'UTC' };

const compiled = compileMetricQuery(e, query, dialect, context);
const joins = e.joinedTables.length;
const plan = compiled.sql.includes('__rows') ? 'fan-out-safe plan' : 'flat plan';
for (let i = 0; i < 2_000; i++) compileMetricQuery(e, query, dialect, context);
const times: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const t = performance.now();
  compileMetricQuery(e, query, dialect, context);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.floor(q * (times.length - 1))]!;
console.log(`query compile: explore of ${fieldCount} fields, ${query.dimensions.length + query.metrics.length} fields selected, ${joins} joins, 5 filters (${plan})`);
console.log(`  p50 ${p(0.5).toFixed(3)} ms (target ≤ ${TARGET_P50_MS} ms)  p95 ${p(0.95).toFixed(3)} ms  p99 ${p(0.99).toFixed(3)} ms`);
if (p(0.5) > TARGET_P50_MS) process.exitCode = 1;
