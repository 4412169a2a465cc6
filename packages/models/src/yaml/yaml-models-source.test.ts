import { describe, expect, it } from 'vitest';
import { compileExplores, defaultQuote, isExploreError } from '@tessera/core';
import { useTempDirs } from '../testing/temp-dir.js';
import { YamlModelsSource } from './yaml-models-source.js';

const tempDir = useTempDirs();

describe('standalone model YAML source', () => {
  it('reads type: model files (top-level keys, dimensions list, metrics map) and they compile', async () => {
    const dir = await tempDir({
      'lightdash.config.yml': 'warehouse:\n  type: snowflake\n',
      'models/orders.yml': `type: model
name: orders
sql_from: 'ANALYTICS.MARTS.ORDERS'
label: Orders
primary_key: order_id
metrics:
  revenue_per_order:
    type: number
    sql: \${revenue} / NULLIF(\${order_count}, 0)
dimensions:
  - name: order_id
    type: number
    sql: \${TABLE}.ORDER_ID
    metrics:
      order_count:
        type: count_distinct
  - name: amount
    type: number
    sql: \${TABLE}.AMOUNT
    description: Order amount
    metrics:
      revenue:
        type: sum
---
type: chart
name: not a model
`,
      'models/readme.yml': 'just: yaml\n',
    });
    const loaded = await new YamlModelsSource(dir).load();
    expect(loaded.targetDatabase).toBe('snowflake');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.models).toEqual([
      {
        name: 'orders',
        path: 'models/orders.yml',
        relation: { kind: 'sql', sql: 'ANALYTICS.MARTS.ORDERS' },
        tags: [],
        meta: {
          label: 'Orders',
          primary_key: 'order_id',
          metrics: { revenue_per_order: { type: 'number', sql: '${revenue} / NULLIF(${order_count}, 0)' } },
        },
        columns: [
          { name: 'order_id', meta: { dimension: { type: 'number', sql: '${TABLE}.ORDER_ID' }, metrics: { order_count: { type: 'count_distinct' } } } },
          {
            name: 'amount',
            description: 'Order amount',
            meta: { dimension: { type: 'number', sql: '${TABLE}.AMOUNT' }, metrics: { revenue: { type: 'sum' } } },
          },
        ],
      },
    ]);
    const { explores } = compileExplores(loaded.models, { targetDatabase: 'snowflake', quote: defaultQuote('snowflake') });
    const orders = explores[0]!;
    if (isExploreError(orders)) throw new Error(JSON.stringify(orders.errors));
    expect(orders.tables.orders).toMatchObject({ sqlTable: 'ANALYTICS.MARTS.ORDERS', database: 'ANALYTICS', schema: 'MARTS' });
    expect(orders.tables.orders!.metrics.revenue_per_order!.compiledSql).toBe('(SUM("orders".AMOUNT)) / NULLIF((COUNT(DISTINCT "orders".ORDER_ID)), 0)');
  });

  it('reports a model without a name and invalid YAML', async () => {
    const dir = await tempDir({ 'a.yml': 'type: model\nsql_from: x\n', 'b.yml': 'type: model\nname: [\n' });
    const loaded = await new YamlModelsSource(dir).load();
    expect(loaded.models).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.file, d.severity])).toEqual([
      ['a.yml', 'error'],
      ['b.yml', 'error'],
    ]);
  });
});
