import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExplores, defaultQuote, isExploreError } from '@tessera/core';
import type { Explore, ExploreError } from '@tessera/core';
import { DbtProjectSource } from './dbt/project-source.js';
import { exploreSpecErrors, specErrors } from './testing/spec-schema.js';

const JAFFLE = path.resolve(import.meta.dirname, '../../../../shared/fixtures/dbt/jaffle-shop');

const load = async () => {
  const loaded = await new DbtProjectSource(JAFFLE, { env: {} }).load();
  const { explores } = compileExplores(loaded.models, { targetDatabase: loaded.targetDatabase ?? 'postgres', quote: defaultQuote('postgres') });
  return { loaded, explores };
};

const find = (explores: (Explore | ExploreError)[], name: string): Explore => {
  const e = explores.find((x) => x.name === name);
  if (!e || isExploreError(e)) throw new Error(`explore ${name}: ${e ? JSON.stringify((e as ExploreError).errors) : 'missing'}`);
  return e;
};

describe('jaffle-shop, read as a dbt project directory', () => {
  it('every model with YAML becomes an explore or an explore error naming its cause (hidden ones are join targets)', async () => {
    const { loaded, explores } = await load();
    expect(loaded.models).toHaveLength(50);
    expect(loaded.targetDatabase).toBe('postgres');
    const names = new Set(explores.map((e) => e.name));
    const joined = new Set(explores.flatMap((e) => (isExploreError(e) ? [] : Object.values(e.tables).map((t) => t.originalName ?? t.name))));
    for (const m of loaded.models) {
      if (m.meta.hidden === true) expect(joined.has(m.name), `${m.name} is hidden and joined`).toBe(true);
      else expect(names.has(m.name), `${m.name} has an explore`).toBe(true);
    }
    for (const e of explores.filter(isExploreError)) {
      expect(e.errors.length).toBeGreaterThan(0);
      for (const err of e.errors) expect(err.message).toMatch(/^models\/.+\.yml: explore /);
    }
  });

  it('golden: the events metric with_filters carries exactly its three filter rules', async () => {
    const { explores } = await load();
    const metric = find(explores, 'events').tables.events!.metrics.with_filters!;
    expect(metric.filters!.map(({ target, operator, values }) => ({ target, operator, values }))).toEqual([
      { target: { fieldRef: 'event_id' }, operator: 'notNull', values: [] },
      { target: { fieldRef: 'event_id' }, operator: 'greaterThan', values: [5] },
      { target: { fieldRef: 'event' }, operator: 'equals', values: ['song_played'] },
    ]);
    expect(metric.compiledSql).toBe(
      `SUM(CASE WHEN (("events".event_id) IS NOT NULL AND ("events".event_id) > 5 AND ("events".event) = 'song_played') THEN ("events".event_id) ELSE NULL END)`,
    );
  });

  it('golden: orders joins customers and has its extra explore orders_with_custom_dims', async () => {
    const { explores } = await load();
    const orders = find(explores, 'orders');
    expect(orders.joinedTables).toEqual([
      expect.objectContaining({
        table: 'customers',
        compiledSqlOn: '("customers".customer_id) = ("orders".customer_id)',
        relationship: 'many-to-one',
        type: 'left',
      }),
    ]);
    expect(orders.tables.customers).toMatchObject({ label: 'Order Customer', description: 'The customer who placed this order (many orders can belong to one customer)' });
    const custom = find(explores, 'orders_with_custom_dims');
    expect(custom).toMatchObject({ label: 'Orders with Custom Dimensions', baseTable: 'orders' });
    expect(custom.joinedTables.map((j) => j.table)).toEqual(['customers']);
    expect(custom.tables.orders!.dimensions.full_name!.compiledSql).toBe(`CONCAT(("customers".first_name), ' ', ("customers".last_name))`);
    expect(Object.keys(custom.tables.orders!.dimensions).filter((d) => d.startsWith('order_month'))).toEqual(['order_month', 'order_month_month']);
  });

  it('config from dbt_project.yml, docs blocks and the profile schema are applied', async () => {
    const { loaded, explores } = await load();
    const byName = new Map(loaded.models.map((m) => [m.name, m]));
    expect(byName.get('orders')!.relation).toEqual({ kind: 'table', identifier: 'orders', schema: 'jaffle' });
    expect(byName.get('orders')!.description).toContain('Orders can be one of the following statuses');
    expect(byName.get('fanouts_accounts')!.meta.group_label).toBe('fanouts');
    expect(find(explores, 'fanouts_accounts').groupLabel).toBe('fanouts');
    expect(byName.get('stg_orders')!.dependsOn).toEqual([{ type: 'seed', name: 'raw_orders' }]);
  });

  it('every compiled explore validates against the API contract (Explore, fields in depth)', async () => {
    const { explores } = await load();
    for (const e of explores) {
      const errors = isExploreError(e) ? specErrors('Pick_ExploreError.SummaryExploreErrorFields_', e) : exploreSpecErrors(e);
      expect(errors, e.name).toEqual([]);
    }
  });

  it('the contract check is not vacuous', async () => {
    const { explores } = await load();
    const broken = structuredClone(find(explores, 'orders'));
    broken.tables.orders!.metrics.total_order_amount!.type = 'running_total' as never;
    expect(exploreSpecErrors(broken)).toEqual([expect.stringContaining('orders.metrics.total_order_amount/type must be equal to one of the allowed values')]);
  });
});
