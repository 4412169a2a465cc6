import { describe, expect, it } from 'vitest';
import type { QueryResults } from '../../../api/types.js';
import { dimension, metric } from '../../../testing/explore-fixture.js';
import { cartesianConfig, resolveChart, withKind } from './chart-config.js';
import { bigNumber, echartsOption } from './echarts-option.js';

const cell = (raw: unknown, formatted: string) => ({ value: { raw, formatted } });

const results = (dimensions: string[], metrics: string[], rows: QueryResults['rows'], calculations: string[] = []): QueryResults => ({
  metricQuery: {
    exploreName: 'orders',
    dimensions,
    metrics,
    filters: {},
    sorts: [],
    limit: 500,
    tableCalculations: calculations.map((name) => ({ name, displayName: `Calc ${name}`, sql: '1' })),
  },
  cacheMetadata: { cacheHit: false },
  fields: {
    orders_status: dimension('orders', 'status', 'string', { label: 'Status' }),
    orders_region: dimension('orders', 'region', 'string', { label: 'Region' }),
    orders_count: metric('orders', 'count', 'count', { label: 'Orders' }),
    orders_revenue: metric('orders', 'revenue', 'sum', { label: 'Revenue' }),
    ...Object.fromEntries(calculations.map((name) => [name, { name, displayName: `Calc ${name}`, sql: '1' } as never])),
  },
  rows,
});

const byStatus = results(['orders_status'], ['orders_count', 'orders_revenue'], [
  { orders_status: cell('shipped', 'shipped'), orders_count: cell(3, '3'), orders_revenue: cell('1234.50', '$1,234.50') },
  { orders_status: cell(null, '∅'), orders_count: cell(1, '1'), orders_revenue: cell(null, '∅') },
]);

const columnsOf = (r: QueryResults) => ({ dimensions: r.metricQuery.dimensions, metrics: r.metricQuery.metrics, calculations: r.metricQuery.tableCalculations.map((c) => c.name) });
const draw = (r: QueryResults, kind: Parameters<typeof withKind>[1], pivot?: string) => {
  // As the builder does: the kind applies to the chart resolved against the query.
  const start = resolveChart(cartesianConfig({ kind: 'bar', xField: undefined, yFields: [], stacked: false, xAxisName: '', yAxisName: '' }), columnsOf(r), pivot);
  const chart = resolveChart(withKind(start, kind), columnsOf(r), pivot);
  return echartsOption(r, chart, pivot);
};

describe('ECharts option', () => {
  it('draws one series per measure along the x field, raw numbers as values, gaps for non-numbers', () => {
    const spec = draw(byStatus, 'line');
    expect(spec.ok).toBe(true);
    if (!spec.ok) return;
    expect(spec.option.xAxis).toMatchObject({ type: 'category', data: ['shipped', '∅'] });
    expect(spec.option.series).toEqual([
      { type: 'line', name: 'Orders', data: [3, 1], showSymbol: true },
      { type: 'line', name: 'Revenue', data: [1234.5, null], showSymbol: true },
    ]);
  });

  it('draws areas as lines with areaStyle, stacks, names the axes, and scatter points by item', () => {
    const chart = cartesianConfig({ kind: 'area', xField: 'orders_status', yFields: ['orders_count'], stacked: true, xAxisName: 'Status', yAxisName: 'Count' });
    const spec = echartsOption(byStatus, chart, undefined);
    if (!spec.ok) throw new Error(spec.reason);
    expect(spec.option.series[0]).toMatchObject({ type: 'line', stack: 'stack', areaStyle: {} });
    expect(spec.option.xAxis).toMatchObject({ name: 'Status', nameLocation: 'middle' });
    expect(spec.option.yAxis).toMatchObject({ name: 'Count', nameLocation: 'end' });
    const scatter = draw(byStatus, 'scatter');
    expect(scatter.ok && scatter.option.tooltip.trigger).toBe('item');
    expect(scatter.ok && scatter.option.series[0]?.type).toBe('scatter');
  });

  it('splits a group-by dimension into series over the distinct x values', () => {
    const r = results(['orders_status', 'orders_region'], ['orders_count'], [
      { orders_status: cell('a', 'a'), orders_region: cell('EMEA', 'EMEA'), orders_count: cell(1, '1') },
      { orders_status: cell('a', 'a'), orders_region: cell('APAC', 'APAC'), orders_count: cell(2, '2') },
      { orders_status: cell('b', 'b'), orders_region: cell('EMEA', 'EMEA'), orders_count: cell(3, '3') },
    ]);
    const spec = draw(r, 'bar', 'orders_region');
    if (!spec.ok) throw new Error(spec.reason);
    expect(spec.option.xAxis?.data).toEqual(['a', 'b']);
    expect(spec.option.series.map((s) => [s.name, s.data])).toEqual([
      ['EMEA', [1, 3]],
      ['APAC', [2, null]],
    ]);
    expect(spec.note).toBeUndefined();
    const ungrouped = draw(r, 'bar');
    expect(ungrouped).toMatchObject({ ok: true, note: expect.stringMatching(/Drawn along Status/) });
  });

  it('draws pies and funnels, and table calculations as measures', () => {
    const pie = draw(byStatus, 'pie');
    expect(pie.ok && pie.option.series[0]).toMatchObject({ type: 'pie', name: 'Orders', data: [{ name: 'shipped', value: 3 }, { name: '∅', value: 1 }] });
    const funnel = draw(byStatus, 'funnel');
    expect(funnel.ok && funnel.option.series[0]).toMatchObject({ type: 'funnel', data: [{ name: 'shipped', value: 3 }, { name: '∅', value: 1 }] });
    const columns = echartsOption(byStatus, { type: 'funnel', config: { dataInput: 'column' } }, undefined);
    expect(columns.ok && columns.option.series[0]?.data).toEqual([{ name: 'Orders', value: 3 }, { name: 'Revenue', value: 1234.5 }]);
    const withCalc = results(['orders_status'], [], [{ orders_status: cell('a', 'a'), share: cell(0.5, '50%') }], ['share']);
    const calc = draw(withCalc, 'bar');
    expect(calc.ok && calc.option.series).toEqual([{ type: 'bar', name: 'Calc share', data: [0.5] }]);
  });

  it('says why it cannot draw', () => {
    expect(draw(results(['orders_status'], [], []), 'bar')).toEqual({ ok: false, reason: 'Add a metric or a table calculation to draw a chart.' });
    expect(draw(results([], ['orders_count'], []), 'bar')).toMatchObject({ ok: false, reason: expect.stringMatching(/dimension/) });
    expect(draw(results(['orders_status'], ['orders_count'], []), 'bar')).toEqual({ ok: false, reason: 'No rows to draw.' });
    expect(draw(results([], ['orders_count'], [{ orders_count: cell(1, '1') }]), 'pie')).toMatchObject({ ok: false, reason: expect.stringMatching(/dimension/) });
    expect(echartsOption(byStatus, { type: 'table' }, undefined)).toMatchObject({ ok: false });
  });

  it('shows a big number: the first row of the chosen field, formatted, under its label', () => {
    expect(bigNumber(byStatus, { type: 'big_number', config: { selectedField: 'orders_revenue' } })).toEqual({ ok: true, label: 'Revenue', value: '$1,234.50' });
    expect(bigNumber(byStatus, { type: 'big_number', config: { selectedField: 'orders_count', label: 'Total' } })).toEqual({ ok: true, label: 'Total', value: '3' });
    expect(bigNumber(byStatus, { type: 'big_number' })).toMatchObject({ ok: false });
  });
});
