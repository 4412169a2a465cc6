import path from 'node:path';
import { compileExplores, defaultQuote } from '@tessera/core';
import type { Explore, ExploreError, ModelDefinition } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir.js';
import { lookmlSourceFactory, LookmlSource } from './lookml-source.js';

const SHOPIFY = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/lookml/block-shopify');
const tempDir = useTempDirs();

const compile = (models: ModelDefinition[]) =>
  compileExplores(models, { targetDatabase: 'postgres', quote: defaultQuote('postgres') }).explores;
const isError = (e: Explore | ExploreError): e is ExploreError => 'errors' in e && Array.isArray(e.errors) && e.errors.length > 0;
const ok = (explores: (Explore | ExploreError)[], name: string): Explore => {
  const e = explores.find((x) => x.name === name);
  if (!e || isError(e)) throw new Error(`explore ${name}: ${JSON.stringify(e)}`);
  return e;
};

describe('block-shopify', () => {
  it('is detected as LookML', async () => {
    expect(await lookmlSourceFactory.detect(SHOPIFY)).toBe(true);
    expect(await lookmlSourceFactory.detect(path.join(SHOPIFY, 'views/order.view.lkml'))).toBe(false);
  });

  it('compiles its explore; what it cannot convert is listed, never thrown', async () => {
    const { models, diagnostics } = await new LookmlSource(SHOPIFY).load();
    expect(models.map((m) => m.name).sort()).toEqual(
      ['collect', 'collection', 'customer', 'customer_address', 'customer_tag', 'fivetran_audit', 'location', 'order', 'order_line', 'order_tag', 'product', 'product_option', 'product_tag', 'product_variant'],
    );
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        { severity: 'error', file: 'views/top_15.view.lkml', message: expect.stringContaining('native derived table (explore_source)') },
        { severity: 'warning', file: 'explores/order.explore.lkml', message: expect.stringContaining('join top_15 is left out') },
        { severity: 'warning', file: 'views/order.view.lkml', message: expect.stringContaining('shipping_location: type "location"') },
      ]),
    );
    const explores = compile(models);
    expect(explores.map((e) => e.name)).toEqual(['order']);
    const order = ok(explores, 'order');
    expect(order.baseTable).toBe('order');
    expect(Object.keys(order.tables)).toHaveLength(13);
  });

  it('compiles every view on its own, except fields that need another view', async () => {
    const { models } = await new LookmlSource(SHOPIFY).load();
    const shown = models.map((m) => ({ ...m, meta: { ...m.meta, hidden: false, joins: [] } }));
    const explores = compile(shown);
    expect(explores).toHaveLength(14);
    // Looker allows a view's field to name another view (it fails only where that view is not joined);
    // Tessera reports it on the view's own explore.
    expect(explores.filter(isError).map((e) => [e.name, e.errors.map((x) => x.message)])).toEqual([
      ['order_line', [expect.stringContaining('${order.count} references table "order", which is not joined')]],
      ['order', [expect.stringContaining('${customer.created_day} references table "customer", which is not joined')]],
    ]);
  });

  it('keeps the SQL, joins and types of the fields', async () => {
    const order = ok(compile((await new LookmlSource(SHOPIFY).load()).models), 'order');
    const t = order.tables;
    expect(t.order!.sqlTable).toBe('shopify_for_looker.order');
    expect(t.order!.primaryKey).toEqual(['id']);
    expect(t.order!.metrics.total_revenue).toMatchObject({ type: 'sum', compiledSql: 'SUM(("order".total_price))', format: 'usd', round: 2 });
    expect(t.order!.metrics.count).toMatchObject({ type: 'count_distinct', compiledSql: 'COUNT(DISTINCT ("order".id))' });
    expect(t.order!.dimensions.buyer_accepts_marketing).toMatchObject({ type: 'boolean', compiledSql: '"order".buyer_accepts_marketing' });
    expect(t.order!.dimensions.created_month).toMatchObject({ type: 'date', timeInterval: 'MONTH', compiledSql: `DATE_TRUNC('MONTH', "order".created_at)` });
    expect(t.order!.dimensions.created_month_num).toMatchObject({ type: 'number', timeInterval: 'MONTH_NUM' });
    expect(t.order!.dimensions.billing_address_city).toMatchObject({ groupLabel: 'Billing Address' });
    expect(t.order!.dimensions._fivetran_synced_day).toMatchObject({ hidden: true });
    // ${customer.created_date} and ${created_date}: dimension-group timeframes renamed, references resolved
    expect(t.order!.dimensions.customer_age!.compiledSql).toBe(
      `DATE_DIFF((DATE_TRUNC('DAY', "customer".created_at)), (DATE_TRUNC('DAY', "order".created_at)), DAY)`,
    );
    // a measure referring to measures of its own and another view
    expect(t.order_line!.metrics.avg_items_per_order).toMatchObject({ type: 'number', compiledSql: '(COUNT(DISTINCT ("order_line".id)))/(COUNT(DISTINCT ("order".id)))' });
    expect(order.joinedTables.find((j) => j.table === 'customer')).toMatchObject({
      type: 'left',
      relationship: 'many-to-one',
      compiledSqlOn: '("customer".id) = ("order".customer_id)',
    });
    expect(order.joinedTables.map((j) => j.table)).not.toContain('top_15');
  });
});

const PROJECT = {
  'shop.model.lkml': `connection: "warehouse"
include: "/views/*.view"
explore: orders {
  label: "All orders"
  sql_always_where: \${orders.created_date} >= '2020-01-01' AND \${buyer.name} <> 'test' ;;
  join: buyer { from: users sql_on: \${orders.user_id} = \${buyer.id} ;; relationship: many_to_one type: left_outer }
}
explore: big_orders { from: orders sql_always_where: \${big_orders.amount} > 100 ;; }
explore: users_and_orders {
  view_name: users
  join: orders { foreign_key: users.id relationship: one_to_many type: inner }
}
`,
  'views/orders.view.lkml': `view: orders {
  sql_table_name: @{SCHEMA}.orders ;;
  dimension: id { primary_key: yes type: number }
  dimension: user_id { type: number sql: \${TABLE}.user_id ;; }
  dimension: amount { type: number sql: \${TABLE}.amount ;; }
  dimension: is_big { type: yesno sql: \${amount} > 100 ;; }
  dimension_group: created { type: time timeframes: [time, date, month, day_of_week, fiscal_quarter] sql: \${TABLE}.created_at ;; }
  measure: count { type: count }
  measure: big_total { type: sum sql: \${amount} ;; value_format_name: usd_0 filters: [is_big: "yes"] }
  measure: order_days { type: count_distinct sql: \${created_date} ;; }
}`,
  'views/users.view.lkml': `view: users {
  derived_table: { sql: SELECT * FROM \${orders.SQL_TABLE_NAME} ;; }
  dimension: id { primary_key: yes }
  dimension: name {}
}`,
  'manifest.lkml': 'constant: SCHEMA { value: "raw" }',
};

describe('LookML to explores', () => {
  it('resolves ${TABLE}, ${field}, ${view.field}, SQL_TABLE_NAME and @{constants}', async () => {
    const { models, diagnostics } = await new LookmlSource(await tempDir(PROJECT)).load();
    expect(diagnostics).toEqual([
      { severity: 'warning', file: 'views/orders.view.lkml', message: 'view orders → dimension_group created: timeframe "fiscal_quarter" has no Tessera equivalent; left out' },
    ]);
    const explores = compile(models);
    const orders = ok(explores, 'orders');
    expect(orders.label).toBe('All orders');
    expect(orders.tables.orders!.sqlTable).toBe('raw.orders');
    expect(orders.tables.buyer!.sqlTable).toBe('(SELECT * FROM raw.orders)');
    expect(orders.tables.orders!.dimensions.is_big!.compiledSql).toBe('("orders".amount) > 100');
    expect(orders.tables.orders!.dimensions.created_day_of_week_name).toMatchObject({ type: 'string' });
    expect(orders.tables.orders!.metrics.order_days!.compiledSql).toBe(`COUNT(DISTINCT (DATE_TRUNC('DAY', "orders".created_at)))`);
    expect(orders.tables.orders!.metrics.big_total).toMatchObject({
      compiledSql: 'SUM(CASE WHEN ((("orders".amount) > 100) = TRUE) THEN (("orders".amount)) ELSE NULL END)',
      format: 'usd',
      round: 0,
    });
  });

  it('applies sql_always_where and join aliases (from:)', async () => {
    const explores = compile((await new LookmlSource(await tempDir(PROJECT)).load()).models);
    const orders = ok(explores, 'orders');
    expect(orders.tables.orders!.sqlWhere).toBe(`(DATE_TRUNC('DAY', "orders".created_at)) >= '2020-01-01' AND ("buyer".name) <> 'test'`);
    expect(orders.joinedTables).toEqual([expect.objectContaining({ table: 'buyer', compiledSqlOn: '("orders".user_id) = ("buyer".id)', type: 'left' })]);
    expect(orders.tables.buyer!.originalName).toBe('users');
    // explore `from:` another view: its fields go by the explore's name
    const big = ok(explores, 'big_orders');
    expect(big.baseTable).toBe('big_orders');
    expect(big.tables.big_orders!.sqlWhere).toBe('("big_orders".amount) > 100');
    // view_name + foreign_key join
    const usersAndOrders = ok(explores, 'users_and_orders');
    expect(usersAndOrders.baseTable).toBe('users');
    expect(usersAndOrders.joinedTables).toEqual([expect.objectContaining({ table: 'orders', compiledSqlOn: '("users".id) = ("orders".id)', type: 'inner', relationship: 'one-to-many' })]);
    expect(explores.map((e) => e.name).sort()).toEqual(['big_orders', 'orders', 'users_and_orders']);
  });

  it('makes an explore joining a view the project lacks a clear error', async () => {
    const dir = await tempDir({
      ...PROJECT,
      'shop.model.lkml': 'explore: orders { join: ghosts { sql_on: ${ghosts.id} = ${orders.id} ;; relationship: many_to_one } }\nexplore: lost { view_name: nowhere }',
    });
    const { models, diagnostics } = await new LookmlSource(dir).load();
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        { severity: 'error', file: 'shop.model.lkml', message: 'explore orders → join ghosts: view "ghosts" is not defined in the project; the explore cannot compile' },
        { severity: 'error', file: 'shop.model.lkml', message: 'explore lost is left out: its view "nowhere" is not defined in the project' },
      ]),
    );
    const orders = compile(models).find((e) => e.name === 'orders')!;
    expect(isError(orders)).toBe(true);
    expect((orders as ExploreError).errors).toEqual([expect.objectContaining({ message: expect.stringContaining('joins "ghosts", which is not a model of this project') })]);
  });

  it('lists syntax errors and untranslatable measures, and goes on with the other files', async () => {
    const dir = await tempDir({
      'a.view.lkml': 'view: a { dimension: x {',
      'b.view.lkml': `view: b {
  dimension: id { type: number }
  dimension: status {}
  measure: odd { type: count filters: [status: "[1, 5]"] }
  measure: listed { type: list list_field: status }
  measure: fine { type: max sql: \${id} ;; value_format_name: decimal_1 }
  measure: rows { type: count filters: [status: "-closed, -open"] }
  measure: open_rows { type: count filters: [status: "open"] }
}
explore: b {}`,
    });
    const { models, diagnostics } = await new LookmlSource(dir).load();
    expect(diagnostics).toEqual([
      { severity: 'error', file: 'a.view.lkml', message: expect.stringMatching(/^invalid LookML: Parse error@1,/) },
      { severity: 'error', file: 'b.view.lkml', message: expect.stringContaining('view b → measure odd: filter "status: [1, 5]" uses Looker filter syntax') },
      { severity: 'error', file: 'b.view.lkml', message: expect.stringContaining('view b → measure rows: filter "status: -closed, -open"') },
      { severity: 'warning', file: 'b.view.lkml', message: 'view b → measure listed: type "list" is not supported; the measure is left out' },
    ]);
    const b = ok(compile(models), 'b');
    expect(Object.keys(b.tables.b!.metrics)).toEqual(['fine', 'open_rows']);
    // no primary key: `count` counts rows
    expect(b.tables.b!.metrics.open_rows!.compiledSql).toBe(`COUNT(CASE WHEN (("b".status) = 'open') THEN (1) ELSE NULL END)`);
    expect(b.tables.b!.metrics.fine).toMatchObject({ compiledSql: 'MAX(("b".id))', round: 1 });
  });

  it('applies refinements and extends; extension: required views are templates', async () => {
    const dir = await tempDir({
      'base.view.lkml': `view: base {
  extension: required
  dimension: id { primary_key: yes type: number }
  dimension: label { sql: \${TABLE}.name ;; label: "Name" }
  measure: count { type: count }
}`,
      'customers.view.lkml': `view: customers {
  extends: [base]
  sql_table_name: crm.customers ;;
  dimension: label { label: "Customer" }
  dimension: city {}
}
view: +customers { dimension: city { hidden: yes } }
view: +ghost {}
explore: customers {}
explore: +customers { label: "People" }`,
      'loop.view.lkml': 'view: a { extends: [b] dimension: x {} }\nview: b { extends: [a] dimension: y {} }',
    });
    const { models, diagnostics } = await new LookmlSource(dir).load();
    expect(models.map((m) => m.name).sort()).toEqual(['a', 'b', 'customers']);
    expect(diagnostics).toEqual([
      { severity: 'warning', file: 'customers.view.lkml', message: 'refinement of view "ghost", which is not defined; ignored' },
      { severity: 'warning', file: 'loop.view.lkml', message: 'view b extends "a" in a cycle (a → b → a); that parent is ignored' },
    ]);
    const customers = ok(compile(models), 'customers');
    expect(customers.label).toBe('People');
    const t = customers.tables.customers!;
    expect(t.sqlTable).toBe('crm.customers');
    expect(t.primaryKey).toEqual(['id']);
    expect(t.dimensions.label).toMatchObject({ label: 'Customer', compiledSql: '"customers".name' });
    expect(t.dimensions.city).toMatchObject({ hidden: true });
    expect(t.metrics.count).toMatchObject({ compiledSql: 'COUNT(DISTINCT ("customers".id))' });
  });
});
