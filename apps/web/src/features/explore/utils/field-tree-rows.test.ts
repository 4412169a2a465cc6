import { describe, expect, it } from 'vitest';
import { ordersExplore, wideExplore } from '../../../testing/explore-fixture.js';
import { buildFieldIndex } from './field-index.js';
import { treeRows, type TreeRow } from './field-tree-rows.js';

const lines = (rows: TreeRow[]): string[] =>
  rows.map((r) => `${'  '.repeat(r.depth)}${r.kind === 'field' ? r.field.label : `[${r.label}]`}${r.kind !== 'field' || r.expandable ? (r.expanded ? ' -' : ' +') : ''}`);

describe('field tree', () => {
  const index = buildFieldIndex(ordersExplore());

  it('groups fields by table, section and group label; intervals under their base dimension; hidden fields left out', () => {
    expect(lines(treeRows(index, { query: '', toggled: new Set() }))).toEqual([
      '[Orders] -',
      '  [Dimensions] -',
      '    [Geography] -',
      '      Country code',
      '      Region',
      '    [Money (USD)] -',
      '      Total',
      '    Order date +',
      '    Status',
      '  [Metrics] -',
      '    [Money (USD)] -',
      '      Revenue',
      '    Last ordered at',
      '    Orders',
      '[Customers] +',
    ]);
    expect(index.fields.has('orders_fx_rate')).toBe(false);
    expect(index.fields.get('orders_order_date_month')).toMatchObject({ baseDimensionId: 'orders_order_date', timeInterval: 'MONTH', filterType: 'date' });
    expect(index.fields.get('orders_total_revenue')?.filterType).toBe('number');
    expect(index.fields.get('orders_last_ordered_at')?.filterType).toBe('timestamp');
  });

  it("opens and closes nodes the user toggles; intervals in the order of core's TIME_FRAMES", () => {
    const rows = treeRows(index, { query: '', toggled: new Set(['f:orders_order_date', 't:customers', 'orders:d/geography']) });
    expect(lines(rows)).toEqual([
      '[Orders] -',
      '  [Dimensions] -',
      '    [Geography] +',
      '    [Money (USD)] -',
      '      Total',
      '    Order date -',
      '      order_date year',
      '      order_date month',
      '      order_date day',
      '    Status',
      '  [Metrics] -',
      '    [Money (USD)] -',
      '      Revenue',
      '    Last ordered at',
      '    Orders',
      '[Customers] -',
      '  [Dimensions] -',
      '    Customer name',
      '  [Metrics] -',
      '    Customers',
    ]);
  });

  it('search shows only matches with their ancestors open, whatever the toggles, matching label, name or description', () => {
    const closed = new Set(['t:orders', 'orders:d/geography']);
    expect(lines(treeRows(index, { query: 'REG', toggled: closed }))).toEqual(['[Orders] -', '  [Dimensions] -', '    [Geography] -', '      Region']);
    // A match in a joined (closed) table, and one in a description.
    expect(lines(treeRows(index, { query: 'customer', toggled: closed }))).toEqual(['[Customers] -', '  [Dimensions] -', '    Customer name', '  [Metrics] -', '    Customers']);
    expect(lines(treeRows(index, { query: 'shipped', toggled: closed }))).toEqual(['[Orders] -', '  [Dimensions] -', '    Status']);
    // Every term must match.
    expect(lines(treeRows(index, { query: 'country code', toggled: closed }))).toEqual(['[Orders] -', '  [Dimensions] -', '    [Geography] -', '      Country code']);
    expect(treeRows(index, { query: 'nothing like this', toggled: closed })).toEqual([]);
  });

  it('search opens a time dimension to show the intervals that match', () => {
    expect(lines(treeRows(index, { query: 'month', toggled: new Set() }))).toEqual(['[Orders] -', '  [Dimensions] -', '    Order date -', '      order_date month']);
    // Opened by the user, it shows all its intervals while searching.
    expect(lines(treeRows(index, { query: 'month', toggled: new Set(['f:orders_order_date']) }))).toEqual([
      '[Orders] -',
      '  [Dimensions] -',
      '    Order date -',
      '      order_date year',
      '      order_date month',
      '      order_date day',
    ]);
  });

  it('searches 2,000 fields: every match found, in one linear pass', () => {
    const wide = buildFieldIndex(wideExplore(2000));
    expect(wide.fields.size).toBe(2000);
    const rows = treeRows(wide, { query: 'field 7-1', toggled: new Set() });
    const found = rows.filter((r) => r.kind === 'field').map((r) => (r.kind === 'field' ? r.field.id : ''));
    const expected = [...wide.fields.values()].filter((f) => f.label.toLowerCase().includes('field 7-1')).map((f) => f.id);
    expect(found.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(50);
    // Without a search only the base table is open: the other nine are one row each.
    const all = treeRows(wide, { query: '', toggled: new Set() });
    expect(all.filter((r) => r.kind === 'table').map((r) => r.expanded)).toEqual([true, ...Array(9).fill(false)]);
  });
});
