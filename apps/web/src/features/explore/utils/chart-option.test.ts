import { describe, expect, it } from 'vitest';
import type { QueryResults } from '../../../api/types.js';
import { dimension, metric } from '../../../testing/explore-fixture.js';
import { chartOption } from './chart-option.js';

const results = (dimensions: string[], metrics: string[], rows: QueryResults['rows']): QueryResults => ({
  metricQuery: { exploreName: 'orders', dimensions, metrics, filters: {}, sorts: [], limit: 500, tableCalculations: [] },
  cacheMetadata: { cacheHit: false },
  fields: {
    orders_status: dimension('orders', 'status', 'string', { label: 'Status' }),
    orders_region: dimension('orders', 'region', 'string', { label: 'Region' }),
    orders_count: metric('orders', 'count', 'count', { label: 'Orders' }),
    orders_revenue: metric('orders', 'revenue', 'sum', { label: 'Revenue' }),
  },
  rows,
});

const cell = (raw: unknown, formatted: string) => ({ value: { raw, formatted } });

describe('chart option', () => {
  it('draws one series per metric along the first dimension, raw numbers as values', () => {
    const spec = chartOption(
      results(['orders_status'], ['orders_count', 'orders_revenue'], [
        { orders_status: cell('shipped', 'shipped'), orders_count: cell(3, '3'), orders_revenue: cell('1234.50', '$1,234.50') },
        { orders_status: cell(null, '∅'), orders_count: cell(1, '1'), orders_revenue: cell(null, '∅') },
      ]),
      'line',
    );
    expect(spec.ok).toBe(true);
    if (!spec.ok) return;
    expect(spec.option.xAxis.data).toEqual(['shipped', '∅']);
    expect(spec.option.series).toEqual([
      { type: 'line', name: 'Orders', data: [3, 1], showSymbol: true },
      { type: 'line', name: 'Revenue', data: [1234.5, null], showSymbol: true },
    ]);
    expect(spec.note).toBeUndefined();
  });

  it('says why it cannot draw, and that further dimensions are not split yet', () => {
    expect(chartOption(results(['orders_status'], [], []), 'bar')).toEqual({ ok: false, reason: 'Add a metric to draw a chart.' });
    expect(chartOption(results([], ['orders_count'], []), 'bar')).toMatchObject({ ok: false, reason: expect.stringMatching(/dimension/) });
    expect(chartOption(results(['orders_status'], ['orders_count'], []), 'bar')).toMatchObject({ ok: false, reason: 'No rows to draw.' });
    const two = chartOption(results(['orders_status', 'orders_region'], ['orders_count'], [{ orders_status: cell('a', 'a'), orders_region: cell('b', 'b'), orders_count: cell(1, '1') }]), 'bar');
    expect(two).toMatchObject({ ok: true, note: expect.stringMatching(/Status only/) });
  });
});
