import type { ChartConfig } from './chart-config.js';

/**
 * `ChartKind` (listings and dashboard tiles show it): 0.1411's eleven kinds, plus the newer chart
 * types as their own kind.
 */
export type ChartKind =
  | 'line'
  | 'horizontal_bar'
  | 'vertical_bar'
  | 'scatter'
  | 'area'
  | 'mixed'
  | 'pie'
  | 'table'
  | 'big_number'
  | 'funnel'
  | 'custom'
  | 'treemap'
  | 'gauge'
  | 'map'
  | 'sankey';

type SeriesLike = { type?: unknown; areaStyle?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The kind of a chart. Cartesian charts: `mixed` when their series use two or more distinct
 * (type, area) combinations; otherwise from the first series — bar → vertical_bar, or
 * horizontal_bar when `layout.flipAxes`; line → area when it has an `areaStyle`, else line; area;
 * scatter. A cartesian chart without series is a vertical bar chart (what a renderer draws first).
 */
export const chartKindOf = (chartConfig: ChartConfig): ChartKind => {
  if (chartConfig.type !== 'cartesian') return chartConfig.type;
  const config = chartConfig.config ?? {};
  const echarts = isObject(config.eChartsConfig) ? config.eChartsConfig : {};
  const series: SeriesLike[] = Array.isArray(echarts.series) ? echarts.series.filter(isObject) : [];
  const combinations = new Set(series.map((s) => `${String(s.type)}|${s.areaStyle !== undefined}`));
  if (combinations.size > 1) return 'mixed';
  const first = series[0];
  const flipped = isObject(config.layout) && config.layout.flipAxes === true;
  switch (first?.type) {
    case 'line':
      return first.areaStyle !== undefined ? 'area' : 'line';
    case 'area':
      return 'area';
    case 'scatter':
      return 'scatter';
    default:
      return flipped ? 'horizontal_bar' : 'vertical_bar';
  }
};
