import type { MetricQueryRequest } from '@tessera/core';
import { compileMetricQuery } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesUnderTest, type EngineUnderTest } from './engines.js';

/**
 * Fan-out ground truth on the demo data: joining order lines (one-to-many) or reading customers
 * through orders (many-to-one) must not change the orders' sums, averages, counts and medians.
 * The truth is hand-written SQL over the raw tables, not the compiler.
 */
let engines: EngineUnderTest[];
beforeAll(async () => {
  engines = await enginesUnderTest();
}, 180_000);
afterAll(async () => {
  await Promise.all((engines ?? []).map((e) => e.close()));
});

const ctx = { userAttributes: {}, now: new Date('2026-06-15T12:00:00Z') };
const query = (dimensions: string[], metrics: string[]): MetricQueryRequest => ({
  exploreName: 'orders',
  dimensions,
  metrics,
  filters: {},
  sorts: dimensions.map((fieldId) => ({ fieldId, descending: false })),
  limit: 500,
  tableCalculations: [],
});

const schemaOf = (e: EngineUnderTest) => (e.name === 'duckdb' ? 'demo' : 'demo_engine');
const close = (a: unknown, b: unknown) => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return a === b;
};
const expectRows = (actual: Record<string, unknown>[], expected: Record<string, unknown>[], key: string) => {
  expect(actual.length).toBe(expected.length);
  const byKey = new Map(expected.map((r) => [String(r[key]), r]));
  for (const row of actual) {
    const truth = byKey.get(String(row[key]));
    expect(truth, `row ${String(row[key])}`).toBeDefined();
    for (const [k, v] of Object.entries(truth!)) expect(close(row[k], v), `${k} for ${String(row[key])}: ${String(row[k])} vs ${String(v)}`).toBe(true);
  }
};

describe.each(['duckdb', 'postgres', 'mysql'] as const)('fan-out on %s', (name) => {
  const engine = () => engines.find((e) => e.name === name);

  it.skipIf(name === 'postgres' ? !process.env.DATABASE_URL : name === 'mysql' ? !process.env.MARIADB_URL : false)(
    'order sums, averages and counts are unchanged when order lines are joined',
    async () => {
      const e = engine()!;
      const s = schemaOf(e);
      const q = (n: string) => e.dialect.quoteIdentifier(n);
      const truth = await e.run(
        `SELECT o.status AS ${q('orders_status')}, SUM(o.total_usd) AS ${q('orders_total_revenue')}, AVG(o.total_usd) AS ${q('orders_average_order_value')},
                COUNT(o.discount_code) AS ${q('orders_discounted_orders')}
         FROM ${q(s)}.${q('orders')} o GROUP BY o.status`,
      );
      const units = await e.run(
        `SELECT o.status AS s, SUM(i.quantity) AS u FROM ${q(s)}.${q('orders')} o JOIN ${q(s)}.${q('order_items')} i ON o.order_id = i.order_id GROUP BY o.status`,
      );
      for (const row of truth) row.order_items_units_sold = units.find((u) => u.s === row.orders_status)?.u ?? null;
      const explore = e.explores.get('orders')!;
      const compiled = compileMetricQuery(
        explore,
        query(['orders_status'], ['orders_total_revenue', 'orders_average_order_value', 'orders_discounted_orders', 'order_items_units_sold']),
        e.dialect,
        ctx,
      );
      expect(compiled.warnings).toEqual([]);
      expectRows(await e.run(compiled.sql), truth, 'orders_status');
    },
  );

  it.skipIf(name === 'postgres' ? !process.env.DATABASE_URL : name === 'mysql' ? !process.env.MARIADB_URL : false)(
    'grouped by a joined table, with the one-to-many join as well',
    async () => {
      const e = engine()!;
      const s = schemaOf(e);
      const q = (n: string) => e.dialect.quoteIdentifier(n);
      const truth = await e.run(
        `SELECT c.segment AS ${q('customers_segment')}, SUM(o.total_usd) AS ${q('orders_total_revenue')}, AVG(o.total_usd) AS ${q('orders_average_order_value')}, COUNT(DISTINCT o.order_id) AS ${q('orders_order_count')}
         FROM ${q(s)}.${q('orders')} o LEFT JOIN ${q(s)}.${q('customers')} c ON o.customer_id = c.customer_id GROUP BY c.segment`,
      );
      const explore = e.explores.get('orders')!;
      const compiled = compileMetricQuery(
        explore,
        query(['customers_segment'], ['orders_total_revenue', 'orders_average_order_value', 'orders_order_count', 'order_items_units_sold']),
        e.dialect,
        ctx,
      );
      const rows = await e.run(compiled.sql);
      expectRows(rows.map((r) => ({ ...r, order_items_units_sold: undefined })), truth, 'customers_segment');
      // The naive query (everything in one GROUP BY) would inflate revenue: prove the data fans out.
      const naive = await e.run(
        `SELECT SUM(o.total_usd) AS r FROM ${q(s)}.${q('orders')} o LEFT JOIN ${q(s)}.${q('order_items')} i ON i.order_id = o.order_id`,
      );
      const exact = truth.reduce((a, r) => a + Number(r.orders_total_revenue), 0);
      expect(Number(naive[0]!.r)).toBeGreaterThan(exact * 1.5);
    },
  );

  it.skipIf(name === 'postgres' ? !process.env.DATABASE_URL : name === 'mysql' ? !process.env.MARIADB_URL : false)('metric-only queries stay exact too', async () => {
    const e = engine()!;
    const s = schemaOf(e);
    const q = (n: string) => e.dialect.quoteIdentifier(n);
    const [truth] = await e.run(`SELECT SUM(total_usd) AS ${q('orders_total_revenue')} FROM ${q(s)}.${q('orders')}`);
    const compiled = compileMetricQuery(e.explores.get('orders')!, query([], ['orders_total_revenue', 'order_items_units_sold']), e.dialect, ctx);
    const [row] = await e.run(compiled.sql);
    expect(close(row!.orders_total_revenue, truth!.orders_total_revenue)).toBe(true);
  });
});
