import path from 'node:path';
import { compileExplores, defaultQuote } from '@tessera/core';
import type { Explore } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir.js';
import { loadLookmlDashboards } from './dashboards.js';
import { findLookmlField } from './field-ids.js';
import { LookmlSource } from './lookml-source.js';

const SHOPIFY = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/lookml/block-shopify');
const tempDir = useTempDirs();

describe('loadLookmlDashboards on block-shopify', () => {
  it('reads the three dashboards with ids <model>::<name>', async () => {
    const { dashboards, diagnostics } = await loadLookmlDashboards(SHOPIFY);
    expect(diagnostics).toEqual([]);
    expect(dashboards.map((d) => [d.id, d.title, d.layout, d.elements.length])).toEqual([
      ['block_shopify_v2::shopify_customer', 'Customer Analysis', 'newspaper', 10],
      ['block_shopify_v2::shopify_overview', 'Store Overview', 'newspaper', 10],
      ['block_shopify_v2::shopify_product', 'Product Trends', 'newspaper', 7],
    ]);
    for (const d of dashboards) {
      expect(d).toMatchObject({ model: 'block_shopify_v2', filters: [] });
      expect(d.raw).toMatchObject({ dashboard: d.name, preferred_viewer: 'dashboards-next' });
    }
  });

  it('maps every element to its query and position', async () => {
    const { dashboards } = await loadLookmlDashboards(SHOPIFY);
    const overview = dashboards.find((d) => d.name === 'shopify_overview')!;
    expect(overview.elements[0]).toEqual({
      name: 'Total Orders This Month',
      title: 'Total Orders This Month',
      type: 'single_value',
      model: 'block_shopify_v2',
      explore: 'order',
      fields: ['order.created_month', 'order.count'],
      filters: { 'order.created_month': '12 months', 'location.name': '', 'customer.new_vs_repeat': 'new' },
      sorts: ['order.created_month desc'],
      limit: 500,
      pivots: [],
      listen: {},
      row: 6,
      col: 0,
      width: 6,
      height: 4,
      raw: expect.objectContaining({ column_limit: 50, dynamic_fields: expect.any(Array) }),
    });
    const customer = dashboards.find((d) => d.name === 'shopify_customer')!;
    expect(customer.elements[0]).toMatchObject({ pivots: ['customer.new_vs_repeat'], sorts: ['order.created_month desc', 'customer.new_vs_repeat'] });
    const text = customer.elements.find((e) => e.type === 'text')!;
    expect(text).toMatchObject({ name: '', row: 0, col: 0, width: 24, height: 2, body_text: expect.stringContaining('Shopify Customers') });
    expect(text.explore).toBeUndefined();
    for (const d of dashboards) {
      for (const e of d.elements) {
        expect(e.type).not.toBe('');
        if (e.type === 'text') continue;
        expect(e).toMatchObject({ model: 'block_shopify_v2', explore: 'order', limit: expect.any(Number) });
        expect(e.fields.length).toBeGreaterThan(0);
        for (const key of ['row', 'col', 'width', 'height'] as const) expect(e[key]).toEqual(expect.any(Number));
      }
    }
  });

  it('finds each element field in the compiled explore, except those of views Tessera cannot convert', async () => {
    const { models } = await new LookmlSource(SHOPIFY).load();
    const order = compileExplores(models, { targetDatabase: 'postgres', quote: defaultQuote('postgres') }).explores[0] as Explore;
    const { dashboards } = await loadLookmlDashboards(SHOPIFY);
    const missing = new Set<string>();
    for (const e of dashboards.flatMap((d) => d.elements)) {
      for (const ref of [...e.fields, ...e.pivots, ...Object.keys(e.filters), ...e.sorts.map((s) => s.split(' ')[0]!)]) {
        if (!findLookmlField(order, ref)) missing.add(ref);
      }
    }
    // a `type: location` dimension and the native derived table top_15
    expect([...missing].sort()).toEqual(['order.shipping_location', 'top_15.product_tag']);
  });
});

describe('loadLookmlDashboards', () => {
  it('reads filters and text tiles, and lists bad files without stopping', async () => {
    const dir = await tempDir({
      'a.model.lkml': 'include: "*.dashboard"\n',
      'b.model.lkml': 'include: "/other/**/*.dashboard.lookml"\n',
      'sales.dashboard.lookml': `- dashboard: sales
  title: Sales
  description: Money
  layout: static
  filters:
  - name: Date
    title: Order date
    type: date_filter
    default_value: 7 days
    allow_multiple_values: true
    required: false
  - name: Status
    type: field_filter
    default_value: "no"
    model: a
    explore: orders
    field: orders.status
    listens_to_filters: [Date]
    ui_config: {type: dropdown_menu}
  elements:
  - name: notes
    type: text
    title_text: Notes
    note_text: read me
  - name: q
    type: table
    model: a
    explore: orders
    fields: [orders.status]
    listen: {Date: orders.created_date, Status: orders.status}
`,
      'other/deep/x.dashboard.lookml': '- dashboard: x\n  title: X\n  elements: []\n- title: nameless\n',
      'broken.dashboard.lookml': '- dashboard: [\n',
    });
    const { dashboards, diagnostics } = await loadLookmlDashboards(dir);
    expect(dashboards.map((d) => d.id)).toEqual(['b::x', 'a::sales']);
    expect(diagnostics).toEqual([
      { severity: 'error', file: 'broken.dashboard.lookml', message: expect.stringContaining('invalid YAML') },
      { severity: 'error', file: 'other/deep/x.dashboard.lookml', message: 'a LookML dashboard needs "dashboard: <name>"; skipped' },
    ]);
    const sales = dashboards[1]!;
    expect(sales).toMatchObject({ description: 'Money', layout: 'static' });
    expect(sales.filters).toEqual([
      { name: 'Date', title: 'Order date', type: 'date_filter', default_value: '7 days', allow_multiple_values: true, required: false, listens_to_filters: [] },
      { name: 'Status', title: 'Status', type: 'field_filter', default_value: 'no', model: 'a', explore: 'orders', field: 'orders.status', listens_to_filters: ['Date'], ui_config: { type: 'dropdown_menu' } },
    ]);
    expect(sales.elements[0]).toMatchObject({ name: 'notes', title: 'Notes', type: 'text', title_text: 'Notes', note_text: 'read me', fields: [] });
    expect(sales.elements[1]).toMatchObject({ listen: { Date: 'orders.created_date', Status: 'orders.status' } });
    expect(sales.elements[1]!.row).toBeUndefined();
  });
});
