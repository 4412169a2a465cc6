import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../../api/charts-types.js';
import { cartesianConfig, cartesianSettings, defaultChart, kindOf, resolveChart, withKind } from './chart-config.js';

const columns = { dimensions: ['orders_status', 'orders_region'], metrics: ['orders_order_count', 'orders_revenue'], calculations: ['share'] };

describe('chart config', () => {
  it('writes one series per y field as Lightdash saves them (an area is a line with areaStyle) and reads them back', () => {
    const settings = { kind: 'area' as const, xField: 'orders_status', yFields: ['orders_order_count', 'share'], stacked: true, xAxisName: 'Status', yAxisName: 'Orders' };
    const chart = cartesianConfig(settings);
    expect(chart).toEqual({
      type: 'cartesian',
      config: {
        layout: { xField: 'orders_status', yField: ['orders_order_count', 'share'] },
        eChartsConfig: {
          series: [
            { type: 'line', encode: { xRef: { field: 'orders_status' }, yRef: { field: 'orders_order_count' } }, stack: 'stack', areaStyle: {} },
            { type: 'line', encode: { xRef: { field: 'orders_status' }, yRef: { field: 'share' } }, stack: 'stack', areaStyle: {} },
          ],
          xAxis: [{ name: 'Status' }],
          yAxis: [{ name: 'Orders' }],
        },
      },
    });
    expect(kindOf(chart)).toBe('area');
    expect(cartesianSettings(chart)).toEqual(settings);
    expect(kindOf(cartesianConfig({ ...settings, kind: 'scatter' }))).toBe('scatter');
    // Scatter points do not stack.
    expect(cartesianConfig({ ...settings, kind: 'scatter' }).config).not.toHaveProperty('eChartsConfig.series.0.stack');
  });

  it('reads a Lightdash config without layout.yField from its series', () => {
    const saved: ChartConfig = {
      type: 'cartesian',
      config: { layout: { xField: 'x' }, eChartsConfig: { series: [{ type: 'bar', encode: { xRef: { field: 'x' }, yRef: { field: 'a', pivotValues: [{ field: 'p', value: 1 }] } } }, { type: 'bar', encode: { xRef: { field: 'x' }, yRef: { field: 'a' } } }] } },
    };
    expect(cartesianSettings(saved)).toMatchObject({ kind: 'bar', xField: 'x', yFields: ['a'], stacked: false });
  });

  it('switches kinds keeping the x field and the measures that carry over', () => {
    const bar = cartesianConfig({ kind: 'bar', xField: 'orders_status', yFields: ['orders_revenue'], stacked: false, xAxisName: '', yAxisName: '' });
    const pie = withKind(bar, 'pie');
    expect(pie).toEqual({ type: 'pie', config: { groupFieldIds: ['orders_status'], metricId: 'orders_revenue', isDonut: false, valueLabel: 'outside' } });
    expect(withKind(pie, 'line')).toMatchObject({ type: 'cartesian', config: { layout: { xField: 'orders_status', yField: ['orders_revenue'] } } });
    expect(withKind(bar, 'big_number')).toEqual({ type: 'big_number', config: { selectedField: 'orders_revenue' } });
    expect(withKind(bar, 'funnel')).toEqual({ type: 'funnel', config: { dataInput: 'row', fieldId: 'orders_revenue' } });
    expect(withKind(bar, 'table')).toEqual({ type: 'table', config: { showTableNames: false } });
    expect(CHART_KINDS_ROUND_TRIP.map((k) => kindOf(withKind(bar, k)))).toEqual(CHART_KINDS_ROUND_TRIP);
  });

  it('fills blanks and stale choices from the query; the group-by is never the x axis', () => {
    const resolved = resolveChart(defaultChart(), columns, 'orders_status');
    expect(cartesianSettings(resolved)).toMatchObject({ xField: 'orders_region', yFields: ['orders_order_count', 'orders_revenue', 'share'] });
    const stale = cartesianConfig({ kind: 'line', xField: 'gone', yFields: ['gone_too', 'orders_revenue'], stacked: false, xAxisName: '', yAxisName: '' });
    expect(cartesianSettings(resolveChart(stale, columns, undefined))).toMatchObject({ kind: 'line', xField: 'orders_status', yFields: ['orders_revenue'] });
    expect(resolveChart({ type: 'pie' }, columns, undefined)).toEqual({ type: 'pie', config: { groupFieldIds: ['orders_status'], metricId: 'orders_order_count' } });
    expect(resolveChart({ type: 'big_number', config: { selectedField: 'share' } }, columns, undefined)).toEqual({ type: 'big_number', config: { selectedField: 'share' } });
    expect(resolveChart({ type: 'funnel' }, { ...columns, metrics: [], calculations: [] }, undefined)).toEqual({ type: 'funnel', config: { dataInput: 'row' } });
  });
});

const CHART_KINDS_ROUND_TRIP = ['bar', 'line', 'area', 'scatter', 'pie', 'table', 'big_number', 'funnel'] as const;
