import type { MetricQuery } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { applyDashboardFilters, isSet, type DashboardFilterRule, type DashboardFilters } from './dashboard-filters.js';

const fields = {
  dimensions: new Set(['orders_status', 'orders_region', 'customers_region', 'orders_order_date_month']),
  metrics: new Set(['orders_order_count', 'orders_total_revenue']),
};

const chart = (filters: MetricQuery['filters'] = {}, over: Partial<MetricQuery> = {}): MetricQuery => ({
  exploreName: 'orders',
  dimensions: ['orders_status'],
  metrics: ['orders_order_count'],
  filters,
  sorts: [],
  limit: 500,
  tableCalculations: [],
  ...over,
});

const rule = (fieldId: string, values: unknown[], over: Partial<DashboardFilterRule> = {}): DashboardFilterRule => ({
  id: `r-${fieldId}`,
  target: { fieldId, tableName: fieldId.split('_')[0]! },
  operator: 'equals',
  values,
  ...over,
});

const dashboard = (over: Partial<DashboardFilters>): DashboardFilters => ({ dimensions: [], metrics: [], tableCalculations: [], ...over });

describe('applyDashboardFilters', () => {
  it('adds a dashboard rule on a field of the tile’s explore, as a plain FilterRule', () => {
    const { metricQuery, applied } = applyDashboardFilters(chart(), dashboard({ dimensions: [rule('orders_status', ['completed'], { label: 'Status' })] }), { fields });
    expect(metricQuery.filters.dimensions).toEqual({
      id: 'dashboard-dimensions',
      and: [{ id: 'r-orders_status', target: { fieldId: 'orders_status' }, operator: 'equals', values: ['completed'] }],
    });
    expect(applied.dimensions).toHaveLength(1);
  });

  it('ANDs dashboard rules to the chart’s AND group, keeping the chart’s other rules', () => {
    const own = { id: 'own', target: { fieldId: 'orders_region' }, operator: 'equals' as const, values: ['EU'] };
    const { metricQuery } = applyDashboardFilters(chart({ dimensions: { id: 'g', and: [own] } }), dashboard({ dimensions: [rule('orders_status', ['completed'])] }), { fields });
    expect(metricQuery.filters.dimensions).toEqual({ id: 'g', and: [own, expect.objectContaining({ id: 'r-orders_status' })] });
  });

  it('replaces the chart’s own rule on the same field, wherever it sits in the tree', () => {
    const ownStatus = { id: 'own-status', target: { fieldId: 'orders_status' }, operator: 'equals' as const, values: ['returned'] };
    const ownRegion = { id: 'own-region', target: { fieldId: 'orders_region' }, operator: 'equals' as const, values: ['EU'] };
    const filters = { dimensions: { id: 'g', or: [{ id: 'inner', and: [ownStatus] }, ownRegion] } };
    const { metricQuery } = applyDashboardFilters(chart(filters), dashboard({ dimensions: [rule('orders_status', ['completed'])] }), { fields });
    expect(metricQuery.filters.dimensions).toEqual({
      id: 'dashboard-dimensions',
      and: [{ id: 'g', or: [ownRegion] }, expect.objectContaining({ id: 'r-orders_status', values: ['completed'] })],
    });
    expect(JSON.stringify(metricQuery)).not.toContain('returned');
  });

  it('does not mutate the chart’s query', () => {
    const original = chart({ dimensions: { id: 'g', and: [{ id: 'own', target: { fieldId: 'orders_status' }, operator: 'equals', values: ['x'] }] } });
    const copy = structuredClone(original);
    applyDashboardFilters(original, dashboard({ dimensions: [rule('orders_status', ['completed'])] }), { fields });
    expect(original).toEqual(copy);
  });

  it('skips a tile whose tileTargets entry is false', () => {
    const filters = dashboard({ dimensions: [rule('orders_status', ['completed'], { tileTargets: { 'tile-1': false } })] });
    expect(applyDashboardFilters(chart(), filters, { tileUuid: 'tile-1', fields }).metricQuery.filters).toEqual({});
    expect(applyDashboardFilters(chart(), filters, { tileUuid: 'tile-2', fields }).metricQuery.filters.dimensions).toBeDefined();
  });

  it('maps the rule to another field for a tile with an explicit target', () => {
    const filters = dashboard({
      dimensions: [rule('orders_region', ['EU'], { tileTargets: { 'tile-1': { fieldId: 'customers_region', tableName: 'customers' } } })],
    });
    const { metricQuery, applied } = applyDashboardFilters(chart(), filters, { tileUuid: 'tile-1', fields });
    expect(metricQuery.filters.dimensions).toEqual({
      id: 'dashboard-dimensions',
      and: [{ id: 'r-orders_region', target: { fieldId: 'customers_region' }, operator: 'equals', values: ['EU'] }],
    });
    expect(applied.dimensions[0]!.target).toEqual({ fieldId: 'customers_region', tableName: 'customers' });
  });

  it('leaves out rules on fields the tile’s explore does not have (no tileTargets entry)', () => {
    const filters = dashboard({ dimensions: [rule('products_category', ['toys'])], metrics: [rule('payments_total', [1], { operator: 'greaterThan' })] });
    const { metricQuery, applied } = applyDashboardFilters(chart(), filters, { fields });
    expect(metricQuery.filters).toEqual({});
    expect(applied).toEqual(dashboard({}));
  });

  it('leaves out an explicit target the explore does not have', () => {
    const filters = dashboard({ dimensions: [rule('orders_status', ['x'], { tileTargets: { t: { fieldId: 'gone_field', tableName: 'gone' } } })] });
    expect(applyDashboardFilters(chart(), filters, { tileUuid: 't', fields }).metricQuery.filters).toEqual({});
  });

  it('applies metric rules to metrics and to the chart’s custom metrics, table calculation rules to its calculations', () => {
    const query = chart({}, {
      additionalMetrics: [{ table: 'orders', name: 'avg_items', type: 'average', sql: '${TABLE}.items' }],
      tableCalculations: [{ name: 'share', displayName: 'Share', sql: '1' }],
    });
    const filters = dashboard({
      metrics: [rule('orders_total_revenue', [100], { operator: 'greaterThan' }), rule('orders_avg_items', [2], { operator: 'greaterThan' })],
      tableCalculations: [rule('share', [0.5], { operator: 'lessThan' })],
    });
    const { metricQuery } = applyDashboardFilters(query, filters, { fields });
    const ids = (g: unknown) => (g as { and: { target: { fieldId: string } }[] }).and.map((r) => r.target.fieldId);
    expect(ids(metricQuery.filters.metrics)).toEqual(['orders_total_revenue', 'orders_avg_items']);
    expect(ids(metricQuery.filters.tableCalculations)).toEqual(['share']);
  });

  it('applies dimension rules to the chart’s custom dimensions', () => {
    const query = chart({}, { customDimensions: [{ id: 'status_bin', name: 'Bin', table: 'orders', type: 'sql', sql: '1', dimensionType: 'string' }] });
    const { metricQuery } = applyDashboardFilters(query, dashboard({ dimensions: [rule('status_bin', ['a'])] }), { fields });
    expect(metricQuery.filters.dimensions).toBeDefined();
  });

  it('a disabled placeholder or a rule without values changes nothing, and keeps the chart’s own rule', () => {
    const own = { id: 'own', target: { fieldId: 'orders_status' }, operator: 'equals' as const, values: ['returned'] };
    const filters = dashboard({ dimensions: [rule('orders_status', ['completed'], { disabled: true }), rule('orders_status', [])] });
    const { metricQuery, applied, missingRequired } = applyDashboardFilters(chart({ dimensions: { id: 'g', and: [own] } }), filters, { fields });
    expect(metricQuery.filters.dimensions).toEqual({ id: 'g', and: [own] });
    expect(applied.dimensions).toEqual([]);
    expect(missingRequired).toEqual([]);
  });

  it('reports required rules without a value that concern the tile', () => {
    const unset = rule('orders_status', [], { required: true, disabled: true });
    const elsewhere = rule('products_category', [], { required: true });
    const { missingRequired } = applyDashboardFilters(chart(), dashboard({ dimensions: [unset, elsewhere] }), { fields });
    expect(missingRequired).toEqual([unset]);
  });

  it('operators without values (isNull, inTheCurrent…) count as set', () => {
    expect(isSet(rule('orders_status', [], { operator: 'isNull' }))).toBe(true);
    expect(isSet(rule('orders_order_date_month', [], { operator: 'inTheCurrent', settings: { unitOfTime: 'months' } }))).toBe(true);
    expect(isSet(rule('orders_status', [], { operator: 'equals' }))).toBe(false);
    expect(isSet(rule('orders_status', ['a'], { disabled: true }))).toBe(false);
  });

  it('keeps settings and caseSensitive, and drops the dashboard-only keys', () => {
    const r = rule('orders_order_date_month', [3], {
      operator: 'inThePast',
      settings: { unitOfTime: 'months', completed: true },
      caseSensitive: false,
      label: 'Date',
      required: true,
      tileTargets: {},
    });
    const { metricQuery } = applyDashboardFilters(chart(), dashboard({ dimensions: [r] }), { fields });
    expect((metricQuery.filters.dimensions as { and: unknown[] }).and[0]).toEqual({
      id: r.id,
      target: { fieldId: 'orders_order_date_month' },
      operator: 'inThePast',
      values: [3],
      settings: { unitOfTime: 'months', completed: true },
      caseSensitive: false,
    });
  });
});
