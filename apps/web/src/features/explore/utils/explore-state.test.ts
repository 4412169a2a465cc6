import { describe, expect, it } from 'vitest';
import { exploreReducer, initialExploreState, MAX_LIMIT, toMetricQuery, type ExploreAction } from './explore-state.js';
import { addItem } from './filter-tree.js';

const apply = (...actions: ExploreAction[]) => actions.reduce(exploreReducer, initialExploreState());

describe('explore state', () => {
  it('becomes the runQuery body: fields in the order chosen, empty filter groups left out', () => {
    const state = apply(
      { type: 'toggleField', fieldId: 'orders_status', kind: 'dimension' },
      { type: 'toggleField', fieldId: 'orders_order_count', kind: 'metric' },
      { type: 'toggleField', fieldId: 'orders_region', kind: 'dimension' },
      { type: 'setLimit', limit: 50 },
    );
    expect(toMetricQuery('orders', state)).toEqual({
      exploreName: 'orders',
      dimensions: ['orders_status', 'orders_region'],
      metrics: ['orders_order_count'],
      filters: {},
      sorts: [],
      limit: 50,
      tableCalculations: [],
    });
    const filtered = exploreReducer(state, {
      type: 'setFilters',
      kind: 'dimensions',
      group: addItem(state.filters.dimensions, state.filters.dimensions.id, { id: 'r1', target: { fieldId: 'orders_region' }, operator: 'equals', values: ['EMEA'] }),
    });
    expect(toMetricQuery('orders', filtered).filters).toEqual({
      dimensions: { id: 'dimension-filters', and: [{ id: 'r1', target: { fieldId: 'orders_region' }, operator: 'equals', values: ['EMEA'] }] },
    });
  });

  it('cycles a column sort ascending → descending → off; shift-click adds to the other sorts', () => {
    const base = apply({ type: 'toggleField', fieldId: 'a', kind: 'dimension' }, { type: 'toggleField', fieldId: 'b', kind: 'metric' });
    const asc = exploreReducer(base, { type: 'cycleSort', fieldId: 'a', add: false });
    expect(asc.sorts).toEqual([{ fieldId: 'a', descending: false }]);
    const desc = exploreReducer(asc, { type: 'cycleSort', fieldId: 'a', add: false });
    expect(desc.sorts).toEqual([{ fieldId: 'a', descending: true }]);
    expect(exploreReducer(desc, { type: 'cycleSort', fieldId: 'a', add: false }).sorts).toEqual([]);
    const both = exploreReducer(desc, { type: 'cycleSort', fieldId: 'b', add: true });
    expect(both.sorts).toEqual([{ fieldId: 'a', descending: true }, { fieldId: 'b', descending: false }]);
    expect(exploreReducer(both, { type: 'cycleSort', fieldId: 'b', add: false }).sorts).toEqual([{ fieldId: 'b', descending: true }]);
  });

  it('drops the sort of a field that is deselected, and keeps the limit within 1…5000', () => {
    const sorted = apply({ type: 'toggleField', fieldId: 'a', kind: 'dimension' }, { type: 'cycleSort', fieldId: 'a', add: false });
    expect(exploreReducer(sorted, { type: 'toggleField', fieldId: 'a', kind: 'dimension' }).sorts).toEqual([]);
    expect(apply({ type: 'setLimit', limit: 1e9 }).limit).toBe(MAX_LIMIT);
    expect(apply({ type: 'setLimit', limit: 0 }).limit).toBe(1);
    expect(apply({ type: 'setLimit', limit: Number.NaN }).limit).toBe(1);
  });

  it('adds custom dimensions and metrics selected, drops them (and their sorts) when removed, and sends them with the query', () => {
    const bin = { id: 'amount_bins', name: 'Amount bins', table: 'orders', type: 'bin' as const, dimensionId: 'orders_amount', binType: 'fixed_width' as const, binWidth: 50 };
    const sum = { table: 'orders', name: 'amount_sum', label: 'Sum of amount', type: 'sum' as const, sql: '${TABLE}.amount', baseDimensionName: 'amount' };
    const state = apply(
      { type: 'addCustomDimension', dimension: bin },
      { type: 'addAdditionalMetric', metric: sum },
      { type: 'addTableCalculation', calculation: { name: 'twice', displayName: 'Twice', sql: '${orders.amount_sum} * 2' } },
      { type: 'cycleSort', fieldId: 'twice', add: false },
      { type: 'cycleSort', fieldId: 'orders_amount_sum', add: true },
    );
    expect(toMetricQuery('orders', state)).toMatchObject({
      dimensions: ['amount_bins'],
      metrics: ['orders_amount_sum'],
      customDimensions: [bin],
      additionalMetrics: [sum],
      tableCalculations: [{ name: 'twice' }],
      sorts: [{ fieldId: 'twice', descending: false }, { fieldId: 'orders_amount_sum', descending: false }],
    });
    const replaced = exploreReducer(state, { type: 'addTableCalculation', calculation: { name: 'twice', displayName: 'Twice', sql: '2' } });
    expect(replaced.tableCalculations).toEqual([{ name: 'twice', displayName: 'Twice', sql: '2' }]);
    const removed = [
      { type: 'removeTableCalculation', name: 'twice' },
      { type: 'removeAdditionalMetric', fieldId: 'orders_amount_sum' },
      { type: 'removeCustomDimension', id: 'amount_bins' },
    ].reduce((s, a) => exploreReducer(s, a as ExploreAction), state);
    expect(toMetricQuery('orders', removed)).toEqual({ exploreName: 'orders', dimensions: [], metrics: [], filters: {}, sorts: [], limit: 500, tableCalculations: [] });
  });

  it('keeps the group-by only while its dimension is selected', () => {
    const state = apply(
      { type: 'toggleField', fieldId: 'a', kind: 'dimension' },
      { type: 'toggleField', fieldId: 'b', kind: 'dimension' },
      { type: 'setChart', chart: { type: 'cartesian' }, pivotColumns: ['b'] },
    );
    expect(state.pivotColumns).toEqual(['b']);
    expect(exploreReducer(state, { type: 'toggleField', fieldId: 'b', kind: 'dimension' }).pivotColumns).toEqual([]);
  });
});
