import { compileMetricQuery, ForbiddenError, ParameterError, type Explore, type MetricQueryRequest } from '@tessera/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryDialect } from '../dialects/query-dialect.js';
import { demoExplores } from './demo-explores.js';

/** Bad queries are refused with an error naming the problem; access rules refuse with 403. */
const dialect = queryDialect('postgres');
const ctx = { userAttributes: {}, now: new Date('2026-06-15T12:00:00Z') };
let orders: Explore;
beforeAll(async () => {
  orders = (await demoExplores('postgres')).get('orders')!;
});

const q = (over: Partial<MetricQueryRequest>): MetricQueryRequest => ({
  exploreName: 'orders',
  dimensions: ['orders_status'],
  metrics: ['orders_order_count'],
  filters: {},
  sorts: [],
  limit: 10,
  tableCalculations: [],
  ...over,
});
const rule = (fieldId: string, operator: string, values: unknown[]) => ({ id: 'r', target: { fieldId }, operator, values }) as never;
const where = (...rules: never[]) => ({ dimensions: { id: 'g', and: rules } });

const refuses = (query: MetricQueryRequest, error: new (...a: never[]) => Error, message: RegExp, context: object = ctx) =>
  expect(() => compileMetricQuery(orders, query, dialect, { ...ctx, ...context })).toThrow(expect.objectContaining({ constructor: error, message: expect.stringMatching(message) }));

describe('refused queries', () => {
  it.each([
    ['an unknown dimension', q({ dimensions: ['orders_nope'] }), /"orders_nope" is not a dimension/],
    ['a metric listed as a dimension', q({ dimensions: ['orders_order_count'], metrics: [] }), /is a metric, not a dimension/],
    ['a dimension listed as a metric', q({ metrics: ['orders_status'] }), /is a dimension, not a metric/],
    ['a field selected twice', q({ dimensions: ['orders_status', 'orders_status'] }), /selected twice/],
    ['a string operator on a number', q({ filters: where(rule('orders_total_usd', 'startsWith', ['1'])) }), /orders_total_usd/],
    ['a number operator on a string', q({ filters: where(rule('orders_status', 'greaterThan', [1])) }), /orders_status/],
    ['a bad date', q({ filters: where(rule('orders_order_date', 'equals', ['2024-13-45'])) }), /2024-13-45/],
    ['a bad number', q({ filters: where(rule('orders_total_usd', 'equals', ['12abc'])) }), /12abc/],
    ['a NUL in a value', q({ filters: where(rule('orders_status', 'equals', ['a\u0000b'])) }), /orders_status/],
    ['a metric in dimension filters', q({ filters: where(rule('orders_order_count', 'equals', [1])) }), /filter it under filters.metrics/],
    ['a sort on an unselected field', q({ sorts: [{ fieldId: 'orders_channel', descending: false }] }), /Cannot sort by "orders_channel"/],
    ['a calculation over an unselected field', q({ tableCalculations: [{ name: 'x', displayName: 'X', sql: '${orders.total_revenue} * 2' }] }), /not a field of this query/],
    ['calculations referring to each other in a cycle', q({ tableCalculations: [{ name: 'a', displayName: 'A', sql: '${b}' }, { name: 'b', displayName: 'B', sql: '${a}' }] }), /refers to itself/],
    ['a negative limit', q({ limit: -1 }), /"limit" must be a whole number/],
    ['a custom metric on an unknown table', q({ metrics: ['nope_x'], additionalMetrics: [{ table: 'nope', name: 'x', type: 'sum', sql: '${TABLE}.a' }] }), /no table "nope"/],
    ['a bin over a string', q({ dimensions: ['b'], customDimensions: [{ id: 'b', name: 'B', table: 'orders', type: 'bin', dimensionId: 'orders_status', binType: 'fixed_width', binWidth: 2 }] }), /bins need a number dimension/],
    ['a bad time zone', q({ dimensions: ['orders_ordered_at_day'], timezone: 'Mars/Olympus' }), /is not a time zone/],
  ] as const)('%s', (_what, query, message) => {
    const timezone = (query as MetricQueryRequest).timezone;
    refuses(query, ParameterError, message, timezone ? { timezone } : {});
  });

  it('a custom SQL dimension when the user may not run custom SQL', () => {
    refuses(
      q({ dimensions: ['s'], customDimensions: [{ id: 's', name: 'S', table: 'orders', type: 'sql', sql: '1', dimensionType: 'number' }] }),
      ForbiddenError,
      /developers and admins/,
      { allowCustomSql: false },
    );
  });

  it('a table the user attributes do not grant, and a row filter needing a missing attribute', () => {
    const guarded: Explore = { ...orders, tables: { ...orders.tables, customers: { ...orders.tables.customers!, requiredAttributes: { is_staff: 'true' } } } };
    expect(() => compileMetricQuery(guarded, q({ dimensions: ['customers_segment'] }), dialect, ctx)).toThrow(ForbiddenError);
    expect(() => compileMetricQuery(guarded, q({ dimensions: ['customers_segment'] }), dialect, { ...ctx, userAttributes: { is_staff: ['true'] } })).not.toThrow();
    const rls: Explore = { ...orders, tables: { ...orders.tables, orders: { ...orders.tables.orders!, sqlWhere: '"orders".region IN (${lightdash.attributes.region})' } } };
    expect(() => compileMetricQuery(rls, q({}), dialect, ctx)).toThrow(/missing user attribute "region"/);
  });

  it('a limit above the server maximum is lowered with a warning', () => {
    const compiled = compileMetricQuery(orders, q({ limit: 100_000 }), dialect, { ...ctx, maxLimit: 5000 });
    expect(compiled.sql).toMatch(/LIMIT 5000$/);
    expect(compiled.warnings[0]?.message).toMatch(/above this server's maximum/);
  });

  it('SQL-looking filter values stay inside literals', () => {
    const compiled = compileMetricQuery(orders, q({ filters: where(rule('orders_status', 'equals', ["x'); DROP TABLE orders; --"])) }), dialect, ctx);
    expect(compiled.sql).toContain(`'x''); DROP TABLE orders; --'`);
  });
});
