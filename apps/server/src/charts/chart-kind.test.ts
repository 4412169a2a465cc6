import { describe, expect, it } from 'vitest';
import type { ChartConfig } from './chart-config.js';
import { chartKindOf } from './chart-kind.js';

const cartesian = (series: Record<string, unknown>[], layout: Record<string, unknown> = {}): ChartConfig => ({
  type: 'cartesian',
  config: { layout, eChartsConfig: { series } },
});

describe('chartKindOf', () => {
  it('gives non-cartesian charts their type as kind', () => {
    for (const type of ['table', 'big_number', 'pie', 'funnel', 'custom', 'treemap', 'gauge', 'map', 'sankey'] as const) {
      expect(chartKindOf({ type })).toBe(type);
    }
  });

  it('derives a cartesian kind from its first series, or mixed', () => {
    expect(chartKindOf(cartesian([{ type: 'bar' }]))).toBe('vertical_bar');
    expect(chartKindOf(cartesian([{ type: 'bar' }, { type: 'bar' }], { flipAxes: true }))).toBe('horizontal_bar');
    expect(chartKindOf(cartesian([{ type: 'line' }]))).toBe('line');
    expect(chartKindOf(cartesian([{ type: 'line', areaStyle: {} }]))).toBe('area');
    expect(chartKindOf(cartesian([{ type: 'area' }]))).toBe('area');
    expect(chartKindOf(cartesian([{ type: 'scatter' }]))).toBe('scatter');
    expect(chartKindOf(cartesian([{ type: 'bar' }, { type: 'line' }]))).toBe('mixed');
    expect(chartKindOf(cartesian([{ type: 'line' }, { type: 'line', areaStyle: {} }]))).toBe('mixed');
  });

  it('treats a cartesian chart without series as a vertical bar chart', () => {
    expect(chartKindOf({ type: 'cartesian' })).toBe('vertical_bar');
    expect(chartKindOf(cartesian([]))).toBe('vertical_bar');
  });
});
