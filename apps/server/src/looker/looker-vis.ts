import type { ChartConfig } from '../charts/chart-config.js';

/**
 * Looker visualisation types ↔ Tessera chart configs. The Looker type and its `vis_config` are kept
 * in the chart config (`lookerType`, `lookerVisConfig`: chart configs keep unknown keys), so a
 * dashboard written through the Looker face reads back with the same visualisation.
 */
const CARTESIAN: Record<string, 'line' | 'area' | 'bar' | 'scatter'> = {
  looker_line: 'line',
  looker_area: 'area',
  looker_column: 'bar',
  looker_bar: 'bar',
  looker_scatter: 'scatter',
};

export const chartConfigFor = (visType: string | null, dimensions: string[], metrics: string[], visConfig: Record<string, unknown> | null): ChartConfig => {
  const type = visType ?? (typeof visConfig?.type === 'string' ? visConfig.type : null) ?? 'looker_grid';
  const { type: _t, ...options } = visConfig ?? {};
  const looker = { lookerType: type, ...(Object.keys(options).length > 0 ? { lookerVisConfig: options } : {}) };
  const series = CARTESIAN[type];
  const x = dimensions[0];
  if (series && x !== undefined && metrics.length > 0) {
    return {
      type: 'cartesian',
      config: {
        layout: { xField: x, yField: metrics, ...(type === 'looker_bar' ? { flipAxes: true } : {}) },
        eChartsConfig: { series: metrics.map((y) => ({ type: series, encode: { xRef: { field: x }, yRef: { field: y } }, ...(series === 'area' ? { areaStyle: {} } : {}) })) },
        ...looker,
      },
    };
  }
  if (type === 'single_value' && metrics.length + dimensions.length > 0) return { type: 'big_number', config: { selectedField: metrics[0] ?? dimensions[0], ...looker } };
  if ((type === 'looker_pie' || type === 'looker_donut_multiples') && x !== undefined && metrics[0] !== undefined) {
    return { type: 'pie', config: { groupFieldIds: [x], metricId: metrics[0], ...looker } };
  }
  return { type: 'table', config: { ...looker } };
};

const BY_KIND: Record<string, string> = { cartesian: 'looker_column', big_number: 'single_value', pie: 'looker_pie', funnel: 'looker_funnel', table: 'looker_grid' };

/** The Looker visualisation type of a chart: the one it was written with, else the nearest. */
export const lookerTypeOf = (config: ChartConfig): string => {
  const kept = config.config?.lookerType;
  if (typeof kept === 'string') return kept;
  if (config.type === 'cartesian') {
    const first = (config.config?.eChartsConfig as { series?: { type?: string }[] } | undefined)?.series?.[0]?.type;
    if (first === 'line') return 'looker_line';
    if (first === 'area') return 'looker_area';
    if (first === 'scatter') return 'looker_scatter';
  }
  return BY_KIND[config.type] ?? 'looker_grid';
};
